import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

/**
 * Not in Magento (which has no REST route for an admin to end their own tokens; its admin panel's
 * "Force Sign-In" calls `AdminTokenServiceInterface::revokeAdminAccessToken`). Revokes every token of
 * the admin making the request, the admin counterpart of `revoke-customer-token`.
 */
export interface RevokeCurrentAdminTokensInterface {
  execute(): Promise<boolean>;
}

export const RevokeCurrentAdminTokensContract: ServiceContract = {
  name: 'Magento\\Integration\\Api\\RevokeCurrentAdminTokensInterface',
  methods: {
    execute: {
      description: "Revoke every token of the calling admin user (this service's addition to Magento's API).",
      parameters: [],
      returns: 'bool',
    },
  },
};
