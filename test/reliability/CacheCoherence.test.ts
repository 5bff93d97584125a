import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { after, before, it } from 'node:test';
import { runCli } from '../../src/cli/magento.ts';
import type { ConfigWriterInterface } from '../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import { RoleManagement } from '../../src/Model/Authorization/RoleManagement.ts';
import { createAdmin, createCustomer } from '../integration/Identity/factories.ts';
import { createTestApplication, TEST_CRYPT_KEY, type TestApplication } from '../support/app.ts';
import { forEachDatabase, mysqlTestUrl, uniqueSuffix } from '../support/databases.ts';

const PREFIX = 'coh_';
const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

/**
 * Issue 11/13: the config, ACL and store caches are kept per instance, yet a change made on one instance (or by the
 * CLI, another process on the same database) is honoured by every other instance on its very next request — no
 * waiting period, no clock to move.
 */
forEachDatabase(
  'caches stay coherent across instances: the next request sees a change made elsewhere',
  (getDb, { platform, openConnection }) => {
    let a: TestApplication;
    let b: TestApplication;
    before(async () => {
      a = await createTestApplication(getDb());
      b = await createTestApplication(openConnection());
    });
    after(async () => {
      await a.close();
      await b.close();
    });

    const adminToken = async (app: TestApplication, username: string): Promise<string> => {
      const reply = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username, password: 'Admin123!' } });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body as string;
    };

    it('a role that gains and loses a resource on instance A applies on instance B at once', async () => {
      const roles = a.application.container.get(RoleManagement);
      const role = await roles.createRole(`coh_${uniqueSuffix()}`, ['Magento_Backend::stores']);
      const admin = await createAdmin(getDb(), { roleId: role.role_id });
      const customer = await createCustomer(getDb());
      const token = await adminToken(b, admin.username);
      const read = () => b.request('GET', `/rest/V1/customers/${customer.customerId}`, { token });
      assert.deepEqual((await read()).body, { message: NOT_AUTHORIZED, parameters: { resources: 'Magento_Customer::customer' } });
      await roles.setRule(role.role_id, 'Magento_Customer::customer', 'allow');
      assert.equal((await read()).status, 200);
      await roles.setRule(role.role_id, 'Magento_Customer::customer', 'deny');
      assert.equal((await read()).status, 401);
    });

    it('over any sequence of grants and withdrawals on either instance, the other instance\'s next request follows the last one', async () => {
      const roles = [a, b].map((app) => app.application.container.get(RoleManagement));
      const role = await roles[0]!.createRole(`coh_${uniqueSuffix()}`, ['Magento_Backend::stores']);
      const admin = await createAdmin(getDb(), { roleId: role.role_id });
      const customer = await createCustomer(getDb());
      const tokens = [await adminToken(a, admin.username), await adminToken(b, admin.username)];
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ writer: fc.integer({ min: 0, max: 1 }), allow: fc.boolean(), reads: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 6 }), async (steps) => {
          for (const { writer, allow, reads } of steps) {
            await roles[writer]!.setRule(role.role_id, 'Magento_Customer::customer', allow ? 'allow' : 'deny');
            // The other instance (and the writer) answer by the last write, even with several reads in flight at once.
            const readers = [1 - writer, writer, 1 - writer].slice(0, reads);
            const replies = await Promise.all(
              readers.map((i) => [a, b][i]!.request('GET', `/rest/V1/customers/${customer.customerId}`, { token: tokens[i]! })),
            );
            for (const reply of replies) assert.equal(reply.status, allow ? 200 : 401);
          }
        }),
        { numRuns: 15 },
      );
    });

    it('a config value saved on instance A applies on instance B at once', async () => {
      const writer = a.application.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
      const admin = await createAdmin(getDb());
      const customer = await createCustomer(getDb());
      const token = await adminToken(b, admin.username);
      const generate = () => b.request('POST', '/rest/V1/login-as-customer/secret', { token, body: { customerId: customer.customerId } });
      await writer.save('login_as_customer/general/enabled', '0');
      assert.deepEqual((await generate()).body, { message: 'Login as Customer is disabled.' });
      await writer.save('login_as_customer/general/enabled', '1');
      assert.notDeepEqual((await generate()).body, { message: 'Login as Customer is disabled.' });
      await writer.save('login_as_customer/general/enabled', '0');
      assert.deepEqual((await generate()).body, { message: 'Login as Customer is disabled.' });
    });

    it("an admin's tokens revoked on instance A are refused by instance B at once", async () => {
      const admin = await createAdmin(getDb());
      const victim = await createAdmin(getDb());
      const token = await adminToken(b, victim.username);
      assert.equal((await b.request('GET', '/rest/V1/store/websites', { token })).status, 200);
      const revoked = await a.request('DELETE', `/rest/V1/integration/admin/${victim.userId}/tokens`, { token: await adminToken(a, admin.username) });
      assert.equal(revoked.status, 200);
      assert.equal((await b.request('GET', '/rest/V1/store/websites', { token })).status, 401);
    });

    it('bin/magento config:set (another process on the database) applies on the running instances at once', { skip: platform !== 'mysql' && 'the CLI reaches the embedded database only under MAGENTO_VAR_DIR' }, async () => {
      const admin = await createAdmin(getDb());
      const customer = await createCustomer(getDb());
      const token = await adminToken(b, admin.username);
      const generate = () => b.request('POST', '/rest/V1/login-as-customer/secret', { token, body: { customerId: customer.customerId } });
      const cli = async (...argv: string[]) => {
        const out = new PassThrough();
        const err = new PassThrough();
        const env = { DATABASE_URL: mysqlTestUrl() as string, MAGENTO_TABLE_PREFIX: PREFIX, MAGENTO_CRYPT_KEY: TEST_CRYPT_KEY, LOG_LEVEL: 'silent' };
        assert.equal(await runCli(argv, { env, out, err }), 0);
      };
      await cli('config:set', 'login_as_customer/general/enabled', '0');
      assert.deepEqual((await generate()).body, { message: 'Login as Customer is disabled.' });
      await cli('config:set', 'login_as_customer/general/enabled', '1');
      assert.notDeepEqual((await generate()).body, { message: 'Login as Customer is disabled.' });
    });
  },
  { tablePrefix: PREFIX },
);
