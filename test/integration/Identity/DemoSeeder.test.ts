import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { AdminTokenServiceInterface } from '../../../src/Api/Integration/AdminTokenServiceInterface.ts';
import type { CustomerTokenServiceInterface } from '../../../src/Api/Integration/CustomerTokenServiceInterface.ts';
import type { RequestAuthorizer } from '../../../src/Framework/Acl/RequestAuthorizer.ts';
import { GUEST, UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import type { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { InitializeAuthRolesPatch } from '../../../src/Model/ResourceModel/Authorization/InitializeAuthRolesPatch.ts';
import { DEMO_CREDENTIALS, DemoSeeder } from '../../../src/Model/Identity/DemoSeeder.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createIdentityHarness, type IdentityHarness } from './harness.ts';

// Own table prefix: the seeder acts only on a database without admins, so these tables start empty.
forEachDatabase(
  'DemoSeeder',
  (getDb) => {
    let h: IdentityHarness;
    beforeEach(async () => {
      const db = getDb();
      for (const table of ['oauth_token_request_log', 'jwt_auth_revoked', 'authorization_rule', 'authorization_role', 'customer_entity', 'admin_user']) {
        await db.execute(`DELETE FROM ${db.getTableName(table)}`);
      }
      h = createIdentityHarness(db);
    });

    it('seeds a full-access admin and a customer once, then returns null', async () => {
      const seeder = h.get(DemoSeeder);
      assert.deepEqual(await seeder.seed(), DEMO_CREDENTIALS);
      assert.equal(await seeder.seed(), null);

      const adminToken = await h.get<AdminTokenServiceInterface>(TYPES.AdminTokenService).createAdminAccessToken('admin', 'Admin123!');
      const adminId = h.get<JwtCodec>(TYPES.JwtCodec).read(adminToken)?.uid as number;
      const authorizer = h.get<RequestAuthorizer>(TYPES.RequestAuthorizer);
      assert.equal(await authorizer.isAllowed({ userId: adminId, userType: UserType.ADMIN }, ['Magento_Customer::customer']), true);

      const customerToken = await h.asRequest(GUEST, () =>
        h.get<CustomerTokenServiceInterface>(TYPES.CustomerTokenService).createCustomerAccessToken('roni_cost@example.com', 'Roni_cost3@example.com'),
      );
      assert.equal(h.get<JwtCodec>(TYPES.JwtCodec).read(customerToken)?.utypid, 3);
    });

    it('the InitializeAuthRoles patch creates the Administrators role once, and the seeder reuses it', async () => {
      const patch = new InitializeAuthRolesPatch();
      await patch.apply(getDb());
      await patch.apply(getDb());
      const roles = await getDb().fetchAll(
        `SELECT role_id FROM ${getDb().getTableName('authorization_role')} WHERE role_type = 'G' AND role_name = 'Administrators'`,
      );
      assert.equal(roles.length, 1);
      await h.get(DemoSeeder).seed();
      const parent = await getDb().fetchOne(
        `SELECT parent_id FROM ${getDb().getTableName('authorization_role')} WHERE role_type = 'U' AND role_name = 'admin'`,
      );
      assert.equal(Number(parent), Number(roles[0]?.role_id));
    });
  },
  { tablePrefix: 'idseed_' },
);
