/**
 * Actors for the ecosystem tests (real clients, logs, browser): admins and customers created through the
 * identity and Login-as-Customer services — the same services `bin/magento admin:user:create` and the REST
 * routes use — with unique names, so the tests can share a MySQL database with every other test.
 */
import type { AccountManagementInterface } from '../../../src/Api/Customer/AccountManagementInterface.ts';
import type { SetAssistanceInterface } from '../../../src/Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { ConfigWriterInterface, ScopeConfigInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';
import type { TestApplication } from '../../support/app.ts';
import { uniqueSuffix } from '../../support/databases.ts';

export const LAC_ENABLED = 'login_as_customer/general/enabled';
export const LAC_LOGIN = 'Magento_LoginAsCustomer::login';
export const LAC_TOKEN = 'Magento_LoginAsCustomer::token';

export interface AdminCredentials {
  readonly adminId: number;
  readonly username: string;
  readonly password: string;
}

export interface CustomerCredentials {
  readonly customerId: number;
  readonly email: string;
  readonly password: string;
}

/** An active admin whose new role allows exactly `resources` (plus what the role tree implies). */
export async function createAdmin(app: TestApplication, resources: readonly string[]): Promise<AdminCredentials> {
  const suffix = uniqueSuffix();
  const container = app.application.container;
  const role = await container.get(RoleManagement).createRole(`eco_role_${suffix}`, resources);
  const username = `eco_admin_${suffix}`;
  const password = `Adm_${uniqueSuffix()}_9z`;
  const adminId = await container
    .get(AdminUserManagement)
    .createAdmin({ username, password, email: `${username}@example.com`, firstname: 'Eco', lastname: 'Admin' }, role.role_id);
  return { adminId, username, password };
}

/** A customer of the default website and store view who allows remote shopping assistance. */
export async function createAssistedCustomer(app: TestApplication): Promise<CustomerCredentials> {
  const container = app.application.container;
  const email = `eco_${uniqueSuffix()}@example.com`;
  const password = `Cus_${uniqueSuffix()}_7Q`;
  const customer = await container
    .get<AccountManagementInterface>(TYPES.AccountManagement)
    .createAccount({ email, firstname: 'Eco', lastname: 'Customer', website_id: 1, store_id: 1 }, password);
  const customerId = customer.id as number;
  await container.get<SetAssistanceInterface>(TYPES.LacSetAssistance).execute(customerId, true);
  return { customerId, email, password };
}

/** Saves (or with null deletes) a default-scope config value and drops this app's config cache. */
export async function setConfig(app: TestApplication, path: string, value: string | null): Promise<void> {
  const writer = app.application.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
  if (value === null) await writer.delete(path);
  else await writer.save(path, value);
  app.application.container.get<ScopeConfigInterface>(TYPES.ScopeConfig).clean();
}
