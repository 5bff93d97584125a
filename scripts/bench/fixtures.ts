import type { AccountManagementInterface } from '../../src/Api/Customer/AccountManagementInterface.ts';
import type { CustomerRepositoryInterface } from '../../src/Api/Customer/CustomerRepositoryInterface.ts';
import type { SetAssistanceInterface } from '../../src/Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { UserTokenIssuerInterface } from '../../src/Api/Integration/UserTokenIssuerInterface.ts';
import { createApplication } from '../../src/bootstrap.ts';
import { UserType } from '../../src/Framework/Authentication/UserContext.ts';
import type { ConfigWriterInterface } from '../../src/Framework/Config/ScopeConfigInterface.ts';
import type { DatabaseSettings } from '../../src/Framework/Config/DeploymentConfig.ts';
import type { EncryptorInterface } from '../../src/Framework/Crypt/EncryptorInterface.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import { LocalizedException } from '../../src/Framework/Exception/LocalizedException.ts';
import { createLogger } from '../../src/Framework/App/Logger.ts';
import { formatDbDate } from '../../src/Framework/Stdlib/Clock.ts';
import { RoleManagement } from '../../src/Model/Authorization/RoleManagement.ts';
import { CacheGeneration } from '../../src/Model/ResourceModel/Cache/CacheGeneration.ts';
import { AdminUserManagement } from '../../src/Model/User/AdminUserManagement.ts';
import { EMAIL_TAKEN } from '../../src/Model/Customer/CustomerRepository.ts';

/** Credentials the bench creates (and re-uses on later runs against the same MySQL database). */
export const BENCH_ADMIN = Object.freeze({ username: 'bench_admin', password: 'Bench_admin_2024' });
export const BENCH_CUSTOMER = Object.freeze({ email: 'bench_customer@example.com', password: 'Bench_Customer_2024' });
const POOL_ROLE = 'bench_pool';
const POOL_PREFIX = 'bench_pool_';

export interface BenchFixtures {
  readonly customerId: number;
  /** One admin JWT per pool admin: an admin has one live secret at a time, so each secret needs its own admin. */
  readonly poolTokens: readonly string[];
}

/**
 * Prepares the database the child service runs on, through the service's own classes: a full-access
 * admin and a customer who allows assistance, Login as Customer switched on with a one-hour secret
 * lifetime (secrets are generated a few seconds before they are exchanged), and a pool of full-access
 * admins whose tokens are minted with the same crypt key. Idempotent, so MySQL runs can repeat.
 */
export async function prepareFixtures(
  database: DatabaseSettings,
  cryptKey: string,
  varDir: string,
  poolSize: number,
  tablePrefix = '',
): Promise<BenchFixtures> {
  const application = await createApplication({
    deployment: { database, cryptKey, tablePrefix, mode: 'default', host: '127.0.0.1', port: 0, varDir, source: 'DATABASE_URL' },
    logger: createLogger({ level: 'warn' }),
    install: false,
  });
  try {
    const { container, connection: db } = application;
    const admins = container.get(AdminUserManagement);
    const roles = container.get(RoleManagement);
    await admins.createOrUpdateAdministrator({
      ...BENCH_ADMIN,
      email: 'bench_admin@example.com',
      firstname: 'Bench',
      lastname: 'Admin',
    });

    const accounts = container.get<AccountManagementInterface>(TYPES.AccountManagement);
    const customers = container.get<CustomerRepositoryInterface>(TYPES.CustomerRepository);
    try {
      await accounts.createAccount({ email: BENCH_CUSTOMER.email, firstname: 'Bench', lastname: 'Customer', website_id: 1 }, BENCH_CUSTOMER.password);
    } catch (error) {
      if (!(error instanceof LocalizedException && error.getRawMessage() === EMAIL_TAKEN)) throw error;
    }
    const customerId = (await customers.get(BENCH_CUSTOMER.email, 1)).id as number;
    await container.get<SetAssistanceInterface>(TYPES.LacSetAssistance).execute(customerId, true);

    const config = container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    await config.save('login_as_customer/general/enabled', '1');
    await config.save('login_as_customer/general/authentication_data_expiration_time', '3600');

    const role = (await roles.findRole(POOL_ROLE)) ?? (await roles.createRole(POOL_ROLE, ['Magento_Backend::all']));
    const userTable = db.getTableName('admin_user');
    const existing = await db.fetchAll<{ user_id: number; username: string }>(
      `SELECT user_id, username FROM ${userTable} WHERE username LIKE ? ORDER BY user_id`,
      [`${POOL_PREFIX}%`],
    );
    const ids = existing.map((row) => Number(row.user_id));
    if (ids.length < poolSize) {
      // One Argon2 hash for all: pool admins never sign in, their tokens are minted below.
      const hash = await container.get<EncryptorInterface>(TYPES.Encryptor).getHash(`Pool_${Date.now()}_x1`, true);
      const now = formatDbDate(Date.now());
      await db.transaction(async (tx) => {
        for (let i = ids.length; i < poolSize; i++) {
          const username = `${POOL_PREFIX}${i}`;
          const { insertId } = await tx.insert('admin_user', {
            username,
            firstname: 'Pool',
            lastname: String(i),
            email: `${username}@example.com`,
            password: hash,
            is_active: 1,
            created: now,
            modified: now,
          });
          await tx.insert('authorization_role', {
            parent_id: role.role_id,
            tree_level: role.tree_level + 1,
            sort_order: 0,
            role_type: 'U',
            user_id: insertId,
            user_type: String(UserType.ADMIN),
            role_name: username,
          });
          ids.push(insertId);
        }
        // As Role::assignUser does: the running service's ACL cache sees the new users at its next request.
        await container.get(CacheGeneration).bump(['acl'], tx);
      });
    }
    const issuer = container.get<UserTokenIssuerInterface>(TYPES.UserTokenIssuer);
    const poolTokens: string[] = [];
    for (const userId of ids.slice(0, poolSize)) poolTokens.push(await issuer.create({ userId, userType: UserType.ADMIN }));
    return { customerId, poolTokens };
  } finally {
    await application.close();
  }
}
