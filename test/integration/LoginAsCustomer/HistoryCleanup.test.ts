import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import type { SearchCriteria } from '../../../src/Framework/Api/SearchCriteria.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { FixedClock, formatDbDate } from '../../../src/Framework/Stdlib/Clock.ts';
import { CLOCK_SKEW_SECONDS } from '../../../src/Model/LoginAsCustomer/AuthenticationSecretValidator.ts';
import { CleanHistory } from '../../../src/Model/LoginAsCustomer/Cron/CleanHistory.ts';
import { AuditLogResource, type AuditLogRow } from '../../../src/Model/ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { ConsumedSecretResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createAdmin, createCustomer, get, rest, setConfig, startApp, type AdminActor, type TestApp } from '../../api/LoginAsCustomer/lacHarness.ts';

/**
 * Pruning and the audit count act on whole tables (the ledger's pruned horizon, the audit log's kept count),
 * so this file works under a table prefix of its own: the rows there are all its own, and "the true count"
 * is a COUNT(*) over that prefix's audit table.
 */
const PREFIX = `h${uniqueSuffix().slice(0, 7)}_`;
const ENABLED = 'login_as_customer/general/enabled';
const LIFETIME = 'login_as_customer/general/authentication_data_expiration_time';
const RETENTION = 'login_as_customer/history/audit_log_lifetime';
const INVALID_SECRET = { message: 'Invalid or expired secret.' };
const T0 = Date.UTC(2030, 0, 15, 9, 0, 0);

function entry(time: string, overrides: Partial<AuditLogRow> = {}): AuditLogRow {
  return {
    time,
    event: 'validated',
    operation: 'validate',
    outcome: 'success',
    rejection_reason: null,
    reason: null,
    user_id: 7,
    user_name: 'auditor',
    customer_id: 11,
    customer_email: 'c@example.com',
    store_id: 1,
    caller_user_type: 2,
    caller_user_id: 7,
    caller_ip: '127.0.0.1',
    user_agent: 'test',
    secret_hash: null,
    secret_expires_at: null,
    token_expires_at: null,
    ...overrides,
  };
}

const hmac = (): string => randomBytes(32).toString('hex');

forEachDatabase(
  'Login as Customer history cleanup',
  (getDb, { openConnection, platform }) => {
    const clock = new FixedClock(T0);
    let app: TestApp;
    let admin: AdminActor;

    const trueCount = async (db: ConnectionInterface = getDb()): Promise<number> =>
      Number(await db.fetchOne(`SELECT COUNT(*) FROM ${db.getTableName('login_as_customer_audit_log')}`));

    before(async () => {
      app = await startApp(getDb(), clock);
      await setConfig(app, ENABLED, '1');
      admin = await createAdmin(app, ['Magento_Backend::all']);
    });
    after(async () => {
      await app.close();
      if (platform === 'mysql') {
        const db = getDb();
        const tables = await db.fetchAll<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ?`,
          [`${PREFIX}%`],
        );
        await db.execute('SET FOREIGN_KEY_CHECKS = 0');
        for (const { name } of tables) await db.execute(`DROP TABLE IF EXISTS \`${name}\``);
        await db.execute('SET FOREIGN_KEY_CHECKS = 1');
      }
    });

    it('prunes a consumed secret only once it would be refused as expired, and it stays refused when the lifetime is raised', async () => {
      clock.set(T0);
      await setConfig(app, LIFETIME, '60');
      const customer = await createCustomer(app);
      const generated = await rest(app, 'POST', '/login-as-customer/secret', { token: admin.token, body: { customerId: customer.customerId } });
      assert.equal(generated.status, 200, JSON.stringify(generated.body));
      const secret = (generated.body as { secret: string }).secret;
      const exchanged = await rest(app, 'POST', '/login-as-customer/token', { token: admin.token, body: { secret } });
      assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
      const ledgerRows = async () =>
        Number(
          await getDb().fetchOne(`SELECT COUNT(*) FROM ${getDb().getTableName('login_as_customer_consumed_secret')} WHERE admin_id = ? AND customer_id = ?`, [
            admin.adminId,
            customer.customerId,
          ]),
        );
      const cleaner = get<CleanHistory>(app, CleanHistory);

      // lifetime + 2 × skew after the exchange, the row could still matter on an instance whose clock is behind.
      clock.set(T0 + (60 + 2 * CLOCK_SKEW_SECONDS) * 1000);
      await cleaner.execute();
      assert.equal(await ledgerRows(), 1, 'kept while a skewed instance could still accept the secret');

      clock.advance(1000);
      const report = await cleaner.execute();
      assert.equal(await ledgerRows(), 0, 'pruned once expired everywhere');
      assert.ok(report.consumed_secrets_pruned >= 1);
      // now − lifetime − skew: a secret stamped at or before it is expired on every instance.
      assert.equal(report.pruned_horizon, formatDbDate(T0 + (121 - 60 - CLOCK_SKEW_SECONDS) * 1000));

      // A lifetime of a year would make the secret young again; the pruned horizon still refuses it.
      await setConfig(app, LIFETIME, '31536000');
      for (const path of ['/login-as-customer/secret/validate', '/login-as-customer/token']) {
        const again = await rest(app, 'POST', path, { token: admin.token, body: { secret } });
        assert.equal(again.status, 401, path);
        assert.deepEqual(again.body, INVALID_SECRET);
      }
      const search = await new AuditLogResource(getDb()).search({
        filter_groups: [{ filters: [{ field: 'customer_id', value: String(customer.customerId) }] }],
        sort_orders: [{ field: 'log_id', direction: 'DESC' }],
        page_size: 1,
      });
      assert.equal(search.items[0]?.rejection_reason, 'expired');
      await setConfig(app, LIFETIME, null);
    });

    it('never deletes a ledger row whose secret some instance could still accept, nor refuses a secret still valid (property)', async () => {
      const ledger = new ConsumedSecretResource(getDb());
      const cleaner = get<CleanHistory>(app, CleanHistory);
      let now = T0 + 86_400_000;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 100_000 }),
          fc.integer({ min: -CLOCK_SKEW_SECONDS, max: 100_000 }),
          fc.integer({ min: 0, max: 200_000 }),
          async (lifetime, consumedAfter, elapsed) => {
            // A secret consumed while valid: consumed at most `skew` before its time_stamp, and before it expired.
            fc.pre(consumedAfter < lifetime);
            now += 1000;
            const timeStamp = Math.floor(now / 1000);
            const consumedAt = (timeStamp + consumedAfter) * 1000;
            const hash = hmac();
            assert.equal(await ledger.consume(hash, admin.adminId, 1, formatDbDate(consumedAt)), true);
            now = Math.max(now, consumedAt) + elapsed * 1000;
            clock.set(now);
            await setConfig(app, LIFETIME, String(lifetime));
            await cleaner.execute();

            const use = await ledger.findUse(hash, timeStamp);
            const stillValidSomewhere = Math.floor(now / 1000) - CLOCK_SKEW_SECONDS - timeStamp < lifetime;
            if (stillValidSomewhere) assert.equal(use, 'consumed', 'a row that may still matter is kept');
            else assert.notEqual(use, undefined, 'a pruned secret is still refused');
            // A secret generated now is never behind the horizon.
            assert.equal(await ledger.findUse(hmac(), Math.floor(now / 1000)), undefined);
          },
        ),
        { numRuns: 25 },
      );
      await setConfig(app, LIFETIME, null);
    });

    it('keeps total_count exact and pages right through inserts, searches, count moves and retention (property)', async () => {
      const db = getDb();
      const audit = new AuditLogResource(db, clock);
      const columns = 'log_id, time, event, customer_id';
      const naive = async (criteria: SearchCriteria, total: number) => {
        const order = criteria.sort_orders?.[0];
        const desc = order?.direction === 'DESC';
        const orderBy = order && order.field !== 'log_id' ? `${order.field} ${desc ? 'DESC' : 'ASC'}, log_id ${desc ? 'DESC' : 'ASC'}` : `log_id ${desc ? 'DESC' : 'ASC'}`;
        const size = criteria.page_size as number;
        const page = Math.min(criteria.current_page as number, Math.max(1, Math.ceil(total / size)));
        return db.fetchAll(`SELECT ${columns} FROM ${db.getTableName('login_as_customer_audit_log')} ORDER BY ${orderBy} LIMIT ${size} OFFSET ${(page - 1) * size}`);
      };
      const op = fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), ages: fc.array(fc.integer({ min: 0, max: 3 * 86400 }), { minLength: 1, maxLength: 6 }) }),
        fc.record({ kind: fc.constant('advance' as const) }),
        fc.record({ kind: fc.constant('retain' as const), days: fc.integer({ min: 1, max: 3 }) }),
        fc.record({
          kind: fc.constant('search' as const),
          size: fc.integer({ min: 1, max: 7 }),
          page: fc.integer({ min: 1, max: 12 }),
          field: fc.constantFrom('log_id', 'time', undefined),
          desc: fc.boolean(),
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
          for (const o of ops) {
            if (o.kind === 'insert') {
              for (const age of o.ages) await audit.insert(entry(formatDbDate(clock.now() - age * 1000)));
            } else if (o.kind === 'advance') {
              await audit.advanceCount();
            } else if (o.kind === 'retain') {
              await audit.deleteBefore(formatDbDate(clock.now() - o.days * 86_400_000), formatDbDate(clock.now()), 3);
            } else {
              const criteria: SearchCriteria = {
                page_size: o.size,
                current_page: o.page,
                ...(o.field ? { sort_orders: [{ field: o.field, direction: o.desc ? 'DESC' : 'ASC' }] } : {}),
              };
              const found = await audit.search(criteria);
              const total = await trueCount();
              assert.equal(found.total, total);
              const expected = await naive(criteria, total);
              assert.deepEqual(
                found.items.map((i) => i.log_id),
                expected.map((r) => Number(r.log_id)),
              );
            }
          }
          assert.equal(await audit.countAll(), await trueCount());
        }),
        { numRuns: 30 },
      );
    });

    it('counts exactly while two connections write and another moves the count at the same time', async () => {
      // MySQL: three connections, as three instances. The embedded database: one handle (a second handle of one
      // process would busy-wait on the first one's write lock inside the event loop).
      const connect = () => (platform === 'mysql' ? openConnection({ tablePrefix: PREFIX }) : getDb());
      const writers = [connect(), connect()];
      const mover = new AuditLogResource(connect(), new FixedClock(clock.now() + 3_600_000));
      const old = formatDbDate(clock.now() - 86_400_000);
      let moving = true;
      const moves = (async () => {
        while (moving) await mover.advanceCount();
      })();
      await Promise.all(
        writers.map(async (connection) => {
          const resource = new AuditLogResource(connection, clock);
          for (let i = 0; i < 40; i++) await resource.insert(entry(old));
        }),
      );
      moving = false;
      await moves;
      await mover.advanceCount();
      assert.equal(await new AuditLogResource(getDb(), clock).countAll(), await trueCount());
    });

    it('keeps audit entries a running check still reads, and everything from them on, when the retention applies', async () => {
      const db = getDb();
      const audit = new AuditLogResource(db, clock);
      clock.set(T0 + 30 * 86_400_000);
      const old = (days: number) => formatDbDate(clock.now() - days * 86_400_000);
      const adminId = 90_000 + Math.floor(Math.random() * 9000);
      await audit.insert(entry(old(20), { user_id: adminId, customer_id: 1 }));
      await audit.insert(entry(old(19), { event: 'exchanged', operation: 'exchange', user_id: adminId, customer_id: 2, token_expires_at: formatDbDate(clock.now() + 60_000) }));
      await audit.insert(entry(old(18), { event: 'ended', operation: 'end', user_id: adminId, customer_id: 2 }));
      await audit.insert(entry(old(1), { user_id: adminId, customer_id: 3 }));
      await setConfig(app, RETENTION, '10');
      const report = await get<CleanHistory>(app, CleanHistory).execute();
      await setConfig(app, RETENTION, null);
      assert.equal(report.audit_log_lifetime_days, 10);
      const left = await db.fetchAll(
        `SELECT customer_id, event FROM ${db.getTableName('login_as_customer_audit_log')} WHERE user_id = ? ORDER BY log_id`,
        [adminId],
      );
      assert.deepEqual(
        left.map((r) => [Number(r.customer_id), r.event]),
        [
          [2, 'exchanged'],
          [2, 'ended'],
          [3, 'validated'],
        ],
      );
      assert.equal(await audit.countAll(), await trueCount());
    });
  },
  { tablePrefix: PREFIX },
);
