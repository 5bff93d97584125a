import { inject, injectable } from 'inversify';
import type { AdminTokenServiceInterface } from '../../Api/Integration/AdminTokenServiceInterface.ts';
import type { RevokeCurrentAdminTokensInterface } from '../../Api/Integration/RevokeCurrentAdminTokensInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthorizationException } from '../../Framework/Exception/AuthorizationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';

/** Revokes the calling admin's tokens (see RevokeCurrentAdminTokensInterface); other callers are refused. */
@injectable()
export class RevokeCurrentAdminTokens implements RevokeCurrentAdminTokensInterface {
  constructor(
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.AdminTokenService) private readonly tokens: AdminTokenServiceInterface,
  ) {}

  async execute(): Promise<boolean> {
    const user = this.requestContext.getUser();
    if (user.userType !== UserType.ADMIN || !user.userId) {
      throw new AuthorizationException(__("The consumer isn't authorized to access %resources.", { resources: 'Magento_Backend::admin' }));
    }
    return this.tokens.revokeAdminAccessToken(user.userId);
  }
}
