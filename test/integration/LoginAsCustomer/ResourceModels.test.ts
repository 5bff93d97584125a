import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { RequestContext } from '../../../src/Framework/App/RequestContext.ts';
import { GUEST } from '../../../src/Framework/Authentication/UserContext.ts';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { Customer } from '../../../src/Model/ResourceModel/Customer/Customer.ts';
import { AssistanceAllowedResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';
import { AuditLogResource, type AuditLogRow } from '../../../src/Model/ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { AuthenticationDataResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { ConsumedSecretResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { MagentoLogResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/MagentoLogResource.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';

/** Ids far above anything the factories of other tests create, unique per call. */
let nextId = 0;
function uniqueId(): number {
  nextId += 1;
  return 1_000_000 + (Number.parseInt(uniqueSuffix().slice(-6), 16) % 1_000_000) * 100 + (nextId % 100);
}

async function createCustomer(db: ConnectionInterface, isActive = 1): Promise<number> {
  const result = await db.insert('customer_entity', {
    email: `lac_${uniqueSuffix()}@example.com`,
    website_id: 1,
    store_id: 1,
    group_id: 1,
    firstname: 'Lac',
    lastname: 'Customer',
    is_active: isActive,
  });
  return result.insertId;
}

function auditRow(overrides: Partial<AuditLogRow>): AuditLogRow {
  return {
    time: '2025-11-24 16:00:00',
    event: 'generated',
    operation: 'generate',
    outcome: 'success',
    rejection_reason: null,
    reason: null,
    user_id: null,
    user_name: null,
    customer_id: null,
    customer_email: null,
    store_id: null,
    caller_user_type: 2,
    caller_user_id: null,
    caller_ip: '127.0.0.1',
    user_agent: 'test',
    secret_hash: null,
    secret_expires_at: null,
    token_expires_at: null,
    ...overrides,
  };
}

const hash = (): string => (uniqueSuffix() + uniqueSuffix() + uniqueSuffix() + uniqueSuffix() + uniqueSuffix() + uniqueSuffix())
  .padEnd(64, '0')
  .slice(0, 64);

forEachDatabase('LoginAsCustomer resource models', (getDb, { openConnection }) => {
  it('the ledger lets exactly one of many simultaneous consumers through, on one or two connections', async () => {
    const ledger = new ConsumedSecretResource(getDb());
    const other = new ConsumedSecretResource(openConnection());
    const secretHash = hash();
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? ledger : other).consume(secretHash, 1, 2, '2025-11-24 16:00:00')),
    );
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await ledger.isConsumed(secretHash), true);
    assert.equal(await ledger.isConsumed(hash()), false);
  });

  it('replaceForUser keeps one session per admin and finds it by (admin, customer)', async () => {
    const sessions = new AuthenticationDataResource(getDb());
    const adminId = uniqueId();
    const [first, second] = [hash(), hash()];
    await sessions.replaceForUser({ secret: first, customer_id: 11, admin_id: adminId, created_at: '2025-11-24 16:00:00' });
    await sessions.replaceForUser({ secret: second, customer_id: 12, admin_id: adminId, created_at: '2025-11-24 16:00:05' });
    assert.deepEqual(await sessions.findSessions(adminId, 11), []);
    assert.deepEqual(await sessions.findSessions(adminId, 12), [
      { secret: second, customer_id: 12, admin_id: adminId, created_at: '2025-11-24 16:00:05' },
    ]);
    assert.equal(await sessions.deleteForUser(adminId, 99), 0);
    assert.equal(await sessions.deleteForUser(adminId), 1);
    assert.deepEqual(await sessions.findForUser(adminId), []);
  });

  it('the opt-in row is inserted once, read in bulk and deleted; it cascades with the customer', async () => {
    const db = getDb();
    const resource = new AssistanceAllowedResource(db, new RequestContext());
    const [a, b] = [await createCustomer(db), await createCustomer(db)];
    await resource.allow(a);
    await resource.allow(a);
    assert.equal(await resource.isAllowed(a), true);
    assert.equal(await resource.isAllowed(b), false);
    assert.deepEqual([...(await resource.filterAllowed([a, b]))], [a]);
    await resource.deny(a);
    assert.equal(await resource.isAllowed(a), false);
  });


  it('inside one request a row is read once (identity map); a write through the resource is seen by the next read', async () => {
    const db = getDb();
    const context = new RequestContext();
    const opted = new AssistanceAllowedResource(db, context);
    const customers = new Customer(db, context);
    const id = await createCustomer(db);
    const request = { user: GUEST, storeCode: 'default', storeId: 1, ip: '127.0.0.1', userAgent: 'test' };
    await context.run({ ...request }, async () => {
      assert.equal(await opted.isAllowed(id), false);
      assert.equal((await customers.loadById(id))?.firstname, 'Lac');
      // Someone else writes in between: this request keeps what it read …
      await db.insert('login_as_customer_assistance_allowed', { customer_id: id });
      await db.execute(`UPDATE ${db.getTableName('customer_entity')} SET firstname = ? WHERE entity_id = ?`, ['Other', id]);
      assert.equal(await opted.isAllowed(id), false);
      assert.equal((await customers.loadById(id))?.firstname, 'Lac');
      // … its own writes it sees at once.
      await opted.deny(id);
      assert.equal(await opted.isAllowed(id), false);
      await opted.allow(id);
      assert.equal(await opted.isAllowed(id), true);
      await customers.update(id, { firstname: 'Mine' });
      assert.equal((await customers.loadById(id))?.firstname, 'Mine');
    });
    // The next request reads again.
    await context.run({ ...request }, async () => {
      assert.equal(await opted.isAllowed(id), true);
      assert.equal((await customers.loadById(id))?.firstname, 'Mine');
    });
  });

  it("writes Magento's log row, cutting names to Magento's 40 characters", async () => {
    const log = new MagentoLogResource(getDb());
    const customerId = uniqueId();
    const email = `a-very-long-address-${uniqueSuffix()}@subdomain.example.com`;
    await log.save({ time: '2025-11-24 16:00:00', user_id: 3, user_name: 'admin', customer_id: customerId, customer_email: email });
    const rows = await log.findByCustomer(customerId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.customer_email, email.slice(0, 40));
    assert.equal(rows[0]?.time, '2025-11-24 16:00:00');
  });

  it('finds the generated entry of a secret and the live exchanges of an admin not ended since', async () => {
    const audit = new AuditLogResource(getDb());
    const adminId = uniqueId();
    const secretHash = hash();
    await audit.insert(auditRow({ user_id: adminId, customer_id: 21, store_id: 1, secret_hash: secretHash }));
    assert.deepEqual(await audit.findGenerated(secretHash), { admin_id: adminId, customer_id: 21, store_id: 1 });
    assert.equal(await audit.findGenerated(hash()), undefined);

    const exchanged = (customerId: number, expires: string): AuditLogRow =>
      auditRow({ event: 'exchanged', operation: 'exchange', user_id: adminId, customer_id: customerId, token_expires_at: expires });
    await audit.insert(exchanged(21, '2025-11-24 17:00:00'));
    await audit.insert(exchanged(22, '2025-11-24 15:00:00'));
    await audit.insert(exchanged(23, '2025-11-24 17:00:00'));
    await audit.insert(auditRow({ event: 'ended', operation: 'end', user_id: adminId, customer_id: 23 }));
    assert.deepEqual(await audit.findLiveExchanges(adminId, '2025-11-24 16:30:00'), [21]);
    assert.deepEqual(await audit.findLiveExchanges(adminId, '2025-11-24 16:30:00', 22), []);
  });

  it('searches the audit log with Magento searchCriteria', async () => {
    const audit = new AuditLogResource(getDb());
    const adminId = uniqueId();
    for (const [event, reason] of [
      ['generated', null],
      ['rejected', 'expired'],
      ['rejected', 'already_used'],
    ] as const) {
      await audit.insert(
        auditRow({ event, outcome: reason ? 'failure' : 'success', rejection_reason: reason, user_id: adminId, user_name: 'auditor' }),
      );
    }
    const found = await audit.search({
      filter_groups: [
        { filters: [{ field: 'user_id', value: String(adminId) }] },
        { filters: [{ field: 'event', value: 'rejected' }] },
      ],
      sort_orders: [{ field: 'rejection_reason', direction: 'ASC' }],
      page_size: 1,
      current_page: 2,
    });
    assert.equal(found.total, 2);
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0]?.rejection_reason, 'expired');
    assert.equal(found.items[0]?.user_id, adminId);
    assert.equal('secret_hash' in (found.items[0] ?? {}), false, 'the HMAC never leaves the resource model');
    await assert.rejects(audit.search({ filter_groups: [{ filters: [{ field: 'secret_hash', value: 'x' }] }] }), InputException);
  });
});
