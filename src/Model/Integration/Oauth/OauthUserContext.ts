import { inject, injectable } from 'inversify';
import { GUEST, UserType, type AuthenticationRequest, type UserContext, type UserContextResolver } from '../../../Framework/Authentication/UserContext.ts';
import { IntegrationOauth } from './IntegrationOauth.ts';
import { prepareOauthRequest } from '../../../Framework/Oauth/OauthRequestHelper.ts';
import { IntegrationResource } from '../../ResourceModel/Integration/IntegrationResource.ts';

/**
 * Magento's `Magento\Webapi\Model\Authorization\OauthUserContext`: a request whose Authorization header
 * holds `OAuth …` is checked as a signed access-token request (Oauth::validateAccessTokenRequest — its
 * failures throw, giving Magento's 400/401 bodies); the caller is then the consumer's integration (user type 1)
 * if that integration is active, else a guest. Any other request: a guest, untouched.
 */
@injectable()
export class OauthUserContext implements UserContextResolver {
  constructor(
    @inject(IntegrationOauth) private readonly oauth: IntegrationOauth,
    @inject(IntegrationResource) private readonly integrations: IntegrationResource,
  ) {}

  async resolve(request: AuthenticationRequest): Promise<UserContext> {
    const readBody = request.readBody?.bind(request);
    const params = await prepareOauthRequest({
      method: request.method,
      url: request.url,
      authorization: request.header('authorization'),
      contentType: request.header('content-type'),
      ...(readBody ? { body: async () => (await readBody()).toString('utf8') } : {}),
    });
    if (params === null) return GUEST;
    const consumerId = await this.oauth.validateAccessTokenRequest(params, request.url, request.method);
    const integration = await this.integrations.loadActiveByConsumerId(consumerId);
    if (!integration) return GUEST;
    return Object.freeze({ userId: integration.integration_id, userType: UserType.INTEGRATION });
  }
}
