import { inject, injectable } from 'inversify';
import type { UserTokenIssuerInterface } from '../../Api/Integration/UserTokenIssuerInterface.ts';
import { UserType, type UserContext } from '../../Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { JwtCodec } from '../../Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';

/** `JwtUserToken\Model\Config\ConfigReader`: a missing, zero or negative lifetime means 30 minutes. */
const DEFAULT_TTL_MINUTES = 30;

/**
 * Magento's `Magento\JwtUserToken\Model\Issuer`: `{"uid","utypid","iat","exp"}` signed by JwtCodec,
 * `exp = iat + webapi/jwtauth/{admin,customer}_expiration` minutes. Only admins and customers get
 * tokens, as in Magento.
 */
@injectable()
export class JwtUserTokenIssuer implements UserTokenIssuerInterface {
  constructor(
    @inject(TYPES.JwtCodec) private readonly codec: JwtCodec,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async create(user: UserContext, params: { forcedIssuedTime?: number } = {}): Promise<string> {
    if (!user.userId || !user.userType) throw new Error('User ID and Type ID cannot be empty');
    let path: string;
    if (user.userType === UserType.ADMIN) path = 'webapi/jwtauth/admin_expiration';
    else if (user.userType === UserType.CUSTOMER) path = 'webapi/jwtauth/customer_expiration';
    else throw new Error('Can only issue tokens for customers and admin users');
    const minutes = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    const iat = params.forcedIssuedTime ?? unixSeconds(this.clock);
    const exp = iat + (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_TTL_MINUTES) * 60;
    return this.codec.encode({ uid: user.userId, utypid: user.userType, iat, exp });
  }
}
