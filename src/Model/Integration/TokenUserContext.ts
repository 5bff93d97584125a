import { inject, injectable } from 'inversify';
import type { UserTokenReaderInterface } from '../../Api/Integration/UserTokenReaderInterface.ts';
import type { UserTokenValidatorInterface } from '../../Api/Integration/UserTokenValidatorInterface.ts';
import {
  GUEST,
  type AuthenticationRequest,
  type UserContext,
  type UserContextResolver,
} from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthorizationException } from '../../Framework/Exception/AuthorizationException.ts';

/**
 * Magento's `Magento\Webapi\Model\Authorization\TokenUserContext`: `Authorization: Bearer <token>`
 * (exactly two space-separated parts, scheme in any case) read and validated; anything missing,
 * malformed, expired, revoked or forged leaves the caller a guest. Database errors propagate.
 */
@injectable()
export class TokenUserContext implements UserContextResolver {
  constructor(
    @inject(TYPES.UserTokenReader) private readonly reader: UserTokenReaderInterface,
    @inject(TYPES.UserTokenValidator) private readonly validator: UserTokenValidatorInterface,
  ) {}

  async resolve(request: AuthenticationRequest): Promise<UserContext> {
    const authorizationHeader = request.header('authorization');
    if (!authorizationHeader) return GUEST;
    const pieces = authorizationHeader.split(' ');
    if (pieces.length !== 2 || pieces[0]?.toLowerCase() !== 'bearer') return GUEST;
    const token = await this.reader.read(pieces[1] as string);
    if (token === null) return GUEST;
    try {
      await this.validator.validate(token);
    } catch (error) {
      if (error instanceof AuthorizationException) return GUEST;
      throw error;
    }
    return Object.freeze({ userId: token.user.userId, userType: token.user.userType });
  }
}
