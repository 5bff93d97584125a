import { inject, injectable } from 'inversify';
import type { UserToken } from '../../Api/Integration/Data/UserToken.ts';
import type { UserTokenValidatorInterface } from '../../Api/Integration/UserTokenValidatorInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthorizationException } from '../../Framework/Exception/AuthorizationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { TokenSubject } from '../ResourceModel/Integration/TokenSubject.ts';

/**
 * Magento's `CompositeUserTokenValidator` (ExpirationValidator, JwtUserToken's RevokedValidator),
 * plus the user checks SPEC §4.3 asks for: the token's admin must still exist and be active, its
 * customer or integration must still exist. One query per call.
 */
@injectable()
export class UserTokenValidator implements UserTokenValidatorInterface {
  constructor(
    @inject(TokenSubject) private readonly subjects: TokenSubject,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async validate(token: UserToken): Promise<void> {
    const { userId, userType } = token.user;
    // ExpirationValidator: integration tokens do not expire; the others are refused once exp <= now.
    if (userType !== UserType.INTEGRATION && (token.expiresAt === null || token.expiresAt <= unixSeconds(this.clock))) {
      throw new AuthorizationException(__('Consumer key has expired'));
    }
    if (userId === null) throw new AuthorizationException(__('User token has been revoked'));
    const state = await this.subjects.load(userType, userId);
    // RevokedValidator: tokens issued at or before `revoke_before` are refused.
    if (state.revokeBefore !== null && token.issuedAt <= state.revokeBefore) {
      throw new AuthorizationException(__('User token has been revoked'));
    }
    if (!state.exists || !state.active) throw new AuthorizationException(__('User token has been revoked'));
  }
}
