import { inject, injectable } from 'inversify';
import type { AdminUserRepositoryInterface } from '../../Api/User/AdminUserRepositoryInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { RequestAuthorizer } from '../../Framework/Acl/RequestAuthorizer.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthorizationException } from '../../Framework/Exception/AuthorizationException.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';

export const LOGIN_RESOURCE = 'Magento_LoginAsCustomer::login';

export interface ActingAdmin {
  readonly adminId: number;
  readonly username: string;
}

/**
 * Who a Login as Customer session belongs to. Magento's table needs an admin (`login_as_customer.admin_id`,
 * and the session lives only while that admin is active and allowed `Magento_LoginAsCustomer::login`):
 * - an admin caller acts as itself (an `adminId` naming someone else is refused);
 * - an integration caller must name the admin it acts for with `adminId`, and that admin must be active
 *   and allowed `Magento_LoginAsCustomer::login` (the integration's own ACL was checked by the route);
 * - any other caller (only possible if a deployment opened the route) is refused.
 */
@injectable()
export class ActingAdminResolver {
  constructor(
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.AdminUserRepository) private readonly admins: AdminUserRepositoryInterface,
    @inject(TYPES.RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  async resolve(adminIdParam: number | null | undefined): Promise<ActingAdmin> {
    const caller = this.requestContext.getUser();
    if (caller.userType === UserType.ADMIN && caller.userId !== null) {
      if (adminIdParam !== undefined && adminIdParam !== null && adminIdParam !== caller.userId) {
        throw InputException.invalidFieldValue('adminId', adminIdParam);
      }
      const admin = await this.admins.getById(caller.userId);
      return { adminId: caller.userId, username: admin?.username ?? '' };
    }
    if (caller.userType === UserType.INTEGRATION && caller.userId !== null) {
      if (adminIdParam === undefined || adminIdParam === null) throw InputException.requiredField('adminId');
      const admin = await this.admins.getById(adminIdParam);
      const allowed =
        admin !== undefined &&
        Number(admin.is_active) === 1 &&
        (await this.authorizer.isAllowed({ userId: adminIdParam, userType: UserType.ADMIN }, [LOGIN_RESOURCE]));
      if (!admin || !allowed) throw InputException.invalidFieldValue('adminId', adminIdParam);
      return { adminId: adminIdParam, username: admin.username };
    }
    throw new AuthorizationException(__("The consumer isn't authorized to access %resources.", { resources: LOGIN_RESOURCE }));
  }
}
