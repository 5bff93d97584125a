import { createDecipheriv, randomBytes } from 'node:crypto';
import type { AccountManagementInterface } from '../../../src/Api/Customer/AccountManagementInterface.ts';
import type { SetAssistanceInterface } from '../../../src/Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { ConfigWriterInterface, ScopeConfigInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { MemoryLogger, type Logger } from '../../../src/Framework/App/Logger.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import type { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import type { StoreManager } from '../../../src/Model/Store/StoreManager.ts';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';
import { uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication } from '../../support/app.ts';
import { createActiveIntegration } from '../../support/oauthIntegration.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApplication>>;

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** The error body of Magento's REST answers. */
export interface ErrorBody {
  message: string;
  parameters?: Record<string, unknown> | unknown[];
}

/** The crypt key every app of these tests uses: Magento's rotated pair from the vectors (current version 1). */
export const ROTATED_KEY = '0123456789abcdef0123456789abcdef\nf3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8';
export const OLD_KEY = '0123456789abcdef0123456789abcdef';
export const FOREIGN_KEY = 'base64ESIzRBEiM0QRIjNEESIzRBEiM0QRIjNEESIzRBEiM0Q=';

export const LOGIN = 'Magento_LoginAsCustomer::login';
export const TOKEN = 'Magento_LoginAsCustomer::token';
export const API_TOKEN = 'Magento_LoginAsCustomerApi::token';
export const LOG = 'Magento_LoginAsCustomerLog::login_log';
export const ASSISTANCE = 'Magento_LoginAsCustomer::allow_shopping_assistance';

export async function startApp(db: ConnectionInterface, clock: FixedClock, logger: Logger = new MemoryLogger()): Promise<TestApp> {
  return createTestApplication(db, { clock, cryptKey: ROTATED_KEY, logger });
}

export function get<T>(app: TestApp, token: symbol | (abstract new (...args: never[]) => T)): T {
  return app.application.container.get<T>(token as symbol);
}

/** One REST call under /rest/V1. */
export async function rest(app: TestApp, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Reply> {
  const reply = await app.request(method, `/rest/V1${path}`, {
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return { status: reply.status, body: reply.body };
}

export async function setConfig(app: TestApp, path: string, value: string | null): Promise<void> {
  const writer = get<ConfigWriterInterface>(app, TYPES.ConfigWriter);
  if (value === null) await writer.delete(path);
  else await writer.save(path, value);
  get<ScopeConfigInterface>(app, TYPES.ScopeConfig).clean();
}

export interface AdminActor {
  readonly adminId: number;
  readonly username: string;
  readonly roleId: number;
  readonly token: string;
}

/** A new admin whose role allows exactly `resources` (with Magento's ancestors/descendants rule), and its token. */
export async function createAdmin(app: TestApp, resources: readonly string[]): Promise<AdminActor> {
  const suffix = uniqueSuffix();
  const role = await get<RoleManagement>(app, RoleManagement).createRole(`lac_role_${suffix}`, resources);
  const username = `lac_admin_${suffix}`;
  const password = `Pw_${suffix}_1a`;
  const adminId = await get<AdminUserManagement>(app, AdminUserManagement).createAdmin(
    { username, password, email: `${username}@example.com`, firstname: 'Lac', lastname: 'Admin' },
    role.role_id,
  );
  const reply = await rest(app, 'POST', '/integration/admin/token', { body: { username, password } });
  if (reply.status !== 200 || typeof reply.body !== 'string') throw new Error(`admin token: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { adminId, username, roleId: role.role_id, token: reply.body };
}

export interface CustomerActor {
  readonly customerId: number;
  readonly email: string;
  readonly password: string;
}

/** A new customer of website 1 / store 1 (or the given ones) that allows assistance unless `optIn` is false. */
export async function createCustomer(
  app: TestApp,
  options: { optIn?: boolean; websiteId?: number; storeId?: number } = {},
): Promise<CustomerActor> {
  const email = `lac_${uniqueSuffix()}@example.com`;
  const password = `Cu_${uniqueSuffix()}_1A`;
  const customer = await get<AccountManagementInterface>(app, TYPES.AccountManagement).createAccount(
    { email, firstname: 'Lac', lastname: 'Customer', website_id: options.websiteId ?? 1, store_id: options.storeId ?? 1 },
    password,
  );
  const customerId = customer.id as number;
  if (options.optIn !== false) await get<SetAssistanceInterface>(app, TYPES.LacSetAssistance).execute(customerId, true);
  return { customerId, email, password };
}

/** A second website with one store group and store view; returns the store view id. */
export async function createWebsiteWithStore(app: TestApp, db: ConnectionInterface): Promise<{ websiteId: number; storeId: number }> {
  const code = `w${uniqueSuffix()}`;
  const websiteId = (await db.insert('store_website', { code, name: code, sort_order: 0, default_group_id: 0, is_default: 0 })).insertId;
  const groupId = (
    await db.insert('store_group', { website_id: websiteId, name: code, root_category_id: 2, default_store_id: 0, code: `g${code}` })
  ).insertId;
  const storeId = (
    await db.insert('store', { code: `s${code}`, website_id: websiteId, group_id: groupId, name: code, sort_order: 0, is_active: 1 })
  ).insertId;
  await db.execute(`UPDATE ${db.getTableName('store_website')} SET default_group_id = ? WHERE website_id = ?`, [groupId, websiteId]);
  await db.execute(`UPDATE ${db.getTableName('store_group')} SET default_store_id = ? WHERE group_id = ?`, [storeId, groupId]);
  get<StoreManager>(app, TYPES.StoreManager).clean();
  return { websiteId, storeId };
}

/** `searchCriteria` query string for "field = value" filters, AND-ed. */
export function logQuery(filters: Record<string, string | number>): string {
  return Object.entries(filters)
    .map(
      ([field, value], i) =>
        `searchCriteria[filter_groups][${i}][filters][0][field]=${field}&searchCriteria[filter_groups][${i}][filters][0][value]=${encodeURIComponent(String(value))}`,
    )
    .join('&');
}

export interface LogItem {
  event: string;
  operation: string;
  outcome: string;
  rejection_reason?: string;
  reason?: string;
  user_id?: number;
  customer_id?: number;
  store_id?: number;
  [key: string]: unknown;
}

export async function auditFor(app: TestApp, token: string, customerId: number): Promise<LogItem[]> {
  const reply = await rest(app, 'GET', `/login-as-customer/log?${logQuery({ customer_id: customerId })}`, { token });
  if (reply.status !== 200) throw new Error(`log: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body as { items: LogItem[] }).items;
}

/** A `login_as_customer` row as a real Magento admin writes it: the HMAC of a random string, never handed out. */
export async function insertMagentoSession(db: ConnectionInterface, adminId: number, customerId: number, createdAt: string): Promise<void> {
  await db.insert('login_as_customer', {
    secret: randomBytes(32).toString('hex'),
    customer_id: customerId,
    admin_id: adminId,
    created_at: createdAt,
  });
}

/**
 * Magento's secret decryption written from scratch for the tests (not the production Encryptor):
 * `<keyVersion>:3:<base64(nonce12 ‖ ciphertext ‖ tag16)>`, ChaCha20-Poly1305 IETF with the nonce as
 * additional data, key = the version's crypt key (base64-decoded after a `base64` prefix).
 */
export function independentDecrypt(secret: string, cryptKey: string): string {
  const [version, cipher, payload] = secret.split(':');
  if (cipher !== '3' || version === undefined || payload === undefined) throw new Error('not a ChaCha20-Poly1305 value');
  const key = cryptKey.trim().split(/\s+/)[Number(version)];
  if (key === undefined) throw new Error(`no key version ${version}`);
  const keyBytes = key.startsWith('base64') ? Buffer.from(key.slice('base64'.length), 'base64') : Buffer.from(key, 'utf8');
  const raw = Buffer.from(payload, 'base64');
  const nonce = raw.subarray(0, 12);
  const tag = raw.subarray(raw.length - 16);
  const ciphertext = raw.subarray(12, raw.length - 16);
  const decipher = createDecipheriv('chacha20-poly1305', keyBytes, nonce, { authTagLength: 16 });
  decipher.setAAD(nonce, { plaintextLength: ciphertext.length });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

export interface IntegrationActor {
  readonly integrationId: number;
  readonly token: string;
}

/**
 * An active integration whose own ACL role allows `resources` (and `Magento_Customer::customer`), made by
 * IntegrationService as `bin/magento integration:create` makes one. Its access token is a bearer token only with
 * `oauth/consumer/enable_integration_as_bearer` on, which the caller sets.
 */
export async function createIntegration(app: TestApp, resources: readonly string[]): Promise<IntegrationActor> {
  const { integrationId, accessToken } = await createActiveIntegration(app.application, ['Magento_Customer::customer', ...resources]);
  return { integrationId, token: accessToken };
}
