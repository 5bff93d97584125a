import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

export const AUTHENTICATE_CUSTOMER_BY_SECRET_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\AuthenticateCustomerBySecretInterface';

/**
 * Magento's `AuthenticateCustomerBySecretInterface` logs the storefront session in; over REST the
 * equivalent is a customer token (`POST /V1/login-as-customer/token`). Consumes the secret: of any
 * number of concurrent calls with one secret, on any number of instances, exactly one gets a token.
 */
export interface AuthenticateCustomerBySecretInterface {
  execute(secret: string): Promise<string>;
}

export const AuthenticateCustomerBySecretContract: ServiceContract = {
  name: AUTHENTICATE_CUSTOMER_BY_SECRET_INTERFACE,
  methods: {
    execute: {
      description: 'Exchange a Login as Customer secret for a customer access token (single use).',
      parameters: [{ name: 'secret', type: 'string', required: true }],
      returns: 'string',
    },
  },
};
