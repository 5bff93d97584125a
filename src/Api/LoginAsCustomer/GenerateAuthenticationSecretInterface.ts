import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { AUTHENTICATION_SECRET_INTERFACE, type AuthenticationSecret } from './Data/AuthenticationSecretInterface.ts';

export const GENERATE_AUTHENTICATION_SECRET_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\GenerateAuthenticationSecretInterface';

/**
 * `POST /V1/login-as-customer/secret`: what Magento's admin "Login as Customer" button does, over REST.
 * Magento's interface of this name takes an AuthenticationDataInterface and only encrypts; over REST the
 * whole admin action runs here (checks, session row, audit), so the parameters are the request body.
 */
export interface GenerateAuthenticationSecretInterface {
  /**
   * @param adminId only for integration callers: the admin on whose behalf the session runs
   *   (Magento's `login_as_customer.admin_id`); an admin caller always acts as itself.
   */
  execute(customerId: number, storeId?: number | null, reason?: string | null, adminId?: number | null): Promise<AuthenticationSecret>;
}

export const GenerateAuthenticationSecretContract: ServiceContract = {
  name: GENERATE_AUTHENTICATION_SECRET_INTERFACE,
  methods: {
    execute: {
      description: 'Generate a single-use Login as Customer secret for a customer.',
      parameters: [
        { name: 'customerId', type: 'int', required: true },
        { name: 'storeId', type: 'int', required: false, description: 'Required when store view manual choice is enabled.' },
        { name: 'reason', type: 'string', required: false, description: 'Why the admin logs in; kept in the audit log.' },
        { name: 'adminId', type: 'int', required: false, description: 'Integration callers only: the admin the session belongs to.' },
      ],
      returns: AUTHENTICATION_SECRET_INTERFACE,
    },
  },
};
