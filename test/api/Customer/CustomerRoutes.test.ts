import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer } from '../../integration/Identity/factories.ts';
import { T0 } from '../../integration/Identity/harness.ts';

interface Customer {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  group_id: number;
  extension_attributes?: Record<string, unknown>;
}

forEachDatabase('Customer routes over HTTP', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  const clock = new FixedClock(T0);
  before(async () => {
    app = await createTestApplication(getDb(), { clock });
    const a = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } })).body);
  });
  after(() => app.close());

  it('POST /V1/customers creates an account that can sign in; group_id is ignored for guests', async () => {
    const email = `new_${uniqueSuffix()}@example.com`;
    const created = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email, firstname: 'Veronica', lastname: 'Costello', group_id: 3 }, password: 'Roni_cost3@example.com' },
    });
    assert.equal(created.status, 200);
    const body = created.body as Customer & Record<string, unknown>;
    assert.equal(body.email, email);
    assert.equal(body.group_id, 1);
    assert.equal(body.created_in, 'Default Store View');
    assert.deepEqual(body.addresses, []);
    assert.equal('password_hash' in body, false);
    const token = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: email, password: 'Roni_cost3@example.com' } });
    assert.equal(token.status, 200);
  });

  it('POST /V1/customers: a weak password and a taken e-mail are 400s with Magento\'s messages', async () => {
    const weak = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email: `w_${uniqueSuffix()}@example.com`, firstname: 'A', lastname: 'B' }, password: 'abcdefgh' },
    });
    assert.equal(weak.status, 400);
    assert.deepEqual(weak.body, {
      message:
        'Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.',
      parameters: [3],
    });
    const existing = await createCustomer(getDb());
    const taken = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email: existing.email, firstname: 'A', lastname: 'B' }, password: 'Passw0rd!x' },
    });
    assert.equal(taken.status, 400);
    assert.deepEqual(taken.body, { message: 'A customer with the same email address already exists in an associated website.' });
  });

  it('PUT /V1/customers/me updates the caller only (customer.id is forced) and carries extension_attributes', async () => {
    const me = await createCustomer(getDb());
    const other = await createCustomer(getDb());
    const token = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: me.email, password: 'Customer#2024' } })).body,
    );
    const reply = await app.request('PUT', '/rest/V1/customers/me', {
      token,
      body: { customer: { id: other.customerId, email: me.email, firstname: 'Roni', lastname: 'Cost', extension_attributes: { assistance_allowed: 2 } } },
    });
    assert.equal(reply.status, 200);
    const saved = reply.body as Customer;
    assert.equal(saved.id, me.customerId);
    assert.equal(saved.firstname, 'Roni');
    // Stored by the LoginAsCustomer module's extension provider and read back.
    assert.equal(saved.extension_attributes?.assistance_allowed, 2);
    const again = await app.request('GET', '/rest/V1/customers/me', { token });
    assert.equal((again.body as Customer).extension_attributes?.assistance_allowed, 2);
    const untouched = await app.request('GET', `/rest/V1/customers/${other.customerId}`, { token: adminToken });
    assert.equal((untouched.body as Customer).firstname, 'Veronica');
  });

  it('GET /V1/customers/:customerId: 404 for an unknown id', async () => {
    const reply = await app.request('GET', '/rest/V1/customers/2000000001', { token: adminToken });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: 2000000001 } });
  });

  it('GET /V1/customers/search: searchCriteria query form — filters, sortOrders, pageSize, currentPage', async () => {
    const tag = uniqueSuffix();
    for (const [first, last] of [['Ann', 'Alpha'], ['Bea', 'Beta'], ['Cy', 'Gamma'], ['Di', 'Delta']] as const) {
      await createCustomer(getDb(), { email: `${first.toLowerCase()}_${tag}@example.com`, firstname: first, lastname: last });
    }
    const query = [
      `searchCriteria[filter_groups][0][filters][0][field]=email`,
      `searchCriteria[filter_groups][0][filters][0][value]=${encodeURIComponent(`%_${tag}@example.com`)}`,
      `searchCriteria[filter_groups][0][filters][0][condition_type]=like`,
      `searchCriteria[filter_groups][1][filters][0][field]=firstname`,
      `searchCriteria[filter_groups][1][filters][0][value]=Ann`,
      `searchCriteria[filter_groups][1][filters][1][field]=lastname`,
      `searchCriteria[filter_groups][1][filters][1][value]=Gamma,Delta`,
      `searchCriteria[filter_groups][1][filters][1][condition_type]=in`,
      `searchCriteria[sortOrders][0][field]=firstname`,
      `searchCriteria[sortOrders][0][direction]=DESC`,
      `searchCriteria[pageSize]=2`,
      `searchCriteria[currentPage]=1`,
    ].join('&');
    const page1 = await app.request('GET', `/rest/V1/customers/search?${query}`, { token: adminToken });
    assert.equal(page1.status, 200);
    const result = page1.body as { items: Customer[]; search_criteria: Record<string, unknown>; total_count: number };
    assert.deepEqual(Object.keys(result), ['items', 'search_criteria', 'total_count']);
    assert.equal(result.total_count, 3);
    assert.deepEqual(result.items.map((c) => c.firstname), ['Di', 'Cy']);
    assert.equal(result.search_criteria.page_size, 2);
    assert.equal(result.search_criteria.current_page, 1);
    const page2 = await app.request('GET', `/rest/V1/customers/search?${query.replace('currentPage]=1', 'currentPage]=2')}`, { token: adminToken });
    assert.deepEqual((page2.body as { items: Customer[] }).items.map((c) => c.firstname), ['Ann']);
  });
});
