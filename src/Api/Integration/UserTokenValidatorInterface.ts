import type { UserToken } from './Data/UserToken.ts';

/**
 * Magento's `Magento\Integration\Api\UserTokenValidatorInterface` (its composite: expiration, then
 * `jwt_auth_revoked`). Throws AuthorizationException for a token that must not be accepted.
 */
export interface UserTokenValidatorInterface {
  validate(token: UserToken): Promise<void>;
}
