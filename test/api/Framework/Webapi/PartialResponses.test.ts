/**
 * `?fields=` on real routes, as Magento's PartialResponseTest sends it: the filter runs after the output processor
 * on every route (customer read, search results, a list, a scalar result).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createAdmin, createCustomer } from '../../../integration/Identity/factories.ts';
import { createTestApplication, type TestApplication } from '../../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../../support/databases.ts';

forEachDatabase('Partial responses (?fields=)', (getDb) => {
  let app: TestApplication;
  let token: string;
  let customer: { customerId: number; email: string };

  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(getDb());
    token = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
    customer = await createCustomer(getDb(), { email: `fields_${uniqueSuffix()}@example.com`, firstname: 'Jane', lastname: 'Doe' });
  });
  after(() => app.close());

  const get = async (path: string): Promise<{ status: number; body: unknown }> => app.request('GET', `/rest/V1${path}`, { token });

  it('keeps the named fields of a customer (testCustomerWithEmailFilter)', async () => {
    const reply = await get(`/customers/${customer.customerId}?fields=email`);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { email: customer.email });
    const two = await get(`/customers/${customer.customerId}?fields=id,email,firstname`);
    assert.deepEqual(two.body, { id: customer.customerId, email: customer.email, firstname: 'Jane' });
  });

  it('filters nested lists: items[id,email] of search results, addresses[city] of an address-less customer', async () => {
    const query =
      `searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${encodeURIComponent(customer.email)}` +
      '&fields=items[id,email],total_count';
    const reply = await get(`/customers/search?${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.deepEqual(reply.body, { items: [{ id: customer.customerId, email: customer.email }], total_count: 1 });
    // Magento's applyFilter turns an empty list under a filter into null.
    const nested = await get(`/customers/${customer.customerId}?fields=email,addresses[city]`);
    assert.deepEqual(nested.body, { email: customer.email, addresses: null });
  });

  it('answers [] for a fields value naming nothing, with spaces, or malformed (testCustomerInvalidFilter)', async () => {
    for (const fields of ['invalid', 'email,%20id', '%20email', 'email[', 'email-id', 'fields[]=email']) {
      const path = fields.startsWith('fields[]') ? `/customers/${customer.customerId}?${fields}` : `/customers/${customer.customerId}?fields=${fields}`;
      const reply = await get(path);
      assert.equal(reply.status, 200, fields);
      assert.deepEqual(reply.body, [], fields);
    }
  });

  it('leaves a scalar result and an empty or "0" fields value alone (testFilterForCustomerApiWithSimpleResponse)', async () => {
    const full = await get(`/customers/${customer.customerId}`);
    for (const fields of ['', '0']) assert.deepEqual((await get(`/customers/${customer.customerId}?fields=${fields}`)).body, full.body);
    const login = await app.request('POST', '/rest/V1/integration/customer/token?fields=customers', {
      body: { username: customer.email, password: 'Customer#2024' },
    });
    assert.equal(login.status, 200);
    assert.equal(typeof login.body, 'string');
  });

  it('does not filter error bodies', async () => {
    const reply = await get('/customers/999999999?fields=id');
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: 999999999 } });
  });
});
