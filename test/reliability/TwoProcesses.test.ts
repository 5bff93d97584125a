/**
 * Two service processes on one MariaDB database (what `scripts/cluster.ts`, or several `npm start` with one
 * DATABASE_URL, gives): the guarantees that live in the database must hold across them.
 *  - Single use: many concurrent exchanges of one secret, split over both processes, yield one token.
 *  - Lock-out: concurrent wrong passwords against both processes lock the admin and the customer account
 *    after the configured failures; the right password is then refused with Magento's message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ScopeConfigInterface } from '../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import { ACCOUNT_SIGN_IN_FAILED } from '../../src/Model/User/AdminUserManagement.ts';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../support/databases.ts';
import { ENABLED_PATH, newCryptKey, ReliabilityFixtures, type AdminFixture, type CustomerFixture } from './support/fixtures.ts';
import { assertMagentoError, call } from './support/http.ts';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess.ts';

const url = mysqlTestUrl();
const SECRETS = 6;
const EXCHANGES_PER_SECRET = 8;

describe('two service processes on one database [mysql]', () => {
  if (url === undefined) {
    it('keeps single use and lock-out across processes', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lac-rel-two-'));
  let fixtures: ReliabilityFixtures;
  let processes: ServiceProcess[] = [];
  let caller: AdminFixture;
  let generators: AdminFixture[];
  let customer: CustomerFixture;
  let lockedAdmin: AdminFixture;
  let lockedCustomer: CustomerFixture;
  let maxFailures: number;

  before(async () => {
    const cryptKey = newCryptKey();
    fixtures = await ReliabilityFixtures.open(url, cryptKey);
    await fixtures.setConfig(ENABLED_PATH, '1');
    caller = await fixtures.createAdmin();
    generators = [];
    for (let i = 0; i < SECRETS; i++) generators.push(await fixtures.createAdmin());
    customer = await fixtures.createCustomer();
    lockedAdmin = await fixtures.createAdmin();
    lockedCustomer = await fixtures.createCustomer();
    const config = fixtures.application.container.get<ScopeConfigInterface>(TYPES.ScopeConfig);
    maxFailures = Number(await config.getValue('oauth/authentication_lock/max_failures_count'));
    processes = await Promise.all(
      ['a', 'b'].map((name) => startServiceProcess({ databaseUrl: url, varDir: join(dir, name), cryptKey, logFile: join(dir, `${name}.log`) })),
    );
  });
  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await fixtures?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const on = (index: number): ServiceProcess => processes[index % processes.length] as ServiceProcess;

  it('exchanges each secret exactly once, however many concurrent exchanges both processes get', async () => {
    // Each admin holds one live secret; generate them alternately on both processes.
    const secrets = await Promise.all(
      generators.map(async (admin, i) => {
        const reply = await call(on(i).url, 'POST', '/rest/V1/login-as-customer/secret', { token: admin.token, body: { customerId: customer.customerId } });
        assert.equal(reply.status, 200, reply.text);
        return (reply.body as { secret: string }).secret;
      }),
    );

    // Every exchange of every secret at once, half on each process.
    const attempts = secrets.flatMap((secret, s) =>
      Array.from({ length: EXCHANGES_PER_SECRET }, (_, i) =>
        call(on(i).url, 'POST', '/rest/V1/login-as-customer/token', { token: caller.token, body: { secret } }).then((reply) => ({ s, reply })),
      ),
    );
    const results = await Promise.all(attempts);
    for (let s = 0; s < SECRETS; s++) {
      const mine = results.filter((r) => r.s === s).map((r) => r.reply);
      const winners = mine.filter((r) => r.status === 200);
      assert.equal(winners.length, 1, `secret ${s}: exactly one token (${mine.map((r) => r.status).join(',')})`);
      assert.match(winners[0]?.body as string, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const loser of mine.filter((r) => r.status !== 200)) {
        assert.equal(loser.status, 401, loser.text);
        assert.deepEqual(loser.body, { message: 'Invalid or expired secret.' });
      }
    }

    // The database agrees: one ledger entry, one audit entry and one Magento log row per secret.
    const db = fixtures.db;
    const count = async (table: string, where: string) =>
      Number(await db.fetchOne(`SELECT COUNT(*) FROM ${db.getTableName(table)} WHERE ${where}`, [customer.customerId]));
    assert.equal(await count('login_as_customer_consumed_secret', 'customer_id = ?'), SECRETS);
    assert.equal(await count('login_as_customer_audit_log', "event = 'exchanged' AND customer_id = ?"), SECRETS);
    assert.equal(await count('magento_login_as_customer_log', 'customer_id = ?'), SECRETS);
  });

  const bruteForce = async (path: string, username: string, password: string, userType: number) => {
    // Control: the right password works before the attack (and clears any earlier failure).
    const control = await call(on(0).url, 'POST', path, { body: { username, password } });
    assert.equal(control.status, 200, control.text);

    // Twice the allowed failures, all at once, alternating between the processes.
    const wrong = await Promise.all(
      Array.from({ length: maxFailures * 2 }, (_, i) => call(on(i).url, 'POST', path, { body: { username, password: `${password}-wrong-${i}` } })),
    );
    for (const reply of wrong) {
      assert.equal(reply.status, 401, reply.text);
      assertMagentoError(reply, 'wrong password');
      assert.deepEqual(reply.body, { message: ACCOUNT_SIGN_IN_FAILED });
    }

    // Locked on both processes: the right password is refused with the same message.
    for (const service of processes) {
      const refused = await call(service.url, 'POST', path, { body: { username, password } });
      assert.equal(refused.status, 401, refused.text);
      assert.deepEqual(refused.body, { message: ACCOUNT_SIGN_IN_FAILED });
    }
    const db = fixtures.db;
    const row = await db.fetchRow<{ failures_count: number }>(
      `SELECT failures_count FROM ${db.getTableName('oauth_token_request_log')} WHERE user_name = ? AND user_type = ?`,
      [username, userType],
    );
    assert.ok(row !== undefined && Number(row.failures_count) >= maxFailures, `failures counted: ${JSON.stringify(row)}`);
  };

  it('locks an admin out after concurrent wrong passwords on both processes', async () => {
    assert.ok(maxFailures > 0, 'a lock-out threshold is configured');
    // Magento's throttle table numbers admins 3 (its own numbering, not the token user types).
    await bruteForce('/rest/V1/integration/admin/token', lockedAdmin.username, lockedAdmin.password, 3);
  });

  it('locks a customer out after concurrent wrong passwords on both processes', async () => {
    await bruteForce('/rest/V1/integration/customer/token', lockedCustomer.email, lockedCustomer.password, 2);
  });
});
