import { randomBytes } from 'node:crypto';
import type { AccountManagementInterface } from '../../../src/Api/Customer/AccountManagementInterface.ts';
import type { UserTokenIssuerInterface } from '../../../src/Api/Integration/UserTokenIssuerInterface.ts';
import type { SetAssistanceInterface } from '../../../src/Api/LoginAsCustomer/SetAssistanceInterface.ts';
import { createApplication, type Application } from '../../../src/bootstrap.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import type { ConfigWriterInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { MysqlConnection } from '../../../src/Framework/Db/MysqlConnection.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';
import { uniqueSuffix } from '../../support/databases.ts';

export const ENABLED_PATH = 'login_as_customer/general/enabled';

export interface AdminFixture {
  readonly adminId: number;
  readonly username: string;
  readonly password: string;
  /** Minted with the shared crypt key, as the service would issue it. */
  readonly token: string;
}

export interface CustomerFixture {
  readonly customerId: number;
  readonly email: string;
  readonly password: string;
}

/** A fresh `base64…` crypt key, as Magento 2.4.7 writes them. */
export function newCryptKey(): string {
  return `base64${randomBytes(32).toString('base64')}`;
}

/**
 * The test's own view of the database the child services use: the project's classes on a separate
 * connection with the same crypt key, to create the rows each test owns (unique names) and to read
 * them back. Installs missing tables, so call it before the first child starts.
 */
export class ReliabilityFixtures {
  private readonly restores: Array<() => Promise<void>> = [];

  private constructor(
    readonly application: Application,
    readonly db: ConnectionInterface,
  ) {}

  static async open(url: string, cryptKey: string): Promise<ReliabilityFixtures> {
    const db = MysqlConnection.fromUrl(url, { connectTimeoutMs: 5000 });
    const application = await createApplication({
      deployment: {
        database: { kind: 'sqlite', path: ':memory:' },
        cryptKey,
        tablePrefix: '',
        mode: 'default',
        host: '127.0.0.1',
        port: 0,
        varDir: '/tmp',
        source: 'DATABASE_URL',
      },
      connection: db,
      logger: new MemoryLogger(),
    });
    return new ReliabilityFixtures(application, db);
  }

  private get<T>(token: symbol | (abstract new (...args: never[]) => T)): T {
    return this.application.container.get<T>(token as symbol);
  }

  /** A full-access admin (own role) with a known password and a minted token. */
  async createAdmin(resources: readonly string[] = ['Magento_Backend::all']): Promise<AdminFixture> {
    const suffix = uniqueSuffix();
    const role = await this.get(RoleManagement).createRole(`rel_role_${suffix}`, resources);
    const username = `rel_admin_${suffix}`;
    const password = `Pw_${suffix}_1a`;
    const adminId = await this.get(AdminUserManagement).createAdmin(
      { username, password, email: `${username}@example.com`, firstname: 'Rel', lastname: 'Admin' },
      role.role_id,
    );
    const token = await this.get<UserTokenIssuerInterface>(TYPES.UserTokenIssuer).create({ userId: adminId, userType: UserType.ADMIN });
    return { adminId, username, password, token };
  }

  /** A customer of website 1 who allows remote shopping assistance. */
  async createCustomer(): Promise<CustomerFixture> {
    const email = `rel_${uniqueSuffix()}@example.com`;
    const password = `Cu_${uniqueSuffix()}_1A`;
    const customer = await this.get<AccountManagementInterface>(TYPES.AccountManagement).createAccount(
      { email, firstname: 'Rel', lastname: 'Customer', website_id: 1, store_id: 1 },
      password,
    );
    const customerId = customer.id as number;
    await this.get<SetAssistanceInterface>(TYPES.LacSetAssistance).execute(customerId, true);
    return { customerId, email, password };
  }

  async customerToken(customerId: number): Promise<string> {
    return this.get<UserTokenIssuerInterface>(TYPES.UserTokenIssuer).create({ userId: customerId, userType: UserType.CUSTOMER });
  }

  /** Sets a default-scope value now and puts the previous one back in close(). */
  async setConfig(path: string, value: string): Promise<void> {
    const table = this.db.getTableName('core_config_data');
    const previous = await this.db.fetchRow<{ value: string | null }>(
      `SELECT value FROM ${table} WHERE scope = ? AND scope_id = ? AND path = ?`,
      ['default', 0, path],
    );
    const writer = this.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    await writer.save(path, value);
    this.restores.push(async () => {
      if (previous === undefined) await writer.delete(path);
      else await writer.save(path, previous.value);
    });
  }

  async close(): Promise<void> {
    for (const restore of this.restores.splice(0).reverse()) await restore();
    await this.application.close();
    await this.db.close();
  }
}
