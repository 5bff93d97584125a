import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Integration\Api\AdminTokenServiceInterface`. */
export interface AdminTokenServiceInterface {
  /**
   * A JWT for the admin with these credentials. Blank fields: InputException; wrong credentials, an
   * inactive account or too many failures: AuthenticationException with Magento's one message.
   */
  createAdminAccessToken(username: string, password: string): Promise<string>;
  /** Revokes every token of the admin (JWTs via `jwt_auth_revoked`, opaque ones in `oauth_token`). */
  revokeAdminAccessToken(adminId: number): Promise<boolean>;
}

export const AdminTokenServiceContract: ServiceContract = {
  name: 'Magento\\Integration\\Api\\AdminTokenServiceInterface',
  methods: {
    createAdminAccessToken: {
      description: 'Create access token for admin given the admin credentials.',
      parameters: [
        { name: 'username', type: 'string', required: true },
        { name: 'password', type: 'string', required: true },
      ],
      returns: 'string',
    },
    revokeAdminAccessToken: {
      description: 'Revoke token by admin id.',
      parameters: [{ name: 'adminId', type: 'int', required: true }],
      returns: 'bool',
    },
  },
};
