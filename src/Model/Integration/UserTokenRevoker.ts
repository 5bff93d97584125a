import { inject, injectable } from 'inversify';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { UserType, type UserContext } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { EVENTS, type EventManager } from '../../Framework/Event/EventManager.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { OauthToken } from '../ResourceModel/Integration/OauthToken.ts';
import { RevokedToken } from '../ResourceModel/Integration/RevokedToken.ts';

/**
 * Magento's `Magento\JwtUserToken\Model\Revoker`, made to always win: `jwt_auth_revoked.revoke_before`
 * moves to the current second (or one past its stored value, see RevokedToken::revoke), so every token
 * issued up to now is refused — also one issued earlier within this very second, which Magento's
 * `time() - 1` lets through. A token issued after the revocation still works: JwtUserTokenIssuer dates it
 * after `revoke_before`. The same check refuses opaque tokens (`created_at` as their `iat`); the user's
 * `oauth_token` rows are also marked revoked, and other modules are told
 * (`EVENTS.ADMIN_TOKENS_REVOKED` / `EVENTS.CUSTOMER_TOKENS_REVOKED`).
 */
@injectable()
export class UserTokenRevoker implements UserTokenRevokerInterface {
  constructor(
    @inject(RevokedToken) private readonly revoked: RevokedToken,
    @inject(OauthToken) private readonly tokens: OauthToken,
    @inject(TYPES.EventManager) private readonly events: EventManager,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async revokeFor(user: UserContext): Promise<void> {
    if (!user.userId || user.userType === UserType.GUEST) throw new Error('Only a user can have tokens revoked.');
    await this.revoked.revoke(user.userType, user.userId, unixSeconds(this.clock));
    if (user.userType === UserType.ADMIN) {
      await this.tokens.revokeForAdmin(user.userId);
      await this.events.dispatch(EVENTS.ADMIN_TOKENS_REVOKED, { adminId: user.userId });
    } else if (user.userType === UserType.CUSTOMER) {
      await this.tokens.revokeForCustomer(user.userId);
      await this.events.dispatch(EVENTS.CUSTOMER_TOKENS_REVOKED, { customerId: user.userId });
    }
  }
}
