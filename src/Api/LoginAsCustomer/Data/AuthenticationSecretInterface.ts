import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const AUTHENTICATION_SECRET_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\Data\\AuthenticationSecretInterface';

/**
 * What `POST /V1/login-as-customer/secret` returns: the secret in Magento 2.4's format
 * (`<keyVersion>:3:<base64>`, exchangeable here or on a Magento storefront's
 * `loginascustomer/login/index?secret=…`) and the data it carries.
 */
export interface AuthenticationSecret {
  secret: string;
  customer_id: number;
  admin_id: number;
  store_id: number;
  expires_at: string;
}

export const AuthenticationSecretDeclaration: DataInterfaceDeclaration = {
  name: AUTHENTICATION_SECRET_INTERFACE,
  description: 'A Login as Customer secret and the session it opens.',
  fields: [
    { name: 'secret', type: 'string', required: true, description: 'Single-use secret; exchange it for a customer token.' },
    { name: 'customer_id', type: 'int', required: true },
    { name: 'admin_id', type: 'int', required: true },
    { name: 'store_id', type: 'int', required: true, description: 'Store view to log in to.' },
    { name: 'expires_at', type: 'string', required: true, description: 'When (UTC) the secret stops being accepted.' },
  ],
};
