import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AclXmlReader } from '../../../src/Framework/Acl/AclXmlReader.ts';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { Acl } from '../../../src/Model/Authorization/Acl.ts';
import { AclBuilder } from '../../../src/Model/Authorization/AclBuilder.ts';
import type { RoleRow } from '../../../src/Model/ResourceModel/Authorization/Role.ts';
import type { RuleRow } from '../../../src/Model/ResourceModel/Authorization/Rules.ts';

const tree = new AclXmlReader().parse([
  {
    file: 'acl.xml',
    xml: `<config><acl><resources>
      <resource id="Magento_Backend::all"/>
      <resource id="Magento_Backend::admin">
        <resource id="Magento_Customer::customer">
          <resource id="Magento_Customer::manage">
            <resource id="Magento_Customer::actions"/>
          </resource>
        </resource>
        <resource id="Magento_Backend::stores"/>
      </resource>
    </resources></acl></config>`,
  },
]);

let ruleId = 0;
const role = (role_id: number, role_type: 'G' | 'U', parent_id = 0, user_id = 0, user_type: string | null = '2'): RoleRow => ({
  role_id,
  parent_id,
  tree_level: role_type === 'G' ? 1 : 2,
  role_type,
  user_id,
  user_type,
  role_name: `r${role_id}`,
});
const rule = (role_id: number, resource_id: string, permission: 'allow' | 'deny'): RuleRow => ({
  rule_id: ++ruleId,
  role_id,
  resource_id,
  permission,
});
const build = (roles: RoleRow[], rules: RuleRow[]): Acl => new Acl(AclBuilder.toData(roles, rules, (id) => tree.has(id)), tree);
const admin = (userId: number) => ({ userId, userType: UserType.ADMIN });

describe('Acl (Magento/laminas rule evaluation)', () => {
  test('an allow on Magento_Backend::all allows every resource, including ids outside the tree such as "self"', () => {
    const acl = build([role(1, 'G'), role(2, 'U', 1, 10)], [rule(1, 'Magento_Backend::all', 'allow')]);
    const r = acl.roleOf(admin(10));
    assert.equal(r, 2);
    for (const resource of ['Magento_Customer::actions', 'Magento_Backend::stores', 'Magento_Backend::all', 'self']) {
      assert.equal(acl.isAllowed(r, resource), true, resource);
    }
  });

  test('a restricted role (saveRel rows) is allowed what it lists and nothing else; "self" is not allowed', () => {
    const acl = build(
      [role(1, 'G'), role(2, 'U', 1, 11)],
      [
        rule(1, 'Magento_Backend::all', 'deny'),
        rule(1, 'Magento_Backend::admin', 'allow'),
        rule(1, 'Magento_Customer::customer', 'deny'),
        rule(1, 'Magento_Customer::manage', 'deny'),
        rule(1, 'Magento_Customer::actions', 'deny'),
        rule(1, 'Magento_Backend::stores', 'allow'),
      ],
    );
    const r = acl.roleOf(admin(11));
    assert.equal(acl.isAllowed(r, 'Magento_Backend::stores'), true);
    assert.equal(acl.isAllowed(r, 'Magento_Customer::customer'), false);
    assert.equal(acl.isAllowed(r, 'Magento_Backend::all'), false);
    assert.equal(acl.isAllowed(r, 'self'), false);
  });

  test('a resource without a rule inherits its parent resource rule', () => {
    const acl = build([role(1, 'G'), role(2, 'U', 1, 12)], [rule(1, 'Magento_Customer::customer', 'allow')]);
    assert.equal(acl.isAllowed(acl.roleOf(admin(12)), 'Magento_Customer::actions'), true);
    assert.equal(acl.isAllowed(acl.roleOf(admin(12)), 'Magento_Backend::stores'), false);
  });

  test("a child's own deny beats the parent's allow", () => {
    const acl = build(
      [role(1, 'G'), role(2, 'U', 1, 13)],
      [rule(1, 'Magento_Customer::customer', 'allow'), rule(1, 'Magento_Customer::manage', 'deny')],
    );
    const r = acl.roleOf(admin(13));
    assert.equal(acl.isAllowed(r, 'Magento_Customer::customer'), true);
    assert.equal(acl.isAllowed(r, 'Magento_Customer::actions'), false);
  });

  test("the user role's own rule beats its group's rule on the same resource", () => {
    const acl = build(
      [role(1, 'G'), role(2, 'U', 1, 14)],
      [rule(1, 'Magento_Customer::customer', 'deny'), rule(2, 'Magento_Customer::customer', 'allow')],
    );
    assert.equal(acl.isAllowed(acl.roleOf(admin(14)), 'Magento_Customer::customer'), true);
  });

  test('the later of two rules for one role and resource wins', () => {
    const acl = build(
      [role(1, 'G'), role(2, 'U', 1, 15)],
      [rule(1, 'Magento_Backend::stores', 'deny'), rule(1, 'Magento_Backend::stores', 'allow')],
    );
    assert.equal(acl.isAllowed(acl.roleOf(admin(15)), 'Magento_Backend::stores'), true);
  });

  test('no role, a customer or a guest: everything denied', () => {
    const acl = build([role(1, 'G'), role(2, 'U', 1, 16)], [rule(1, 'Magento_Backend::all', 'allow')]);
    assert.equal(acl.roleOf({ userId: 99, userType: UserType.ADMIN }), null);
    assert.equal(acl.roleOf({ userId: 16, userType: UserType.CUSTOMER }), null);
    assert.equal(acl.roleOf({ userId: null, userType: UserType.GUEST }), null);
    assert.equal(acl.isAllowed(null, 'Magento_Backend::stores'), false);
  });

  test('roles are looked up by (user_id, user_type): an integration role does not serve the admin with the same id', () => {
    const acl = build([role(5, 'U', 0, 17, '1')], [rule(5, 'Magento_Backend::stores', 'allow')]);
    assert.equal(acl.roleOf({ userId: 17, userType: UserType.INTEGRATION }), 5);
    assert.equal(acl.roleOf(admin(17)), null);
    assert.equal(acl.isAllowed(5, 'Magento_Backend::stores'), true);
  });

  test('rules naming resources that are not in acl.xml are ignored', () => {
    const acl = build([role(1, 'G'), role(2, 'U', 1, 18)], [rule(1, 'Vendor_Gone::thing', 'allow')]);
    assert.equal(acl.isAllowed(acl.roleOf(admin(18)), 'Vendor_Gone::thing'), false);
  });
});
