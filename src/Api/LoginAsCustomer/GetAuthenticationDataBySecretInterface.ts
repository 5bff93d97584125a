import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { AUTHENTICATION_DATA_INTERFACE, type AuthenticationData } from './Data/AuthenticationDataInterface.ts';

export const GET_AUTHENTICATION_DATA_BY_SECRET_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\GetAuthenticationDataBySecretInterface';

/**
 * Magento's `GetAuthenticationDataBySecretInterface`: reads a secret without consuming it
 * (`POST /V1/login-as-customer/secret/validate`). Every secret problem is one AuthenticationException
 * `Invalid or expired secret.`; the audit log keeps the real reason.
 */
export interface GetAuthenticationDataBySecretInterface {
  execute(secret: string): Promise<AuthenticationData>;
}

export const GetAuthenticationDataBySecretContract: ServiceContract = {
  name: GET_AUTHENTICATION_DATA_BY_SECRET_INTERFACE,
  methods: {
    execute: {
      description: 'Check a Login as Customer secret without consuming it.',
      parameters: [{ name: 'secret', type: 'string', required: true }],
      returns: AUTHENTICATION_DATA_INTERFACE,
    },
  },
};
