import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/index.ts';
import { mysqlTestUrl, MYSQL_SKIP_REASON } from '../../support/databases.ts';
import { call, token } from './emulatorHttp.ts';

const INVALID_SECRET = { message: 'Invalid or expired secret.' };

for (const platform of ['sqlite', 'mysql'] as const) {
  const url = mysqlTestUrl();
  describe(`startEmulator [${platform}]`, { skip: platform === 'mysql' && url === undefined ? MYSQL_SKIP_REASON : false }, () => {
    let emu: Emulator;
    before(async () => {
      // MySQL: tables of their own (prefix), so reset() touches nothing of the other tests.
      emu = await startEmulator(platform === 'mysql' ? { database: url, tablePrefix: 'emu_' } : {});
      await emu.reset();
    });
    after(() => emu.close());

    it('drives fixtures, the clock, the journal and reset through the API a test uses', async () => {
      assert.ok(emu.demo);
      const demoAdmin = await token(emu, 'admin', emu.demo.admin.username, emu.demo.admin.password);
      const created = await emu.fixtures({
        admins: [{ username: 'helpdesk', password: 'Helpdesk123', resources: ['Magento_LoginAsCustomer::login', 'Magento_LoginAsCustomer::token'] }],
        customers: [{ email: 'fixture@example.com', firstname: 'Fix', lastname: 'Ture', assistance_allowed: true }],
        config: { 'login_as_customer/general/authentication_data_expiration_time': 30 },
      });
      assert.equal(created.admins.length, 1);
      const [customer] = created.customers;
      assert.ok(customer && customer.id > 1);
      const helpdesk = await token(emu, 'admin', 'helpdesk', 'Helpdesk123');
      // The restricted role: Login as Customer yes, store administration no.
      assert.equal((await call(emu, 'GET', '/rest/V1/store/websites', { token: helpdesk })).status, 401);
      assert.equal((await call(emu, 'GET', '/rest/V1/store/websites', { token: demoAdmin })).status, 200);

      const generated = await call(emu, 'POST', '/rest/V1/login-as-customer/secret', { token: helpdesk, body: { customerId: customer.id } });
      assert.equal(generated.status, 200, JSON.stringify(generated.body));
      const secret = (generated.body as { secret: string }).secret;
      emu.clock.advance(31);
      assert.deepEqual((await call(emu, 'POST', '/rest/V1/login-as-customer/token', { token: helpdesk, body: { secret } })).body, INVALID_SECRET);

      const journal = emu.requests();
      const exchange = journal.find((e) => e.route === '/V1/login-as-customer/token');
      assert.deepEqual(
        { ...exchange, time: undefined },
        { method: 'POST', route: '/V1/login-as-customer/token', status: 401, storeCode: 'default', callerType: 'admin', callerId: created.admins[0]?.id, time: undefined },
      );
      const serialized = JSON.stringify(journal);
      for (const sensitive of [secret, helpdesk, demoAdmin, 'Helpdesk123']) assert.equal(serialized.includes(sensitive), false);
      emu.clearRequests();
      assert.deepEqual(emu.requests(), []);

      await emu.reset();
      assert.ok(Math.abs(emu.clock.now().getTime() - Date.now()) < 5000, 'the clock is real again');
      const afterReset = await token(emu, 'admin', emu.demo.admin.username, emu.demo.admin.password);
      assert.equal((await call(emu, 'GET', `/rest/V1/customers/${customer.id}`, { token: afterReset })).status, 404);
      assert.equal((await call(emu, 'GET', '/rest/V1/customers/1', { token: afterReset })).status, 200, 'the demo customer is back');
      assert.equal((await call(emu, 'POST', '/rest/V1/integration/admin/token', { body: { username: 'helpdesk', password: 'Helpdesk123' } })).status, 401);
      // Ids restart where the seeded state left them.
      const again = await emu.fixtures({ customers: [{ email: 'fixture@example.com' }] });
      assert.equal(again.customers[0]?.id, customer.id);
    });

    it('offers the same controls over HTTP, with Magento-shaped errors', async () => {
      await emu.reset();
      const fixtures = await call(emu, 'POST', '/__emulator/fixtures', { body: { customers: [{ email: 'http@example.com', assistance_allowed: 2 }] } });
      assert.equal(fixtures.status, 200, JSON.stringify(fixtures.body));
      const moved = await call(emu, 'POST', '/__emulator/clock', { body: { now: '2035-06-01T12:00:00Z' } });
      assert.equal(moved.status, 200);
      assert.ok((moved.body as { now: string }).now.startsWith('2035-06-01T12:00'));
      assert.equal((await call(emu, 'POST', '/__emulator/clock', { body: { advance: 60 } })).status, 200);
      assert.ok(emu.clock.now().toISOString().startsWith('2035-06-01T12:01'));
      assert.equal((await call(emu, 'POST', '/__emulator/clock', { body: { real: true } })).status, 200);
      for (const bad of [{}, { advance: 'x' }, { now: 'yesterday' }, { advance: 1, real: true }, []]) {
        const reply = await call(emu, 'POST', '/__emulator/clock', { body: bad });
        assert.equal(reply.status, 400, JSON.stringify(bad));
        assert.equal(typeof (reply.body as { message: unknown }).message, 'string');
      }
      const badFixture = await call(emu, 'POST', '/__emulator/fixtures', { body: { planets: [] } });
      assert.equal(badFixture.status, 400);
      assert.deepEqual(badFixture.body, { message: 'Fixtures of type "%1" are not supported (use %2).', parameters: ['planets', 'roles, admins, integrations, customers, config'] });
      const duplicate = await call(emu, 'POST', '/__emulator/fixtures', { body: { customers: [{ email: 'http@example.com' }] } });
      assert.equal(duplicate.status, 400, JSON.stringify(duplicate.body));
      await call(emu, 'GET', '/rest/V1/customers/me');
      const requests = await call(emu, 'GET', '/__emulator/requests');
      assert.deepEqual(
        (requests.body as Array<{ route: string; callerType: string; status: number }>).map((e) => [e.route, e.callerType, e.status]),
        [['/V1/customers/me', 'guest', 401]],
        'the controls themselves are not journalled',
      );
      assert.deepEqual((await call(emu, 'DELETE', '/__emulator/requests')).body, { cleared: true });
      assert.deepEqual((await call(emu, 'GET', '/__emulator/requests')).body, []);
      assert.equal((await call(emu, 'POST', '/__emulator/reset')).status, 200);
      const demoAdmin = await token(emu, 'admin', 'admin', 'Admin123!');
      const search = await call(emu, 'GET', '/rest/V1/customers/search?searchCriteria[pageSize]=50', { token: demoAdmin });
      assert.deepEqual((search.body as { items: Array<{ email: string }> }).items.map((c) => c.email), ['roni_cost@example.com']);
    });
  });
}

describe('startEmulator in production mode', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ mode: 'production' });
  });
  after(() => emu.close());

  it('serves no /__emulator controls: Magento\'s answer for an unknown path', async () => {
    for (const [method, path] of [['POST', '/__emulator/reset'], ['GET', '/__emulator/requests'], ['POST', '/__emulator/clock']] as const) {
      const reply = await call(emu, method, path, method === 'POST' ? { body: { real: true } } : {});
      assert.equal(reply.status, 404);
      assert.deepEqual(reply.body, { message: 'Request does not match any route.' });
    }
  });
});
