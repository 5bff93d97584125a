import { inject, injectable } from 'inversify';
import type { UserToken } from '../../Api/Integration/Data/UserToken.ts';
import type { UserTokenReaderInterface } from '../../Api/Integration/UserTokenReaderInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { JwtCodec } from '../../Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { parseDbDate } from '../../Framework/Stdlib/Clock.ts';
import { OauthToken } from '../ResourceModel/Integration/OauthToken.ts';
import { TokenSubject } from '../ResourceModel/Integration/TokenSubject.ts';

/** Magento's opaque tokens are 32 random letters and digits; anything else is not looked up. */
const OPAQUE_TOKEN = /^[A-Za-z0-9]{1,32}$/;

const ACCEPTED_JWT_USER_TYPES: ReadonlySet<number> = new Set([UserType.INTEGRATION, UserType.ADMIN, UserType.CUSTOMER]);

/**
 * Magento's `CompositeTokenReader` with its two readers:
 *  - `JwtUserToken\Model\Reader`: an HS256 JWT under the current crypt key (JwtCodec refuses `none`,
 *    other algorithms, forged or malformed tokens);
 *  - `Integration\Model\OpaqueToken\Reader`: a row of `oauth_token` that is not revoked; admins'
 *    and customers' tokens live `oauth/access_token_lifetime/{admin,customer}` hours from
 *    `created_at`; an integration's token never expires and is accepted only when
 *    `oauth/consumer/enable_integration_as_bearer` is on (off by default since 2.4.4).
 * Never issues opaque tokens.
 */
@injectable()
export class UserTokenReader implements UserTokenReaderInterface {
  constructor(
    @inject(TYPES.JwtCodec) private readonly codec: JwtCodec,
    @inject(OauthToken) private readonly tokens: OauthToken,
    @inject(TokenSubject) private readonly subjects: TokenSubject,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
  ) {}

  async read(token: string): Promise<UserToken | null> {
    if (typeof token !== 'string' || token === '') return null;
    const claims = this.codec.read(token);
    if (claims !== null) {
      if (!ACCEPTED_JWT_USER_TYPES.has(claims.utypid)) return null;
      return {
        user: { userId: claims.uid, userType: claims.utypid as UserType },
        issuedAt: claims.iat,
        expiresAt: claims.exp,
        kind: 'jwt',
      };
    }
    return OPAQUE_TOKEN.test(token) ? this.readOpaque(token) : null;
  }

  private async readOpaque(token: string): Promise<UserToken | null> {
    const row = await this.tokens.loadByToken(token);
    if (!row || row.revoked) return null;
    const issuedAt = Math.floor(parseDbDate(row.created_at) / 1000);
    if (!Number.isFinite(issuedAt)) return null;
    switch (row.user_type) {
      case UserType.ADMIN:
      case UserType.CUSTOMER: {
        const userId = row.user_type === UserType.ADMIN ? row.admin_id : row.customer_id;
        if (!userId) return null;
        const path = row.user_type === UserType.ADMIN ? 'oauth/access_token_lifetime/admin' : 'oauth/access_token_lifetime/customer';
        const hours = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
        return {
          user: { userId, userType: row.user_type },
          issuedAt,
          expiresAt: issuedAt + (Number.isFinite(hours) && hours > 0 ? hours : 0) * 3600,
          kind: 'opaque',
        };
      }
      case UserType.INTEGRATION: {
        if (row.consumer_id === null || !(await this.config.isSetFlag('oauth/consumer/enable_integration_as_bearer'))) return null;
        const integrationId = await this.subjects.findIntegrationIdByConsumer(row.consumer_id);
        if (!integrationId) return null;
        return { user: { userId: integrationId, userType: UserType.INTEGRATION }, issuedAt, expiresAt: null, kind: 'opaque' };
      }
      default:
        return null;
    }
  }
}
