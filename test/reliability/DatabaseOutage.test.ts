/**
 * The database goes away under load: the service runs as a child process on MariaDB behind a TCP relay
 * the test controls. Its connections are killed on the server (`KILL`), then the relay stops (a clean
 * "database down"), then comes back. Every answer must be a 200 or a masked Magento 5xx, none may hang,
 * the service must recover by itself, and the rows it wrote must add up (no half-done exchange hands out
 * a token without its ledger and audit rows).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../support/databases.ts';
import { ENABLED_PATH, newCryptKey, ReliabilityFixtures, type AdminFixture, type CustomerFixture } from './support/fixtures.ts';
import { assertMagentoError, call, type Reply } from './support/http.ts';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess.ts';
import { TcpProxy } from './support/tcpProxy.ts';

const url = mysqlTestUrl();
const WORKERS = 4;

type Operation = 'generate' | 'validate' | 'exchange' | 'me';

/** What the workers saw, per operation. */
class Tally {
  readonly ok = new Map<Operation, number>();
  readonly failed = new Map<Operation, number>();
  readonly statuses = new Map<number, number>();

  record(operation: Operation, reply: Reply): boolean {
    this.statuses.set(reply.status, (this.statuses.get(reply.status) ?? 0) + 1);
    if (reply.status === 200) {
      this.ok.set(operation, (this.ok.get(operation) ?? 0) + 1);
      return true;
    }
    // Anything but success must be a masked server error: no 4xx either (no input here is wrong).
    assert.ok(reply.status === 503 || reply.status === 500, `${operation}: unexpected ${reply.status} ${reply.text.slice(0, 200)}`);
    assertMagentoError(reply, operation);
    this.failed.set(operation, (this.failed.get(operation) ?? 0) + 1);
    return false;
  }

  count(map: Map<Operation, number>, operation: Operation): number {
    return map.get(operation) ?? 0;
  }
}

describe('database outage under load [mysql]', () => {
  if (url === undefined) {
    it('keeps answering and recovers when MySQL/MariaDB goes away', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lac-rel-outage-'));
  let fixtures: ReliabilityFixtures;
  let proxy: TcpProxy;
  let service: ServiceProcess;
  let caller: AdminFixture;
  let generators: AdminFixture[];
  let customer: CustomerFixture;
  let customerToken: string;

  before(async () => {
    const cryptKey = newCryptKey();
    fixtures = await ReliabilityFixtures.open(url, cryptKey);
    await fixtures.setConfig(ENABLED_PATH, '1');
    caller = await fixtures.createAdmin();
    generators = [];
    for (let i = 0; i < WORKERS; i++) generators.push(await fixtures.createAdmin());
    customer = await fixtures.createCustomer();
    customerToken = await fixtures.customerToken(customer.customerId);
    const target = new URL(url);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 3306));
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(proxy.port);
    service = await startServiceProcess({ databaseUrl: relayed.toString(), varDir: dir, cryptKey, logFile: join(dir, 'service.log') });
  });

  after(async () => {
    await service?.stop();
    await proxy?.close();
    await fixtures?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with masked 5xx while the database is gone, never hangs, recovers by itself, and leaves consistent rows', async () => {
    const tally = new Tally();
    const api = (path: string) => `/rest/V1${path}`;

    /** Set once the relay is down: any request started after that must fail. */
    let databaseDown = false;
    const afterDown = { ok: 0, failed: 0 };
    const send = async (operation: Operation, method: string, path: string, options: Parameters<typeof call>[3]): Promise<Reply> => {
      const startedWhileDown = databaseDown;
      const reply = await call(service.url, method, api(path), options);
      const ok = tally.record(operation, reply);
      if (startedWhileDown) afterDown[ok ? 'ok' : 'failed'] += 1;
      return reply;
    };
    /** generate → validate → exchange → customers/me with the new token; stops at the first failure. */
    const flow = async (admin: AdminFixture): Promise<boolean> => {
      const generated = await send('generate', 'POST', '/login-as-customer/secret', { token: admin.token, body: { customerId: customer.customerId } });
      if (generated.status !== 200) return false;
      const secret = (generated.body as { secret: string }).secret;
      if ((await send('validate', 'POST', '/login-as-customer/secret/validate', { token: caller.token, body: { secret } })).status !== 200) return false;
      const exchanged = await send('exchange', 'POST', '/login-as-customer/token', { token: caller.token, body: { secret } });
      if (exchanged.status !== 200) return false;
      return (await send('me', 'GET', '/customers/me', { token: exchanged.body as string })).status === 200;
    };
    /** Per worker: results of the flows it finished, in order. */
    const results: boolean[][] = generators.map(() => []);
    /** Every worker runs flows until `stop()` says so, at most `maxRounds` each. */
    const load = (maxRounds: number, stop: () => boolean = () => false): Promise<void[]> =>
      Promise.all(
        generators.map(async (admin, worker) => {
          for (let round = 0; round < maxRounds && !stop(); round++) (results[worker] as boolean[]).push(await flow(admin));
        }),
      );
    const marks = (): number[] => results.map((r) => r.length);
    /** The flows each worker finished since `mark`. */
    const since = (mark: number[]): boolean[][] => results.map((r, worker) => r.slice(mark[worker]));
    /** Polls a condition (bounded); the pause only paces the polling, nothing is timed. */
    const waitUntil = async (condition: () => boolean, what: string): Promise<void> => {
      for (let i = 0; i < 600 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.ok(condition(), what);
    };
    const health = async () => (await call(service.url, 'GET', '/health')).status;
    const failures = () => [...tally.failed.values()].reduce((a, b) => a + b, 0);

    // 1. Database up: everything works (the control that makes the later checks meaningful).
    let mark = marks();
    await load(3);
    for (const flows of since(mark)) assert.deepEqual(flows, [true, true, true]);
    assert.equal(failures(), 0, `no failure while the database is up: ${JSON.stringify([...tally.statuses])}`);

    // 2. Mid-load, the server kills the service's connections; every worker then completes a flow again.
    let stop = false;
    mark = marks();
    const killPhase = load(500, () => stop);
    killPhase.catch(() => undefined); // awaited below; a failed assertion in a worker must not go unhandled meanwhile
    await waitUntil(() => since(mark).every((flows) => flows.length > 0), 'the load runs');
    let killed = 0;
    const ports = new Set(proxy.upstreamPorts());
    for (const row of await fixtures.db.fetchAll<{ ID: number; HOST: string }>('SELECT ID, HOST FROM information_schema.PROCESSLIST')) {
      if (!ports.has(Number(String(row.HOST).split(':').pop()))) continue;
      try {
        await fixtures.db.execute(`KILL CONNECTION ${Number(row.ID)}`);
        killed += 1;
      } catch {
        // Already gone.
      }
    }
    assert.ok(killed > 0, 'the service had database connections to kill');
    const afterKill = marks();
    try {
      await waitUntil(() => since(afterKill).every((flows) => flows.includes(true)), 'every worker completes a flow after the kill');
    } finally {
      stop = true;
      await killPhase;
    }

    // 3. Mid-load, the database disappears: answers keep coming, every one started since is a masked 5xx.
    stop = false;
    mark = marks();
    const downPhase = load(500, () => stop);
    downPhase.catch(() => undefined);
    try {
      await waitUntil(() => since(mark).every((flows) => flows.length > 0), 'the load runs');
      await proxy.down();
      databaseDown = true;
      await waitUntil(() => afterDown.failed >= WORKERS * 3, 'answers keep coming while the database is down');
    } finally {
      stop = true;
      await downPhase;
    }
    assert.equal(afterDown.ok, 0, 'nothing succeeds without the database');
    assert.equal(await health(), 503);

    // 4. The database returns: the same process recovers without a restart.
    await proxy.up();
    databaseDown = false;
    let healthy = false;
    for (let polls = 0; polls < 200 && !healthy; polls++) {
      healthy = (await health()) === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(healthy, 'the service reconnects to the database');
    mark = marks();
    await load(3);
    for (const flows of since(mark)) assert.deepEqual(flows, [true, true, true], 'every flow succeeds again');
    assert.ok(service.isRunning(), 'the process stayed up');

    // 5. Rows add up. Each step writes its rows before it answers, one statement at a time, so a failed
    //    request may have written some of them — but never may a 200 lack its ledger and audit rows.
    const db = fixtures.db;
    const one = async (sql: string, params: readonly (string | number)[]) => Number(await db.fetchOne(sql, params));
    const adminIds = generators.map((a) => a.adminId);
    const inAdmins = adminIds.map(() => '?').join(', ');
    const okGenerate = tally.count(tally.ok, 'generate');
    const generatedRows = await one(
      `SELECT COUNT(*) FROM ${db.getTableName('login_as_customer_audit_log')} WHERE event = 'generated' AND user_id IN (${inAdmins})`,
      adminIds,
    );
    assert.ok(generatedRows >= okGenerate && generatedRows <= okGenerate + tally.count(tally.failed, 'generate'), `generated audit rows ${generatedRows} vs ${okGenerate} answers`);
    const sessions = await db.fetchAll<{ admin_id: number; n: number }>(
      `SELECT admin_id, COUNT(*) AS n FROM ${db.getTableName('login_as_customer')} WHERE admin_id IN (${inAdmins}) GROUP BY admin_id`,
      adminIds,
    );
    for (const row of sessions) assert.equal(Number(row.n), 1, `admin ${row.admin_id} has one session row, not ${row.n}`);

    const okExchange = tally.count(tally.ok, 'exchange');
    const maxExchange = okExchange + tally.count(tally.failed, 'exchange');
    const ledger = await one(`SELECT COUNT(*) FROM ${db.getTableName('login_as_customer_consumed_secret')} WHERE customer_id = ?`, [customer.customerId]);
    const exchangedRows = await one(
      `SELECT COUNT(*) FROM ${db.getTableName('login_as_customer_audit_log')} WHERE event = 'exchanged' AND customer_id = ?`,
      [customer.customerId],
    );
    const magentoRows = await one(`SELECT COUNT(*) FROM ${db.getTableName('magento_login_as_customer_log')} WHERE customer_id = ?`, [customer.customerId]);
    assert.ok(magentoRows >= okExchange, `every issued token has its Magento log row (${magentoRows} < ${okExchange})`);
    assert.ok(exchangedRows >= magentoRows, `audit rows ${exchangedRows} cover the Magento log rows ${magentoRows}`);
    assert.ok(ledger >= exchangedRows, `ledger rows ${ledger} cover the audit rows ${exchangedRows}`);
    assert.ok(ledger <= maxExchange, `no secret consumed without an exchange request (${ledger} > ${maxExchange})`);

    // 6. The customer token minted by the test still works: the outage did not corrupt the customer.
    assert.equal((await call(service.url, 'GET', api('/customers/me'), { token: customerToken })).status, 200);
    // Nothing secret ended up in the log on the way.
    assert.ok(!service.log().includes(customerToken), 'the customer token is not logged');
  });
});
