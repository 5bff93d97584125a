/**
 * Where a Login-as-Customer request's database time goes: runs the service in this process on an
 * embedded database with a timing wrapper around its connection, drives generate → validate → exchange →
 * customers/me a few hundred times, and prints each SQL statement's count and total time.
 *
 *   node --import tsx scripts/bench/sqlProfile.ts [rounds=300] [poolAdmins=1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../src/app.ts';
import { createApplication } from '../../src/bootstrap.ts';
import { createLogger } from '../../src/Framework/App/Logger.ts';
import type { ConnectionInterface, SqlValue, WriteResult, Row } from '../../src/Framework/Db/ConnectionInterface.ts';
import { SqliteConnection } from '../../src/Framework/Db/SqliteConnection.ts';
import { listen } from '../../src/server.ts';
import { BENCH_ADMIN, BENCH_CUSTOMER, prepareFixtures } from './fixtures.ts';

const rounds = Number(process.argv[2] ?? '300');
const poolAdmins = Number(process.argv[3] ?? '1000');
const stats = new Map<string, { count: number; ms: number }>();

/** Times every statement; transactions hand out a wrapped connection too. */
function timed(inner: ConnectionInterface): ConnectionInterface {
  const track = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const key = sql.replace(/\s+/g, ' ').slice(0, 140);
      const entry = stats.get(key) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += performance.now() - started;
      stats.set(key, entry);
    }
  };
  const wrapper: ConnectionInterface = {
    platform: inner.platform,
    getTableName: (name) => inner.getTableName(name),
    quoteIdentifier: (name) => inner.quoteIdentifier(name),
    tableExists: (table) => inner.tableExists(table),
    fetchAll: <T extends Row = Row>(sql: string, params?: readonly SqlValue[]) => track(sql, () => inner.fetchAll<T>(sql, params)),
    fetchRow: <T extends Row = Row>(sql: string, params?: readonly SqlValue[]) => track(sql, () => inner.fetchRow<T>(sql, params)),
    fetchOne: (sql: string, params?: readonly SqlValue[]) => track(sql, () => inner.fetchOne(sql, params)),
    execute: (sql: string, params?: readonly SqlValue[]): Promise<WriteResult> => track(sql, () => inner.execute(sql, params)),
    insert: (table, row) => track(`INSERT ${table}`, () => inner.insert(table, row)),
    insertIgnore: (table, row) => track(`INSERT IGNORE ${table}`, () => inner.insertIgnore(table, row)),
    insertOnDuplicate: (table, row, cols) => track(`UPSERT ${table}`, () => inner.insertOnDuplicate(table, row, cols)),
    transaction: (work) => inner.transaction((tx) => work(timed(tx))),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return wrapper;
}

const dir = mkdtempSync(join(tmpdir(), 'lac-sqlprof-'));
const cryptKey = `base64${randomBytes(32).toString('base64')}`;
const path = join(dir, 'magento.sqlite');
try {
  const raw = SqliteConnection.open({ path });
  const deployment = { database: { kind: 'sqlite', path } as const, cryptKey, tablePrefix: '', mode: 'default' as const, host: '127.0.0.1', port: 0, varDir: dir, source: 'embedded' as const };
  const installer = await createApplication({ deployment, connection: raw, logger: createLogger({ level: 'warn' }) });
  await installer.close();
  const fixtures = await prepareFixtures(deployment.database, cryptKey, dir, poolAdmins);
  const application = await createApplication({ deployment, connection: timed(raw), logger: createLogger({ level: 'warn' }), install: false });
  const server = await listen(createApp(application), '127.0.0.1', 0);
  const call = async (path: string, body: unknown, token?: string, method = 'POST'): Promise<unknown> => {
    const response = await fetch(`${server.url}/rest/V1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
    });
    const parsed: unknown = await response.json();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  const admin = (await call('/integration/admin/token', BENCH_ADMIN)) as string;
  const customer = (await call('/integration/customer/token', { username: BENCH_CUSTOMER.email, password: BENCH_CUSTOMER.password })) as string;
  stats.clear();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const pool = fixtures.poolTokens[i % fixtures.poolTokens.length] as string;
    const { secret } = (await call('/login-as-customer/secret', { customerId: fixtures.customerId }, pool)) as { secret: string };
    await call('/login-as-customer/secret/validate', { secret }, admin);
    await call('/login-as-customer/token', { secret }, admin);
    await call('/customers/me', undefined, customer, 'GET');
  }
  const elapsed = performance.now() - started;
  let dbMs = 0;
  for (const { ms } of stats.values()) dbMs += ms;
  process.stdout.write(`${rounds} rounds of 4 requests in ${elapsed.toFixed(0)} ms; database ${dbMs.toFixed(0)} ms\n`);
  for (const [sql, { count, ms }] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
    process.stdout.write(`${ms.toFixed(1).padStart(8)} ms ${String(count).padStart(6)}×  ${(ms / count * 1000).toFixed(0).padStart(6)} µs  ${sql}\n`);
  }
  await server.close();
  await application.close();
  await raw.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
