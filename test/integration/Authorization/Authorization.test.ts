import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { RequestAuthorizer } from '../../../src/Framework/Acl/RequestAuthorizer.ts';
import { GUEST, UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { AclBuilder } from '../../../src/Model/Authorization/AclBuilder.ts';
import { CacheGeneration } from '../../../src/Model/ResourceModel/Cache/CacheGeneration.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIdentityHarness, type IdentityHarness } from '../Identity/harness.ts';
import { assignRole, createAdmin, createCustomer, createGroupRole } from '../Identity/factories.ts';

forEachDatabase('Authorization (RequestAuthorizer)', (getDb) => {
  let h: IdentityHarness;
  let authorizer: RequestAuthorizer;
  const admin = (userId: number) => ({ userId, userType: UserType.ADMIN });
  beforeEach(() => {
    h = createIdentityHarness(getDb());
    authorizer = h.get<RequestAuthorizer>(TYPES.RequestAuthorizer);
  });

  it('anonymous: everyone, guests included', async () => {
    assert.equal(await authorizer.isAllowed(GUEST, ['anonymous']), true);
    assert.equal(await authorizer.isAllowed(GUEST, []), true);
  });

  it('a full-access admin (Magento_Backend::all) is allowed any resource', async () => {
    const a = await createAdmin(getDb());
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer', 'Magento_Backend::store']), true);
  });

  it('a restricted role is refused until a rule is added; RoleManagement changes apply at once', async () => {
    const roles = h.get(RoleManagement);
    const role = await roles.createRole(`stores_${uniqueSuffix()}`, ['Magento_Backend::stores']);
    const a = await createAdmin(getDb(), { roleId: role.role_id });
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Backend::store']), true);
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer']), false);
    await roles.setRule(role.role_id, 'Magento_Customer::customer', 'allow');
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer']), true);
  });

  it('a rule written by another instance is honoured by the next check, with no waiting period', async () => {
    const roleId = await createGroupRole(getDb(), [
      ['Magento_Backend::admin', 'allow'],
      ['Magento_Customer::customer', 'deny'],
    ]);
    const a = await createAdmin(getDb(), { roleId });
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer']), false);
    await getDb().execute(
      `UPDATE ${getDb().getTableName('authorization_rule')} SET permission = 'allow' WHERE role_id = ? AND resource_id = ?`,
      [roleId, 'Magento_Customer::customer'],
    );
    // A raw write without the generation (as Magento's own admin makes it) is not seen: the ACL stays cached …
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer']), false, 'cached');
    // … the generation bump another instance's Rules makes with its write is, at once.
    await new CacheGeneration(getDb()).bump(['acl']);
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::customer']), true, 'reloaded');
  });

  it('several resources must all be allowed', async () => {
    const roleId = await createGroupRole(getDb(), [['Magento_Backend::stores', 'allow']]);
    const a = await createAdmin(getDb(), { roleId });
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Backend::store']), true);
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Backend::store', 'Magento_Customer::customer']), false);
  });

  it("a user role inherits its group's rules; its own rule wins", async () => {
    const groupId = await createGroupRole(getDb(), [['Magento_Customer::customer', 'allow']]);
    const a = await createAdmin(getDb(), { roleId: groupId });
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::manage']), true);
    const userRoleId = Number(
      await getDb().fetchOne(`SELECT role_id FROM ${getDb().getTableName('authorization_role')} WHERE user_id = ? AND user_type = '2'`, [a.userId]),
    );
    await getDb().insert('authorization_rule', { role_id: userRoleId, resource_id: 'Magento_Customer::manage', privileges: '', permission: 'deny' });
    h.get(AclBuilder).clean();
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::manage']), false);
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Customer::online']), true);
  });

  it('an admin in two user roles uses the first (lowest role_id), like WebapiRoleLocator', async () => {
    const allowed = await createGroupRole(getDb(), [['Magento_Backend::stores', 'allow']]);
    const denied = await createGroupRole(getDb(), [['Magento_Backend::stores', 'deny']]);
    const a = await createAdmin(getDb(), { roleId: allowed });
    await assignRole(getDb(), a.userId, denied, a.username);
    assert.equal(await authorizer.isAllowed(admin(a.userId), ['Magento_Backend::stores']), true);
  });

  it('self: a customer in a store of their website; not in the admin store or another website', async () => {
    const suffix = uniqueSuffix();
    const { insertId: websiteId } = await getDb().insert('store_website', { code: `w_${suffix}`, name: 'Second', sort_order: 0, default_group_id: 0, is_default: 0 });
    const { insertId: groupId } = await getDb().insert('store_group', { website_id: websiteId, name: 'Second', root_category_id: 2, default_store_id: 0, code: `g_${suffix}` });
    const { insertId: storeId } = await getDb().insert('store', { code: `s_${suffix}`, website_id: websiteId, group_id: groupId, name: 'Second', sort_order: 0, is_active: 1 });
    const c = await createCustomer(getDb());
    const customer = { userId: c.customerId, userType: UserType.CUSTOMER };
    assert.equal(await h.asRequest(customer, () => authorizer.isAllowed(customer, ['self'])), true);
    assert.equal(await h.asRequest(customer, () => authorizer.isAllowed(customer, ['self']), 0), false);
    assert.equal(await h.asRequest(customer, () => authorizer.isAllowed(customer, ['self']), storeId), false);
    // With global account sharing every store view is shared.
    const global = createIdentityHarness(getDb(), { config: { 'customer/account_share/scope': '0' } });
    const globalAuthorizer = global.get<RequestAuthorizer>(TYPES.RequestAuthorizer);
    assert.equal(await global.asRequest(customer, () => globalAuthorizer.isAllowed(customer, ['self']), storeId), true);
  });

  it('self is refused to guests, deleted customers and restricted admins; a full admin passes it (Magento AclPolicy falls back to the global rule)', async () => {
    const c = await createCustomer(getDb());
    await getDb().execute(`DELETE FROM ${getDb().getTableName('customer_entity')} WHERE entity_id = ?`, [c.customerId]);
    const gone = { userId: c.customerId, userType: UserType.CUSTOMER };
    assert.equal(await h.asRequest(gone, () => authorizer.isAllowed(gone, ['self'])), false);
    assert.equal(await h.asRequest(GUEST, () => authorizer.isAllowed(GUEST, ['self'])), false);
    const restricted = await createAdmin(getDb(), { roleId: await createGroupRole(getDb(), [['Magento_Customer::customer', 'allow']]) });
    assert.equal(await authorizer.isAllowed(admin(restricted.userId), ['self']), false);
    const full = await createAdmin(getDb());
    assert.equal(await authorizer.isAllowed(admin(full.userId), ['self']), true);
  });

  it('customers and guests have no ACL role', async () => {
    const c = await createCustomer(getDb());
    const customer = { userId: c.customerId, userType: UserType.CUSTOMER };
    assert.equal(await h.asRequest(customer, () => authorizer.isAllowed(customer, ['Magento_Customer::customer'])), false);
    assert.equal(await authorizer.isAllowed(GUEST, ['Magento_Customer::customer']), false);
  });

  it('integrations are looked up by user_type 1', async () => {
    const suffix = uniqueSuffix();
    const { insertId: integrationId } = await getDb().insert('integration', { name: `int_${suffix}`, email: `${suffix}@example.com`, status: 1 });
    const { insertId: roleId } = await getDb().insert('authorization_role', {
      parent_id: 0, tree_level: 1, sort_order: 0, role_type: 'U', user_id: integrationId, user_type: '1', role_name: `1${integrationId}`,
    });
    await getDb().insert('authorization_rule', { role_id: roleId, resource_id: 'Magento_Backend::store', privileges: '', permission: 'allow' });
    h.get(AclBuilder).clean();
    const integration = { userId: integrationId, userType: UserType.INTEGRATION };
    assert.equal(await authorizer.isAllowed(integration, ['Magento_Backend::store']), true);
    assert.equal(await authorizer.isAllowed(integration, ['Magento_Customer::customer']), false);
  });
});
