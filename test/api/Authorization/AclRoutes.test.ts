import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import { CacheGeneration } from '../../../src/Model/ResourceModel/Cache/CacheGeneration.ts';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer, createGroupRole } from '../../integration/Identity/factories.ts';
import { T0 } from '../../integration/Identity/harness.ts';

const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";

forEachDatabase('ACL over HTTP', (getDb) => {
  let app: TestApplication;
  const clock = new FixedClock(T0);
  before(async () => {
    app = await createTestApplication(getDb(), { clock });
  });
  after(() => app.close());

  const adminToken = async (username: string): Promise<string> => {
    const reply = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username, password: 'Admin123!' } });
    assert.equal(reply.status, 200);
    return String(reply.body);
  };

  it('a restricted role gets the exact 401 body, then the route once a rule allows it', async () => {
    const roles = app.application.container.get(RoleManagement);
    const role = await roles.createRole(`stores_only_${uniqueSuffix()}`, ['Magento_Backend::stores']);
    const username = `adm_${uniqueSuffix()}`;
    await app.application.container.get(AdminUserManagement).createAdmin(
      { username, password: 'Admin123!', email: `${username}@example.com`, firstname: 'R', lastname: 'Estricted' },
      role.role_id,
    );
    const token = await adminToken(username);
    const customer = await createCustomer(getDb());
    const refused = await app.request('GET', `/rest/V1/customers/${customer.customerId}`, { token });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, { message: UNAUTHORIZED, parameters: { resources: 'Magento_Customer::customer' } });

    await roles.setRule(role.role_id, 'Magento_Customer::customer', 'allow');
    const allowed = await app.request('GET', `/rest/V1/customers/${customer.customerId}`, { token });
    assert.equal(allowed.status, 200);
    assert.equal((allowed.body as { id: number }).id, customer.customerId);
  });

  it('a rule changed in the database by another instance applies to its next request', async () => {
    const roleId = await createGroupRole(getDb(), [['Magento_Backend::admin', 'allow'], ['Magento_Customer::customer', 'deny']]);
    const a = await createAdmin(getDb(), { roleId });
    const token = await adminToken(a.username);
    const customer = await createCustomer(getDb());
    assert.equal((await app.request('GET', `/rest/V1/customers/${customer.customerId}`, { token })).status, 401);
    await getDb().execute(`UPDATE ${getDb().getTableName('authorization_rule')} SET permission = 'allow' WHERE role_id = ? AND resource_id = ?`, [
      roleId,
      'Magento_Customer::customer',
    ]);
    await new CacheGeneration(getDb()).bump(['acl']);
    assert.equal((await app.request('GET', `/rest/V1/customers/${customer.customerId}`, { token })).status, 200);
  });

  it('self routes: a customer token passes; an admin token lacking the global allow gets 401 "self"', async () => {
    const c = await createCustomer(getDb());
    const customerToken = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: c.email, password: 'Customer#2024' } })).body,
    );
    assert.equal((await app.request('GET', '/rest/V1/customers/me', { token: customerToken })).status, 200);
    const limited = await createAdmin(getDb(), { roleId: await createGroupRole(getDb(), [['Magento_Customer::customer', 'allow']]) });
    const reply = await app.request('GET', '/rest/V1/customers/me', { token: await adminToken(limited.username) });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: UNAUTHORIZED, parameters: { resources: 'self' } });
  });

  it('a customer token on an ACL route: 401 naming the resource', async () => {
    const c = await createCustomer(getDb());
    const customerToken = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: c.email, password: 'Customer#2024' } })).body,
    );
    const reply = await app.request('GET', '/rest/V1/customers/search?searchCriteria[pageSize]=1', { token: customerToken });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: UNAUTHORIZED, parameters: { resources: 'Magento_Customer::customer' } });
  });
});
