import type { UserContext } from '../../Framework/Authentication/UserContext.ts';

/** Magento's `Magento\Integration\Api\UserTokenRevokerInterface`: revokes every token of a user. */
export interface UserTokenRevokerInterface {
  revokeFor(user: UserContext): Promise<void>;
}
