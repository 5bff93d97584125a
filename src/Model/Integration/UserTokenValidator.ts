import { inject, injectable } from 'inversify';
import type { UserToken } from '../../Api/Integration/Data/UserToken.ts';
import type { UserTokenValidatorInterface } from '../../Api/Integration/UserTokenValidatorInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthorizationException } from '../../Framework/Exception/AuthorizationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { CacheGenerations } from '../Cache/CacheGenerations.ts';
import { Customer } from '../ResourceModel/Customer/Customer.ts';
import { TokenSubject } from '../ResourceModel/Integration/TokenSubject.ts';
import { AdminUser } from '../ResourceModel/User/AdminUser.ts';

/**
 * Magento's `CompositeUserTokenValidator` (ExpirationValidator, JwtUserToken's RevokedValidator),
 * plus the user checks SPEC §4.3 asks for: the token's admin must still exist and be active, its
 * customer or integration must still exist. One query per call, which also brings the shared caches' generation and
 * a customer's row for the rest of the request (CacheGenerations, the customer identity map).
 */
@injectable()
export class UserTokenValidator implements UserTokenValidatorInterface {
  constructor(
    @inject(TokenSubject) private readonly subjects: TokenSubject,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(CacheGenerations) private readonly generations: CacheGenerations,
    @inject(Customer) private readonly customers: Customer,
    @inject(AdminUser) private readonly admins: AdminUser,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async validate(token: UserToken): Promise<void> {
    const { userId, userType } = token.user;
    // ExpirationValidator: integration tokens do not expire; the others are refused once exp <= now.
    if (userType !== UserType.INTEGRATION && (token.expiresAt === null || token.expiresAt <= unixSeconds(this.clock))) {
      throw new AuthorizationException(__('Consumer key has expired'));
    }
    if (userId === null) throw new AuthorizationException(__('User token has been revoked'));
    const epoch = this.generations.epoch;
    const state = await this.subjects.load(userType, userId);
    if (state.cacheGeneration !== null) this.generations.seed(state.cacheGeneration, epoch);
    if (state.customer) this.customers.remember(userId, state.customer);
    if (state.admin) this.admins.remember(userId, state.admin);
    for (const [key, value] of state.identityEntries ?? []) this.requestContext.remember(key, value);
    // RevokedValidator: tokens issued at or before `revoke_before` are refused.
    if (state.revokeBefore !== null && token.issuedAt <= state.revokeBefore) {
      throw new AuthorizationException(__('User token has been revoked'));
    }
    if (!state.exists || !state.active) throw new AuthorizationException(__('User token has been revoked'));
  }
}
