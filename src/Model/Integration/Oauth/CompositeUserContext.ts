import { inject, injectable } from 'inversify';
import { UserType, type AuthenticationRequest, type UserContext, type UserContextResolver } from '../../../Framework/Authentication/UserContext.ts';
import { TokenUserContext } from '../TokenUserContext.ts';
import { OauthUserContext } from './OauthUserContext.ts';

/**
 * Magento's `Magento\Authorization\Model\CompositeUserContext` as Magento_Webapi configures it: the bearer
 * token context first, then the OAuth 1.0a one; the first that names a user wins, else the caller is a guest.
 */
@injectable()
export class CompositeUserContext implements UserContextResolver {
  constructor(
    @inject(TokenUserContext) private readonly token: TokenUserContext,
    @inject(OauthUserContext) private readonly oauth: OauthUserContext,
  ) {}

  async resolve(request: AuthenticationRequest): Promise<UserContext> {
    const byToken = await this.token.resolve(request);
    if (byToken.userType !== UserType.GUEST) return byToken;
    return this.oauth.resolve(request);
  }
}
