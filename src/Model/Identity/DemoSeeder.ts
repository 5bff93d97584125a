import { inject, injectable } from 'inversify';
import type { AccountManagementInterface } from '../../Api/Customer/AccountManagementInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { EMAIL_TAKEN } from '../Customer/CustomerRepository.ts';
import { AdminUser } from '../ResourceModel/User/AdminUser.ts';
import { AdminUserManagement } from '../User/AdminUserManagement.ts';

export interface DemoCredentials {
  readonly admin: { readonly username: string; readonly password: string };
  readonly customer: { readonly email: string; readonly password: string };
}

/** Magento's sample data values: the admin of the docs and sample customer Veronica Costello. */
export const DEMO_CREDENTIALS: DemoCredentials = Object.freeze({
  admin: Object.freeze({ username: 'admin', password: 'Admin123!' }),
  customer: Object.freeze({ email: 'roni_cost@example.com', password: 'Roni_cost3@example.com' }),
});

/**
 * First start of the embedded database: a full-access admin and a customer to try the API with.
 * Does nothing (returns null) once any admin user exists, so it never touches a real Magento's data.
 */
@injectable()
export class DemoSeeder {
  constructor(
    @inject(AdminUser) private readonly adminUsers: AdminUser,
    @inject(AdminUserManagement) private readonly admins: AdminUserManagement,
    @inject(TYPES.AccountManagement) private readonly accounts: AccountManagementInterface,
  ) {}

  async seed(): Promise<DemoCredentials | null> {
    if (await this.adminUsers.hasAnyUser()) return null;
    const { admin, customer } = DEMO_CREDENTIALS;
    await this.admins.createOrUpdateAdministrator({
      username: admin.username,
      password: admin.password,
      email: 'admin@example.com',
      firstname: 'Admin',
      lastname: 'User',
    });
    try {
      await this.accounts.createAccount(
        { email: customer.email, firstname: 'Veronica', lastname: 'Costello', website_id: 1 },
        customer.password,
      );
    } catch (error) {
      // Already there (a database whose admins were removed): keep that customer as it is.
      if (!(error instanceof LocalizedException && error.getRawMessage() === EMAIL_TAKEN)) throw error;
    }
    return DEMO_CREDENTIALS;
  }
}
