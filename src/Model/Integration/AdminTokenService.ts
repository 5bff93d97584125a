import { inject, injectable } from 'inversify';
import type { AdminTokenServiceInterface } from '../../Api/Integration/AdminTokenServiceInterface.ts';
import type { UserTokenIssuerInterface } from '../../Api/Integration/UserTokenIssuerInterface.ts';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { AdminUser } from '../ResourceModel/User/AdminUser.ts';
import { ACCOUNT_SIGN_IN_FAILED, AdminUserManagement } from '../User/AdminUserManagement.ts';
import { CredentialsValidator } from './CredentialsValidator.ts';
import { RequestThrottler } from './RequestThrottler.ts';

/**
 * Magento's `Magento\Integration\Model\AdminTokenService` (2.4.4+): validate the credentials, count the
 * attempt or refuse it when the user name is locked, authenticate, reset the count on success, issue a JWT.
 */
@injectable()
export class AdminTokenService implements AdminTokenServiceInterface {
  constructor(
    @inject(CredentialsValidator) private readonly validator: CredentialsValidator,
    @inject(RequestThrottler) private readonly throttler: RequestThrottler,
    @inject(AdminUserManagement) private readonly users: AdminUserManagement,
    @inject(AdminUser) private readonly userResource: AdminUser,
    @inject(TYPES.UserTokenIssuer) private readonly issuer: UserTokenIssuerInterface,
    @inject(TYPES.UserTokenRevoker) private readonly revoker: UserTokenRevokerInterface,
  ) {}

  async createAdminAccessToken(username: string, password: string): Promise<string> {
    this.validator.validate(username, password);
    // Counted under the name the admin is stored under when the typed one reaches an admin, so that every
    // spelling the lookup accepts (case, and on MySQL trailing spaces and accents) shares one counter.
    const throttleName = (await this.users.findByUsername(username))?.username ?? username;
    await this.throttler.claimAttempt(throttleName, RequestThrottler.USER_TYPE_ADMIN);
    const user = await this.users.authenticate(username, password);
    if (!user) throw new AuthenticationException(__(ACCOUNT_SIGN_IN_FAILED));
    await this.throttler.resetAuthenticationFailuresCount(throttleName, RequestThrottler.USER_TYPE_ADMIN);
    return this.issuer.create({ userId: user.user_id, userType: UserType.ADMIN });
  }

  async revokeAdminAccessToken(adminId: number): Promise<boolean> {
    if (!adminId) throw InputException.requiredField('adminId');
    if (!(await this.userResource.loadById(adminId))) {
      throw new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'adminId', fieldValue: adminId }));
    }
    await this.revoker.revokeFor({ userId: adminId, userType: UserType.ADMIN });
    return true;
  }
}
