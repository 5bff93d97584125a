import { inject, injectable } from 'inversify';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { UserType, type UserContext } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { EVENTS, type EventManager } from '../../Framework/Event/EventManager.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { OauthToken } from '../ResourceModel/Integration/OauthToken.ts';
import { RevokedToken } from '../ResourceModel/Integration/RevokedToken.ts';

/**
 * Magento's `Magento\JwtUserToken\Model\Revoker`: `jwt_auth_revoked.revoke_before = now - 1`, so every
 * token issued before the current second is refused (JWTs and, through the same validator, opaque
 * tokens). Like Magento, a token issued within the very second of the revocation survives it. The
 * user's `oauth_token` rows are also marked revoked, and other modules are told
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
    await this.revoked.saveRevoked(user.userType, user.userId, unixSeconds(this.clock) - 1);
    if (user.userType === UserType.ADMIN) {
      await this.tokens.revokeForAdmin(user.userId);
      await this.events.dispatch(EVENTS.ADMIN_TOKENS_REVOKED, { adminId: user.userId });
    } else if (user.userType === UserType.CUSTOMER) {
      await this.tokens.revokeForCustomer(user.userId);
      await this.events.dispatch(EVENTS.CUSTOMER_TOKENS_REVOKED, { customerId: user.userId });
    }
  }
}
