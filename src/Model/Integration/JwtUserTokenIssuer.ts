import { inject, injectable } from 'inversify';
import type { UserTokenIssuerInterface } from '../../Api/Integration/UserTokenIssuerInterface.ts';
import { UserType, type UserContext } from '../../Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { JwtCodec } from '../../Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { RevokedToken } from '../ResourceModel/Integration/RevokedToken.ts';

/** `JwtUserToken\Model\Config\ConfigReader`: a missing, zero or negative lifetime means 30 minutes. */
const DEFAULT_TTL_MINUTES = 30;

/**
 * Magento's `Magento\JwtUserToken\Model\Issuer`: `{"uid","utypid","iat","exp"}` signed by JwtCodec,
 * `exp = iat + webapi/jwtauth/{admin,customer}_expiration` minutes. Only admins and customers get
 * tokens, as in Magento.
 *
 * `iat` is now, or one second past the user's `jwt_auth_revoked.revoke_before` when that is not earlier:
 * a revocation refuses every token of its own second (UserTokenRevoker), so a token issued after it in
 * that second is dated into the next one. Magento's reader and validators accept an `iat` in the future
 * (only `exp` and `iat <= revoke_before` are checked). A revocation that starts once this token is
 * issued moves `revoke_before` to at least this `iat` (to its own second, or past the value read here),
 * so the token is refused; one running concurrently with the issue may land on either side. Instances
 * must share a synchronised clock, as every expiry check already assumes.
 */
@injectable()
export class JwtUserTokenIssuer implements UserTokenIssuerInterface {
  constructor(
    @inject(TYPES.JwtCodec) private readonly codec: JwtCodec,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(RevokedToken) private readonly revoked: Pick<RevokedToken, 'findRevokeBefore'>,
  ) {}

  async create(user: UserContext, params: { forcedIssuedTime?: number } = {}): Promise<string> {
    if (!user.userId || !user.userType) throw new Error('User ID and Type ID cannot be empty');
    let path: string;
    if (user.userType === UserType.ADMIN) path = 'webapi/jwtauth/admin_expiration';
    else if (user.userType === UserType.CUSTOMER) path = 'webapi/jwtauth/customer_expiration';
    else throw new Error('Can only issue tokens for customers and admin users');
    const minutes = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    const iat = params.forcedIssuedTime ?? (await this.issuedAt(user.userType, user.userId));
    const exp = iat + (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_TTL_MINUTES) * 60;
    return this.codec.encode({ uid: user.userId, utypid: user.userType, iat, exp });
  }

  private async issuedAt(userType: UserType, userId: number): Promise<number> {
    const now = unixSeconds(this.clock);
    const revokeBefore = await this.revoked.findRevokeBefore(userType, userId);
    return revokeBefore === null ? now : Math.max(now, revokeBefore + 1);
  }
}
