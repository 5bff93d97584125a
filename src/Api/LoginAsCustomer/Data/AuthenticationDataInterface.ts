import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const AUTHENTICATION_DATA_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\Data\\AuthenticationDataInterface';

/**
 * Magento's `Magento\LoginAsCustomerApi\Api\Data\AuthenticationDataInterface` (customer_id, admin_id),
 * plus what a REST caller needs to act on a secret: the store view chosen at generation and when the
 * secret stops being accepted (`YYYY-MM-DD HH:MM:SS`, UTC, as Magento writes dates).
 */
export interface AuthenticationData {
  customer_id: number;
  admin_id: number;
  store_id?: number;
  expires_at?: string;
}

export const AuthenticationDataDeclaration: DataInterfaceDeclaration = {
  name: AUTHENTICATION_DATA_INTERFACE,
  description: 'Who a Login as Customer secret lets in, where, and until when.',
  fields: [
    { name: 'customer_id', type: 'int', required: true, description: 'Customer the secret logs in as.' },
    { name: 'admin_id', type: 'int', required: true, description: 'Admin user on whose behalf the session runs.' },
    { name: 'store_id', type: 'int', description: 'Store view to log in to.' },
    { name: 'expires_at', type: 'string', description: 'When (UTC) the secret stops being accepted.' },
  ],
};
