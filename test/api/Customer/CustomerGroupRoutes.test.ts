import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer } from '../../integration/Identity/factories.ts';

interface Group {
  id: number;
  code: string;
  tax_class_id: number;
  tax_class_name?: string;
}

const NO_SUCH = 'No such entity with %fieldName = %fieldValue';

forEachDatabase('Customer group routes over HTTP', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  before(async () => {
    app = await createTestApplication(getDb());
    const a = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } })).body);
  });
  after(() => app.close());

  it('Magento\'s four default groups exist with the Retail Customer tax class', async () => {
    for (const [id, code] of [[0, 'NOT LOGGED IN'], [1, 'General'], [2, 'Wholesale'], [3, 'Retailer']] as const) {
      const reply = await app.request('GET', `/rest/V1/customerGroups/${id}`, { token: adminToken });
      assert.deepEqual([reply.status, reply.body], [200, { id, code, tax_class_id: 3, tax_class_name: 'Retail Customer' }]);
    }
    const def = await app.request('GET', '/rest/V1/customerGroups/default', { token: adminToken });
    assert.deepEqual(def.body, { id: 1, code: 'General', tax_class_id: 3, tax_class_name: 'Retail Customer' });
    // GroupManagementTest: the admin store (0) and the default store (1) both give General.
    for (const storeId of [0, 1]) {
      const byStore = await app.request('GET', `/rest/V1/customerGroups/default/${storeId}`, { token: adminToken });
      assert.equal((byStore.body as Group).id, 1);
    }
    const badStore = await app.request('GET', '/rest/V1/customerGroups/default/9999', { token: adminToken });
    assert.deepEqual([badStore.status, badStore.body], [404, { message: NO_SUCH, parameters: { fieldName: 'storeId', fieldValue: 9999 } }]);
  });

  it('Magento_Customer::group guards every route', async () => {
    const customer = await createCustomer(getDb());
    const token = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: 'Customer#2024' } })).body,
    );
    for (const [method, path] of [['GET', '/rest/V1/customerGroups/1'], ['GET', '/rest/V1/customerGroups/search'], ['POST', '/rest/V1/customerGroups'], ['DELETE', '/rest/V1/customerGroups/2'], ['GET', '/rest/V1/customerGroups/1/permissions']] as const) {
      const reply = await app.request(method, path, { token, ...(method === 'POST' ? { body: { group: { code: 'x' } } } : {}) });
      assert.deepEqual([reply.status, reply.body], [401, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::group' } }], `${method} ${path}`);
    }
  });

  it('POST/PUT/DELETE: create, rename, refuse duplicates and bad tax classes, delete', async () => {
    const code = `grp_${uniqueSuffix()}`;
    const created = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { code } } });
    assert.equal(created.status, 200);
    const group = created.body as Group;
    assert.deepEqual(group, { id: group.id, code, tax_class_id: 3, tax_class_name: 'Retail Customer' });

    const duplicate = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { code: code.toUpperCase() } } });
    assert.deepEqual([duplicate.status, duplicate.body], [400, { message: 'Customer Group already exists.' }]);
    const noCode = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { code: ' ', tax_class_id: 3 } } });
    assert.deepEqual([noCode.status, noCode.body], [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'code' } }]);
    const productClass = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { code: `${code}_p`, tax_class_id: 2 } } });
    assert.deepEqual([productClass.status, productClass.body], [
      400,
      { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { fieldName: 'taxClassId', value: 2 } },
    ]);

    const noTaxClass = await app.request('PUT', `/rest/V1/customerGroups/${group.id}`, { token: adminToken, body: { group: { code: `${code}_r` } } });
    assert.deepEqual([noTaxClass.status, noTaxClass.body], [
      400,
      { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { fieldName: 'taxClassId', value: null } },
    ]);
    // The path id is the group's (Magento's overrideRequestBodyIdWithPathParam).
    const renamed = await app.request('PUT', `/rest/V1/customerGroups/${group.id}`, { token: adminToken, body: { group: { code: `${code}_r`, tax_class_id: 3 } } });
    assert.deepEqual([renamed.status, renamed.body], [200, { id: group.id, code: `${code}_r`, tax_class_id: 3, tax_class_name: 'Retail Customer' }]);
    const missing = await app.request('PUT', '/rest/V1/customerGroups/987654321', { token: adminToken, body: { group: { code: `${code}_m`, tax_class_id: 3 } } });
    assert.deepEqual([missing.status, missing.body], [404, { message: NO_SUCH, parameters: { fieldName: 'id', fieldValue: 987654321 } }]);
    const long = await app.request('PUT', `/rest/V1/customerGroups/${group.id}`, { token: adminToken, body: { group: { id: group.id, code: `${code}_${'z'.repeat(40)}`, tax_class_id: 3 } } });
    assert.equal((long.body as Group).code.length, 32);

    const search = await app.request(
      'GET',
      `/rest/V1/customerGroups/search?searchCriteria[filter_groups][0][filters][0][field]=id&searchCriteria[filter_groups][0][filters][0][value]=${group.id}`,
      { token: adminToken },
    );
    assert.equal(search.status, 200);
    assert.deepEqual((search.body as { items: Group[]; total_count: number }).items.map((g) => g.id), [group.id]);

    const readonly = await app.request('GET', `/rest/V1/customerGroups/${group.id}/permissions`, { token: adminToken });
    assert.deepEqual([readonly.status, readonly.body], [200, false]);
    const deleted = await app.request('DELETE', `/rest/V1/customerGroups/${group.id}`, { token: adminToken });
    assert.deepEqual([deleted.status, deleted.body], [200, true]);
    const gone = await app.request('GET', `/rest/V1/customerGroups/${group.id}`, { token: adminToken });
    assert.deepEqual([gone.status, gone.body], [404, { message: NO_SUCH, parameters: { fieldName: 'id', fieldValue: group.id } }]);
    const goneReadonly = await app.request('GET', `/rest/V1/customerGroups/${group.id}/permissions`, { token: adminToken });
    assert.deepEqual(goneReadonly.body, { message: NO_SUCH, parameters: { fieldName: 'groupId', fieldValue: group.id } });
  });

  it('any code is saved as its first 32 characters and read back, or refused with a 400 (never a 5xx)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60, unit: 'grapheme' }), fc.option(fc.integer({ min: -5, max: 70000 })), async (tail, taxClass) => {
        const code = `p${uniqueSuffix()}${tail}`;
        const reply = await app.request('POST', '/rest/V1/customerGroups', {
          token: adminToken,
          body: { group: { code, ...(taxClass === null ? {} : { tax_class_id: taxClass }) } },
        });
        assert.ok(reply.status === 200 || reply.status === 400, `${reply.status} ${JSON.stringify(reply.body)}`);
        if (reply.status === 200) {
          const saved = reply.body as Group;
          assert.equal(saved.code, [...code].slice(0, 32).join(''));
          assert.deepEqual((await app.request('GET', `/rest/V1/customerGroups/${saved.id}`, { token: adminToken })).body, saved);
        } else {
          assert.ok(taxClass !== null && taxClass !== 0 && taxClass !== 3, JSON.stringify(reply.body));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('the bodies of Magento\'s GroupRepositoryTest (ids and tax classes sent as null, an id on POST)', async () => {
    const code = `Default Class Tax ID REST ${uniqueSuffix()}`;
    const created = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { id: null, code, tax_class_id: null } } });
    assert.deepEqual((created.body as Group).tax_class_id, 3);
    const noCode = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { id: null, code: null, tax_class_id: null } } });
    assert.deepEqual(noCode.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'code' } });
    const withId = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { id: 987654, code: `x${uniqueSuffix()}`, tax_class_id: 3 } } });
    assert.deepEqual([withId.status, withId.body], [404, { message: NO_SUCH, parameters: { fieldName: 'id', fieldValue: 987654 } }]);
    const badTax = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { id: null, code: `t${uniqueSuffix()}`, tax_class_id: 9999 } } });
    assert.equal(JSON.stringify(badTax.body), '{"message":"Invalid value of \\"%value\\" provided for the %fieldName field.","parameters":{"fieldName":"taxClassId","value":9999}}');
  });

  it('groups 0 and the default group cannot be deleted (Cannot delete group.) and are read-only', async () => {
    for (const id of [0, 1]) {
      const reply = await app.request('DELETE', `/rest/V1/customerGroups/${id}`, { token: adminToken });
      assert.deepEqual([reply.status, reply.body], [400, { message: 'Cannot delete group.' }]);
      const readonly = await app.request('GET', `/rest/V1/customerGroups/${id}/permissions`, { token: adminToken });
      assert.equal(readonly.body, true);
    }
  });

  it('PUT /V1/customerGroups/default/:id sets the default group for new accounts', async () => {
    // A global setting: changed only on the block's own (embedded) database.
    if (getDb().platform !== 'sqlite') return;
    const unknown = await app.request('PUT', '/rest/V1/customerGroups/default/4242', { token: adminToken });
    assert.deepEqual([unknown.status, unknown.body], [404, { message: NO_SUCH, parameters: { fieldName: 'id', fieldValue: 4242 } }]);
    const set = await app.request('PUT', '/rest/V1/customerGroups/default/3', { token: adminToken });
    assert.deepEqual([set.status, set.body], [200, 3]);
    const created = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email: `dg_${uniqueSuffix()}@example.com`, firstname: 'A', lastname: 'B' }, password: 'Roni_cost3@example.com' },
    });
    assert.equal((created.body as { group_id: number }).group_id, 3);
    const retailer = await app.request('DELETE', '/rest/V1/customerGroups/3', { token: adminToken });
    assert.deepEqual(retailer.body, { message: 'Cannot delete group.' });
    await app.request('PUT', '/rest/V1/customerGroups/default/1', { token: adminToken });
  });

  it('a customer saved with a group that exists keeps it; any other group id is refused', async () => {
    const customer = await createCustomer(getDb());
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4000, max: 65535 }), async (groupId) => {
        const reply = await app.request('PUT', `/rest/V1/customers/me`, {
          token: String(
            (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: 'Customer#2024' } })).body,
          ),
          body: { customer: { email: customer.email, firstname: 'A', lastname: 'B', group_id: groupId } },
        });
        assert.deepEqual([reply.status, reply.body], [400, { message: 'The specified customer group id does not exist.' }]);
      }),
      { numRuns: 5 },
    );
  });
});
