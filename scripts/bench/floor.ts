/**
 * The bench's MySQL floor: the least code doing the checks the service does, by hand — plain Express and
 * a mysql2 pool, no container, no pipeline, the statements folded as far as SQL allows:
 *
 * - `GET /rest/V1/customers/me`: one statement (the customer, its revocation and its opt-in together);
 * - `POST /rest/V1/login-as-customer/secret/validate`: three (the caller with its revocation and ACL; the
 *   secret's session row, ledger row and generation entry with the admin, its ACL, the customer and its
 *   opt-in; the audit entry);
 * - `POST /rest/V1/login-as-customer/token`: five (the same two reads; the ledger, audit and Magento log
 *   inserts), then a customer JWT.
 *
 * Same database, crypt key and table prefix as the service (DATABASE_URL, MAGENTO_CRYPT_KEY,
 * MAGENTO_TABLE_PREFIX); the secret lifetime is read once at start. It uses the service's crypto classes
 * (ChaCha20-Poly1305, HMAC, JWT) so the comparison is about everything around them. Refusals answer 401
 * with Magento's message, like the service; nothing is logged.
 */
import express, { type Request, type Response } from 'express';
import { createPool, type RowDataPacket } from 'mysql2/promise';
import { CryptKey } from '../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../src/Framework/Crypt/Encryptor.ts';
import { JwtCodec } from '../../src/Framework/Crypt/JwtCodec.ts';
import { parseMysqlUrl } from '../../src/Framework/Config/DeploymentConfig.ts';
import { CryptoRandom } from '../../src/Framework/Stdlib/Random.ts';

const settings = parseMysqlUrl(process.env.DATABASE_URL ?? '');
if (settings.kind !== 'mysql') throw new Error('floor.ts needs DATABASE_URL=mysql://…');
const prefix = process.env.MAGENTO_TABLE_PREFIX ?? '';
const t = (name: string) => `\`${prefix}${name}\``;
const cryptKey = new CryptKey(process.env.MAGENTO_CRYPT_KEY ?? '');
const encryptor = new Encryptor(cryptKey, new CryptoRandom());
const jwt = new JwtCodec(cryptKey);
const pool = createPool({
  host: settings.host,
  port: settings.port,
  user: settings.user,
  password: settings.password,
  database: settings.database,
  ...(settings.socketPath ? { socketPath: settings.socketPath } : {}),
  connectionLimit: 10,
  dateStrings: true,
  timezone: 'Z',
});

const TOKEN_RESOURCE = 'Magento_LoginAsCustomer::token';
const LOGIN_RESOURCE = 'Magento_LoginAsCustomer::login';
const INVALID_SECRET = { message: 'Invalid or expired secret.' };
const lifetime = Number(
  ((await pool.query<RowDataPacket[]>(`SELECT value FROM ${t('core_config_data')} WHERE scope = 'default' AND scope_id = 0 AND path = ?`, [
    'login_as_customer/general/authentication_data_expiration_time',
  ]))[0][0]?.value as string | undefined) ?? '60',
);

const nowSeconds = () => Math.floor(Date.now() / 1000);
const dbDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
const unauthorized = (res: Response, resources: string) =>
  res.status(401).json({ message: "The consumer isn't authorized to access %resources.", parameters: { resources } });

/** The bearer token's claims when it is an unexpired token of `userType`, else undefined. */
function bearer(req: Request, userType: number): { uid: number; iat: number } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const claims = jwt.read(header.slice(7));
  if (!claims || claims.utypid !== userType || claims.exp <= nowSeconds()) return undefined;
  return claims;
}

/** ACL: the admin's role (through its group) allows the resource or everything. */
const aclAllowed = (adminColumn: string) =>
  `EXISTS (SELECT 1 FROM ${t('authorization_role')} ur JOIN ${t('authorization_rule')} ru ON ru.role_id = ur.parent_id ` +
  `WHERE ur.user_id = ${adminColumn} AND ur.user_type = '2' AND ru.permission = 'allow' AND ru.resource_id IN ('Magento_Backend::all', ?))`;

/** Statement 1 of validate/exchange: the calling admin, its revocation and its ACL. */
async function callerAllowed(req: Request): Promise<number | undefined> {
  const claims = bearer(req, 2);
  if (!claims) return undefined;
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT u.is_active, r.revoke_before, ${aclAllowed('u.user_id')} AS allowed FROM ${t('admin_user')} u ` +
      `LEFT JOIN ${t('jwt_auth_revoked')} r ON r.user_type_id = 2 AND r.user_id = u.user_id WHERE u.user_id = ?`,
    [TOKEN_RESOURCE, claims.uid],
  );
  const row = rows[0];
  if (!row || Number(row.is_active) !== 1 || Number(row.allowed) !== 1) return undefined;
  if (row.revoke_before !== null && Number(row.revoke_before) >= claims.iat) return undefined;
  return claims.uid;
}

interface CheckedSecret {
  adminId: number;
  customerId: number;
  timeStamp: number;
  secretHash: string;
  storeId: number;
  username: string;
  email: string;
}

/** Statement 2: every check on the secret at once. */
async function checkSecret(secret: unknown): Promise<CheckedSecret | undefined> {
  if (typeof secret !== 'string' || secret.length > 1024) return undefined;
  const plaintext = encryptor.decrypt(secret);
  if (plaintext === null) return undefined;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(plaintext) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const adminId = Number(data.admin_id);
  const customerId = Number(data.customer_id);
  const timeStamp = Number(data.time_stamp);
  if (!(adminId > 0 && customerId > 0 && timeStamp > 0)) return undefined;
  const now = nowSeconds();
  if (now - timeStamp >= lifetime || timeStamp - now > 30) return undefined;
  const secretHash = encryptor.hash(secret.slice(secret.lastIndexOf(':') + 1));
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT a.is_active AS admin_active, a.username, ${aclAllowed('a.user_id')} AS admin_allowed, c.is_active AS customer_active, c.email, c.store_id, ` +
      `EXISTS (SELECT 1 FROM ${t('login_as_customer')} s WHERE s.secret = ? AND s.admin_id = a.user_id AND s.customer_id = c.entity_id) AS session, ` +
      `EXISTS (SELECT 1 FROM ${t('login_as_customer_consumed_secret')} l WHERE l.secret_hash = ?) AS used, ` +
      `(SELECT g.store_id FROM ${t('login_as_customer_audit_log')} g WHERE g.secret_hash = ? AND g.event = 'generated' AND g.outcome = 'success' ORDER BY g.log_id LIMIT 1) AS generated_store, ` +
      `EXISTS (SELECT 1 FROM ${t('login_as_customer_assistance_allowed')} o WHERE o.customer_id = c.entity_id) AS assisted ` +
      `FROM ${t('admin_user')} a JOIN ${t('customer_entity')} c ON c.entity_id = ? WHERE a.user_id = ?`,
    [LOGIN_RESOURCE, secretHash, secretHash, secretHash, customerId, adminId],
  );
  const row = rows[0];
  if (!row || Number(row.session) !== 1 || Number(row.used) === 1) return undefined;
  if (Number(row.admin_active) !== 1 || Number(row.admin_allowed) !== 1 || Number(row.customer_active) !== 1 || Number(row.assisted) !== 1) return undefined;
  const storeId = Number(row.generated_store ?? row.store_id);
  return { adminId, customerId, timeStamp, secretHash, storeId, username: String(row.username), email: String(row.email) };
}

function auditValues(event: string, operation: string, caller: number, s: CheckedSecret, req: Request, tokenExpires: number | null) {
  return [
    dbDate(nowSeconds()), event, operation, 'success', s.adminId, s.username, s.customerId, s.email, s.storeId, 2, caller,
    req.socket.remoteAddress ?? null, req.headers['user-agent'] ?? null, s.secretHash, dbDate(s.timeStamp + lifetime),
    tokenExpires === null ? null : dbDate(tokenExpires),
  ];
}
const AUDIT_INSERT =
  `INSERT INTO ${t('login_as_customer_audit_log')} (time, event, operation, outcome, user_id, user_name, customer_id, customer_email, store_id, ` +
  `caller_user_type, caller_user_id, caller_ip, user_agent, secret_hash, secret_expires_at, token_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '1mb' }));
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/rest/V1/customers/me', async (req, res) => {
  const claims = bearer(req, 3);
  if (!claims) return unauthorized(res, 'self');
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT c.entity_id, c.group_id, c.created_at, c.updated_at, c.created_in, c.email, c.firstname, c.lastname, c.store_id, c.website_id, ` +
      `r.revoke_before, o.customer_id AS assisted FROM ${t('customer_entity')} c ` +
      `LEFT JOIN ${t('jwt_auth_revoked')} r ON r.user_type_id = 3 AND r.user_id = c.entity_id ` +
      `LEFT JOIN ${t('login_as_customer_assistance_allowed')} o ON o.customer_id = c.entity_id WHERE c.entity_id = ?`,
    [claims.uid],
  );
  const c = rows[0];
  if (!c || (c.revoke_before !== null && Number(c.revoke_before) >= claims.iat)) return unauthorized(res, 'self');
  res.json({
    id: c.entity_id,
    group_id: c.group_id,
    created_at: c.created_at,
    updated_at: c.updated_at,
    created_in: c.created_in,
    email: c.email,
    firstname: c.firstname,
    lastname: c.lastname,
    store_id: c.store_id,
    website_id: c.website_id,
    addresses: [],
    disable_auto_group_change: 0,
    extension_attributes: { is_subscribed: false, assistance_allowed: c.assisted === null ? 1 : 2 },
  });
});

app.post('/rest/V1/login-as-customer/secret/validate', async (req, res) => {
  const caller = await callerAllowed(req);
  if (caller === undefined) return unauthorized(res, TOKEN_RESOURCE);
  const secret = await checkSecret((req.body as { secret?: unknown } | undefined)?.secret);
  if (!secret) return res.status(401).json(INVALID_SECRET);
  await pool.query(AUDIT_INSERT, auditValues('validated', 'validate', caller, secret, req, null));
  res.json({ customer_id: secret.customerId, admin_id: secret.adminId, store_id: secret.storeId, expires_at: dbDate(secret.timeStamp + lifetime) });
});

app.post('/rest/V1/login-as-customer/token', async (req, res) => {
  const caller = await callerAllowed(req);
  if (caller === undefined) return unauthorized(res, TOKEN_RESOURCE);
  const secret = await checkSecret((req.body as { secret?: unknown } | undefined)?.secret);
  if (!secret) return res.status(401).json(INVALID_SECRET);
  const now = nowSeconds();
  try {
    await pool.query(`INSERT INTO ${t('login_as_customer_consumed_secret')} (secret_hash, admin_id, customer_id, consumed_at) VALUES (?, ?, ?, ?)`, [
      secret.secretHash,
      secret.adminId,
      secret.customerId,
      dbDate(now),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return res.status(401).json(INVALID_SECRET);
    throw error;
  }
  const exp = now + 3600;
  const token = jwt.encode({ uid: secret.customerId, utypid: 3, iat: now, exp });
  await pool.query(AUDIT_INSERT, auditValues('exchanged', 'exchange', caller, secret, req, exp));
  await pool.query(`INSERT INTO ${t('magento_login_as_customer_log')} (time, user_id, user_name, customer_id, customer_email) VALUES (?, ?, ?, ?, ?)`, [
    dbDate(now),
    secret.adminId,
    secret.username.slice(0, 40),
    secret.customerId,
    secret.email.slice(0, 40),
  ]);
  res.json(token);
});

app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
  void _next;
  process.stderr.write(`${String(error)}\n`);
  res.status(500).json({ message: 'Internal Error.' });
});

const server = app.listen(Number(process.env.PORT ?? '0'), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
