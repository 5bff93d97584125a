/**
 * A big shop's history, loaded fast for the bench's large-history case and for EXPLAIN checks:
 * customers, consumed secrets, audit entries, Magento log rows and open admin sessions, written with
 * INSERT … SELECT over a numbers table built from a ten-row digits table (runs on MySQL, MariaDB and
 * SQLite alike). The rows look like real ones: hex HMACs, spread timestamps over the last year, a few
 * admins and many customers. Loaded once per database/prefix: a marker in `core_config_data` records
 * the sizes, and a later call with the same sizes does nothing. Use a database or table prefix of its own:
 * the Login as Customer tables there are emptied before a load.
 *
 *   node --import tsx scripts/bench/history.ts mysql://root@127.0.0.1:3306/lac_h6 [prefix]
 */
import { DbSchemaReader } from '../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { SchemaInstaller } from '../../src/Framework/Db/Schema/SchemaInstaller.ts';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { allDataPatches, openConnection } from '../../src/bootstrap.ts';
import { parseMysqlUrl, type DatabaseSettings } from '../../src/Framework/Config/DeploymentConfig.ts';
import { join } from 'node:path';
import { ROOT_DIR } from './childService.ts';

export interface HistorySizes {
  readonly customers: number;
  readonly consumedSecrets: number;
  readonly auditEntries: number;
  readonly magentoLogRows: number;
  readonly openSessions: number;
  /** Admins the history is spread over (the open sessions belong to the first ones). */
  readonly admins: number;
}

export const LARGE_HISTORY: HistorySizes = Object.freeze({
  customers: 100_000,
  consumedSecrets: 1_000_000,
  auditEntries: 1_000_000,
  magentoLogRows: 1_000_000,
  openSessions: 200,
  admins: 200,
});

const MARKER_PATH = 'bench/history/loaded';
const YEAR_S = 365 * 86400;

/** A connection whose statements may run for minutes (one INSERT … SELECT writes a million rows). */
export function openHistoryConnection(settings: DatabaseSettings, tablePrefix: string): ConnectionInterface {
  return openConnection(settings, tablePrefix, { queryTimeoutMs: 900_000 });
}

/** Installs the schema if needed and loads the history unless the marker says it is there. */
export async function loadHistory(db: ConnectionInterface, sizes: HistorySizes = LARGE_HISTORY, log: (line: string) => void = () => {}): Promise<boolean> {
  await new SchemaInstaller(DbSchemaReader.readFile(join(ROOT_DIR, 'etc', 'db_schema.xml')), allDataPatches()).install(db);
  const t = (name: string) => db.getTableName(name);
  const wanted = JSON.stringify(sizes);
  const marker = await db.fetchOne(`SELECT value FROM ${t('core_config_data')} WHERE scope = 'default' AND scope_id = 0 AND path = ?`, [MARKER_PATH]);
  if (marker === wanted) return false;

  const started = Date.now();
  const max = Math.max(sizes.customers, sizes.consumedSecrets, sizes.auditEntries, sizes.magentoLogRows);
  const digits = Math.max(1, Math.ceil(Math.log10(max)));
  const seq = t('bench_seq');
  const digit = t('bench_digit');
  await db.execute(`DROP TABLE IF EXISTS ${seq}`);
  await db.execute(`DROP TABLE IF EXISTS ${digit}`);
  await db.execute(`CREATE TABLE ${digit} (d INT NOT NULL PRIMARY KEY)`);
  await db.execute(`INSERT INTO ${digit} (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)`);
  await db.execute(`CREATE TABLE ${seq} (n INT NOT NULL PRIMARY KEY)`);
  const joins = Array.from({ length: digits }, (_, i) => `${digit} d${i}`).join(' CROSS JOIN ');
  const value = Array.from({ length: digits }, (_, i) => `d${i}.d * ${10 ** i}`).join(' + ');
  await db.execute(`INSERT INTO ${seq} (n) SELECT ${value} + 1 FROM ${joins}`);
  log(`  history: numbers table of ${10 ** digits} rows (${Date.now() - started} ms)`);

  // Deterministic pseudo-random values from n: MOD arithmetic runs the same on both databases.
  const hex = (salt: number) =>
    db.platform === 'mysql'
      ? `LPAD(SHA2(CONCAT('${salt}-', n), 256), 64, '0')`
      : // SQLite has no SHA2: 64 hex characters from the number, unique per (salt, n).
        `printf('%016x%016x%016x%016x', n * ${salt}, n + ${salt}, n * 7919 + ${salt}, n)`;
  const ago = (expr: string) =>
    db.platform === 'mysql'
      ? `DATE_SUB(UTC_TIMESTAMP(), INTERVAL (${expr}) SECOND)`
      : `datetime('now', '-' || (${expr}) || ' seconds')`;
  const idiv = (a: string, b: number) => (db.platform === 'mysql' ? `((${a}) DIV ${b})` : `((${a}) / ${b})`);
  const concat = (...parts: string[]) => (db.platform === 'mysql' ? `CONCAT(${parts.join(', ')})` : parts.join(' || '));

  const step = async (label: string, sql: string) => {
    const s = Date.now();
    await db.execute(sql);
    log(`  history: ${label} (${Date.now() - s} ms)`);
  };

  // Admins the history belongs to (full-access role rows are not needed: nobody signs in as them).
  const adminTable = t('admin_user');
  await db.execute(`DELETE FROM ${adminTable} WHERE username LIKE 'hist_admin_%'`);
  await step(
    `${sizes.admins} admins`,
    `INSERT INTO ${adminTable} (firstname, lastname, email, username, password, is_active, created, modified) ` +
      `SELECT 'Hist', ${concat("'Admin '", 'n')}, ${concat("'hist_admin_'", 'n', "'@example.com'")}, ${concat("'hist_admin_'", 'n')}, 'x', 1, ${ago('0')}, ${ago('0')} ` +
      `FROM ${seq} WHERE n <= ${sizes.admins}`,
  );
  const firstAdmin = Number(await db.fetchOne(`SELECT MIN(user_id) FROM ${adminTable} WHERE username LIKE 'hist_admin_%'`));
  const adminOf = (expr: string) => `(${firstAdmin} + ((${expr}) % (${sizes.admins})))`;

  const customerTable = t('customer_entity');
  await step(
    `${sizes.customers} customers`,
    `INSERT INTO ${customerTable} (website_id, email, group_id, store_id, created_at, updated_at, is_active, disable_auto_group_change, created_in, firstname, lastname, password_hash) ` +
      `SELECT 1, ${concat("'hist_'", 'n', "'@example.com'")}, 1, 1, ${ago(`((n * 7) % (${YEAR_S}))`)}, ${ago('0')}, 1, 0, 'Default Store View', 'Hist', ${concat("'Customer '", 'n')}, NULL ` +
      `FROM ${seq} WHERE n <= ${sizes.customers} AND NOT EXISTS (SELECT 1 FROM ${customerTable} c WHERE c.email = ${concat("'hist_'", 'n', "'@example.com'")} AND c.website_id = 1)`,
  );
  const firstCustomer = Number(await db.fetchOne(`SELECT entity_id FROM ${customerTable} WHERE email = 'hist_1@example.com' AND website_id = 1`));
  const customerOf = (expr: string) => `(${firstCustomer} + ((${expr}) % (${sizes.customers})))`;
  await step(
    'assistance opt-ins (every other customer)',
    `INSERT INTO ${t('login_as_customer_assistance_allowed')} (customer_id) SELECT ${firstCustomer} + n - 1 FROM ${seq} ` +
      `WHERE n <= ${sizes.customers} AND ((n) % (2)) = 0 AND NOT EXISTS (SELECT 1 FROM ${t('login_as_customer_assistance_allowed')} a WHERE a.customer_id = ${firstCustomer} + n - 1)`,
  );

  // These tables hold nothing but history under the bench's own prefix: a load cut short earlier starts over.
  for (const table of ['login_as_customer_consumed_secret', 'login_as_customer_audit_log', 'login_as_customer_audit_log_count', 'magento_login_as_customer_log', 'login_as_customer']) {
    await db.execute(db.platform === 'mysql' ? `TRUNCATE TABLE ${t(table)}` : `DELETE FROM ${t(table)}`);
  }
  await step(
    `${sizes.consumedSecrets} consumed secrets`,
    `INSERT INTO ${t('login_as_customer_consumed_secret')} (secret_hash, admin_id, customer_id, consumed_at) ` +
      `SELECT ${hex(1)}, ${adminOf('n')}, ${customerOf('n * 13')}, ${ago(`((n * 31) % (${YEAR_S}))`)} FROM ${seq} WHERE n <= ${sizes.consumedSecrets}`,
  );

  const auditAge = idiv(`n * ${YEAR_S}`, sizes.auditEntries);
  const logAge = idiv(`n * ${YEAR_S}`, sizes.magentoLogRows);
  const events = `CASE ((n) % (4)) WHEN 0 THEN 'generated' WHEN 1 THEN 'validated' WHEN 2 THEN 'exchanged' ELSE 'rejected' END`;
  const operations = `CASE ((n) % (4)) WHEN 0 THEN 'generate' WHEN 1 THEN 'validate' WHEN 2 THEN 'exchange' ELSE 'exchange' END`;
  await step(
    `${sizes.auditEntries} audit entries`,
    `INSERT INTO ${t('login_as_customer_audit_log')} (time, event, operation, outcome, rejection_reason, user_id, user_name, customer_id, customer_email, store_id, caller_user_type, caller_user_id, caller_ip, user_agent, secret_hash, secret_expires_at, token_expires_at) ` +
      `SELECT ${ago(`${YEAR_S} - ${auditAge}`)}, ${events}, ${operations}, CASE ((n) % (4)) WHEN 3 THEN 'failure' ELSE 'success' END, ` +
      `CASE ((n) % (4)) WHEN 3 THEN 'expired' ELSE NULL END, ${adminOf('n')}, ${concat("'hist_admin_'", `((n) % (${sizes.admins})) + 1`)}, ${customerOf('n * 13')}, ` +
      `${concat("'hist_'", `((n * 13) % (${sizes.customers})) + 1`, "'@example.com'")}, 1, 2, ${adminOf('n')}, '127.0.0.1', 'bench', ${hex(2)}, ` +
      `${ago(`${YEAR_S} - ${auditAge} - 60`)}, CASE ((n) % (4)) WHEN 2 THEN ${ago(`${YEAR_S} - ${auditAge} - 3600`)} ELSE NULL END ` +
      `FROM ${seq} WHERE n <= ${sizes.auditEntries} ORDER BY n`,
  );
  await step(
    `${sizes.magentoLogRows} Magento log rows`,
    `INSERT INTO ${t('magento_login_as_customer_log')} (time, user_id, user_name, customer_id, customer_email) ` +
      `SELECT ${ago(`${YEAR_S} - ${logAge}`)}, ${adminOf('n')}, ${concat("'hist_admin_'", `((n) % (${sizes.admins})) + 1`)}, ` +
      `${customerOf('n * 13')}, ${concat("'hist_'", `((n * 13) % (${sizes.customers})) + 1`, "'@example.com'")} FROM ${seq} WHERE n <= ${sizes.magentoLogRows} ORDER BY n`,
  );
  await step(
    `${sizes.openSessions} open admin sessions`,
    `INSERT INTO ${t('login_as_customer')} (secret, customer_id, admin_id, created_at) ` +
      `SELECT ${hex(3)}, ${customerOf('n * 13')}, ${firstAdmin} + n - 1, ${ago('60')} FROM ${seq} WHERE n <= ${sizes.openSessions}`,
  );
  await db.execute(`DROP TABLE ${seq}`);
  await db.execute(`DROP TABLE ${digit}`);
  await db.insertOnDuplicate('core_config_data', { scope: 'default', scope_id: 0, path: MARKER_PATH, value: wanted }, ['value']);
  if (db.platform === 'mysql') {
    for (const table of ['customer_entity', 'login_as_customer_consumed_secret', 'login_as_customer_audit_log', 'magento_login_as_customer_log', 'login_as_customer']) {
      await db.fetchAll(`ANALYZE TABLE ${t(table)}`);
    }
  } else {
    await db.execute('ANALYZE');
  }
  log(`  history loaded in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2];
  if (!url) throw new Error('usage: history.ts <mysql://…|path.sqlite> [table prefix]');
  const settings = /^(mysql|mariadb):/i.test(url) ? parseMysqlUrl(url) : ({ kind: 'sqlite', path: url } as const);
  const db = openHistoryConnection(settings, process.argv[3] ?? '');
  try {
    const loaded = await loadHistory(db, LARGE_HISTORY, (line) => process.stderr.write(`${line}\n`));
    process.stderr.write(loaded ? 'loaded\n' : 'already loaded\n');
  } finally {
    await db.close();
  }
}
