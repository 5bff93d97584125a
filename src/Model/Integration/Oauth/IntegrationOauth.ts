import { inject, injectable } from 'inversify';
import { Oauth } from '../../../Framework/Oauth/Oauth.ts';
import { NonceGenerator } from './NonceGenerator.ts';
import { TokenProvider } from './TokenProvider.ts';

/** The framework's OAuth checks wired to the integration token provider and nonce store (`OauthInterface`). */
@injectable()
export class IntegrationOauth extends Oauth {
  constructor(@inject(TokenProvider) tokenProvider: TokenProvider, @inject(NonceGenerator) nonceGenerator: NonceGenerator) {
    super(tokenProvider, nonceGenerator);
  }
}
