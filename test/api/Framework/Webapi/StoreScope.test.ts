/**
 * `/rest/all/…` and `/rest/<store>/…` as Magento applies them. PathProcessor makes `all` the admin store (website 0).
 * A customer e-mail is looked up (CustomerRegistry::retrieveByEmail) in the current store's website or, when that is
 * 0, the default store view's; with global account sharing (`customer/account_share/scope` = 0) in any website.
 * `self` routes pass only on a store the customer shares (Customer::getSharedStoreIds leaves out the admin store), so
 * a customer token is issued on `/rest/all` but `/rest/all/V1/customers/me` is refused, as in Magento. Admin routes
 * (customer reads, search, Login as Customer) answer on `all` as on a store view.
 *
 * Own table prefix: the account-sharing switch is global configuration.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ACCOUNT_SIGN_IN_FAILED } from '../../../../src/Model/User/AdminUserManagement.ts';
import { createWebsiteWithStore } from '../../LoginAsCustomer/lacHarness.ts';
import { createAssistedCustomer, LAC_ENABLED, setConfig } from '../../Ecosystem/ecosystemHarness.ts';
import { createAdmin, createCustomer } from '../../../integration/Identity/factories.ts';
import { createTestApplication, type TestApplication } from '../../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../../support/databases.ts';

const PASSWORD = 'Customer#2024';
const SHARE_SCOPE = 'customer/account_share/scope';

forEachDatabase(
  '/rest/all and /rest/<store> scopes',
  (getDb) => {
    let app: TestApplication;
    let adminToken: string;
    let secondStoreCode: string;
    let secondWebsiteId: number;
    let secondStoreId: number;

    const customerToken = async (prefix: string, email: string): Promise<{ status: number; body: unknown }> =>
      app.request('POST', `/rest/${prefix}/V1/integration/customer/token`, { body: { username: email, password: PASSWORD } });

    before(async () => {
      app = await createTestApplication(getDb());
      const admin = await createAdmin(getDb());
      adminToken = String((await app.request('POST', '/rest/all/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
      ({ websiteId: secondWebsiteId, storeId: secondStoreId } = await createWebsiteWithStore(app, getDb()));
      const rows = await getDb().fetchAll<{ code: string }>(`SELECT code FROM ${getDb().getTableName('store')} WHERE store_id = ?`, [secondStoreId]);
      secondStoreCode = rows[0]!.code;
    });
    after(() => app.close());

    it('issues a customer token on /rest/all for a customer of the default website', async () => {
      const customer = await createCustomer(getDb());
      const reply = await customerToken('all', customer.email);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(typeof reply.body, 'string');
      const me = await app.request('GET', '/rest/default/V1/customers/me', { token: reply.body as string });
      assert.equal(me.status, 200);
      assert.equal((me.body as { id: number }).id, customer.customerId);
      // On the admin store the customer shares no store: `self` is refused (CustomerAuthorization plugin).
      const onAll = await app.request('GET', '/rest/all/V1/customers/me', { token: reply.body as string });
      assert.equal(onAll.status, 401);
      assert.deepEqual(onAll.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'self' } });
    });

    it("looks other websites' customers up on their own store, or on /rest/all when accounts are shared globally", async () => {
      const customer = await createCustomer(getDb(), { websiteId: secondWebsiteId, storeId: secondStoreId });
      const onAll = await customerToken('all', customer.email);
      assert.equal(onAll.status, 401);
      assert.deepEqual(onAll.body, { message: ACCOUNT_SIGN_IN_FAILED });
      assert.equal((await customerToken('default', customer.email)).status, 401);
      const own = await customerToken(secondStoreCode, customer.email);
      assert.equal(own.status, 200, JSON.stringify(own.body));
      // `self` passes on a store of the customer's website only.
      const meOwn = await app.request('GET', `/rest/${secondStoreCode}/V1/customers/me`, { token: own.body as string });
      assert.equal(meOwn.status, 200);
      assert.equal((meOwn.body as { id: number }).id, customer.customerId);
      assert.equal((await app.request('GET', '/rest/default/V1/customers/me', { token: own.body as string })).status, 401);

      await setConfig(app, SHARE_SCOPE, '0');
      try {
        const shared = await customerToken('all', customer.email);
        assert.equal(shared.status, 200, JSON.stringify(shared.body));
        assert.equal((await customerToken('default', customer.email)).status, 200);
      } finally {
        await setConfig(app, SHARE_SCOPE, null);
      }
    });

    it('creates an account on the store of the prefix: /rest/<store> its store and website, /rest/all the default store view', async () => {
      const created = async (prefix: string): Promise<{ store_id: number; website_id: number }> => {
        const reply = await app.request('POST', `/rest/${prefix}/V1/customers`, {
          body: { customer: { email: `scope_${uniqueSuffix()}@example.com`, firstname: 'Sc', lastname: 'Ope' }, password: 'Scope_Pass_2024' },
        });
        assert.equal(reply.status, 200, `${prefix}: ${JSON.stringify(reply.body)}`);
        return reply.body as { store_id: number; website_id: number };
      };
      const onSecond = await created(secondStoreCode);
      assert.deepEqual([onSecond.store_id, onSecond.website_id], [secondStoreId, secondWebsiteId]);
      const onAll = await created('all');
      assert.deepEqual([onAll.store_id, onAll.website_id], [1, 1]);
    });

    it('answers admin customer reads and search on /rest/all as on a store view', async () => {
      const customer = await createCustomer(getDb(), { websiteId: secondWebsiteId, storeId: secondStoreId });
      for (const prefix of ['all', 'default', secondStoreCode]) {
        const read = await app.request('GET', `/rest/${prefix}/V1/customers/${customer.customerId}`, { token: adminToken });
        assert.equal(read.status, 200, `${prefix}: ${JSON.stringify(read.body)}`);
        assert.equal((read.body as { website_id: number }).website_id, secondWebsiteId);
        const search = await app.request(
          'GET',
          `/rest/${prefix}/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${encodeURIComponent(customer.email)}`,
          { token: adminToken },
        );
        assert.equal(search.status, 200);
        assert.equal((search.body as { total_count: number }).total_count, 1, prefix);
      }
    });

    it('runs Login as Customer on /rest/all: secret, then the exchange gives a token for the customer', async () => {
      await setConfig(app, LAC_ENABLED, '1');
      try {
        const customer = await createAssistedCustomer(app);
        const secret = await app.request('POST', '/rest/all/V1/login-as-customer/secret', { token: adminToken, body: { customerId: customer.customerId } });
        assert.equal(secret.status, 200, JSON.stringify(secret.body));
        assert.equal((secret.body as { store_id: number }).store_id, 1);
        const exchanged = await app.request('POST', '/rest/all/V1/login-as-customer/token', {
          token: adminToken,
          body: { secret: (secret.body as { secret: string }).secret },
        });
        assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
        const me = await app.request('GET', '/rest/default/V1/customers/me', { token: exchanged.body as string });
        assert.equal((me.body as { id: number }).id, customer.customerId);
      } finally {
        await setConfig(app, LAC_ENABLED, null);
      }
    });
  },
  { tablePrefix: 'h4scope_' },
);
