import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/index.ts';
import { mysqlTestUrl, MYSQL_SKIP_REASON } from '../../support/databases.ts';
import { call, token } from './emulatorHttp.ts';

/** A code pool like Magento's app/code: Acme/Stock (a JavaScript service) and Acme/Loyalty (declared responses). */
const CODE_POOL = fileURLToPath(new URL('../../fixtures/Modules', import.meta.url));

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

for (const platform of ['sqlite', 'mysql'] as const) {
  const url = mysqlTestUrl();
  describe(`mounted modules [${platform}]`, { skip: platform === 'mysql' && url === undefined ? MYSQL_SKIP_REASON : false }, () => {
    let emu: Emulator;
    let admin: string;
    let reader: string;
    let outsider: string;
    let customer: { id: number; token: string };

    before(async () => {
      emu = await startEmulator({ modules: [CODE_POOL], ...(platform === 'mysql' ? { database: url, tablePrefix: 'emm_' } : {}) });
      await emu.reset();
      const created = await emu.fixtures({
        admins: [
          { username: 'stockreader', password: 'Reader12345', resources: ['Acme_Stock::stock_read'] },
          { username: 'outsider', password: 'Outsider123', resources: ['Magento_LoginAsCustomer::login'] },
        ],
        customers: [{ email: 'loyal@example.com', password: 'Password123!' }],
      });
      admin = await token(emu, 'admin', emu.demo!.admin.username, emu.demo!.admin.password);
      reader = await token(emu, 'admin', 'stockreader', 'Reader12345');
      outsider = await token(emu, 'admin', 'outsider', 'Outsider123');
      customer = { id: created.customers[0]!.id, token: await token(emu, 'customer', 'loyal@example.com', 'Password123!') };
    });
    after(() => emu.close());

    it('serves a JavaScript service over its own table, with its config.xml defaults and Magento errors', async () => {
      const sku = `SKU-${platform}`;
      assert.deepEqual(await call(emu, 'GET', `/rest/V1/acme/stock/${sku}`, { token: admin }), {
        status: 404,
        body: { message: 'The stock item "%1" does not exist.', parameters: [sku] },
      });
      const saved = await call(emu, 'PUT', `/rest/V1/acme/stock/${sku}`, { token: admin, body: { stockItem: { qty: 7 } } });
      assert.deepEqual(saved, { status: 200, body: { sku, qty: 7, updated_by: 1 } });
      assert.deepEqual((await call(emu, 'GET', `/rest/V1/acme/stock/${sku}`, { token: reader })).body, { sku, qty: 7, updated_by: 1 });
      // etc/config.xml: acme_stock/general/max_qty = 1000; a fixture changes it like any config path.
      const tooMany = await call(emu, 'PUT', `/rest/V1/acme/stock/${sku}`, { token: admin, body: { stockItem: { qty: 1001 } } });
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.body, {
        message: 'Invalid value of "%value" provided for the %fieldName field.',
        parameters: { value: 1001, fieldName: 'qty' },
      });
      await emu.fixtures({ config: { 'acme_stock/general/max_qty': 2000 } });
      assert.equal((await call(emu, 'PUT', `/rest/V1/acme/stock/${sku}`, { token: admin, body: { stockItem: { qty: 1001 } } })).status, 200);
      // The contract's types apply: a string where an int is declared is Magento's type error.
      const badType = await call(emu, 'PUT', `/rest/V1/acme/stock/${sku}`, { token: admin, body: { stockItem: { qty: 'many' } } });
      assert.equal(badType.status, 400);
    });

    it('enforces the module ACL and `self` on its routes', async () => {
      const refused = await call(emu, 'PUT', '/rest/V1/acme/stock/X1', { token: reader, body: { stockItem: { qty: 1 } } });
      assert.deepEqual(refused, { status: 401, body: { message: NOT_AUTHORIZED, parameters: { resources: 'Acme_Stock::stock_write' } } });
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/stock/X1', { token: outsider })).status, 401);
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/stock/X1')).status, 401);
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/stock/X1', { token: customer.token })).status, 401);
      assert.deepEqual(await call(emu, 'GET', '/rest/V1/acme/stock/mine', { token: customer.token }), {
        status: 200,
        body: { customer_id: customer.id, reserved: [] },
      });
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/stock/mine')).status, 401);
    });

    it('answers a PHP extension from its declared responses, after authentication and ACL', async () => {
      assert.deepEqual(await call(emu, 'GET', '/rest/V1/acme/loyalty/points/31', { token: admin }), {
        status: 200,
        body: { customer_id: '31', balance: 120, currency: 'points' },
      });
      assert.deepEqual(await call(emu, 'POST', '/rest/V1/acme/loyalty/points/31/redeem', { token: admin, body: {} }), {
        status: 400,
        body: { message: 'Customer %1 has not enough points to redeem.', parameters: ['31'] },
      });
      assert.deepEqual(await call(emu, 'GET', '/rest/V1/acme/loyalty/points/31', { token: reader }), {
        status: 401,
        body: { message: NOT_AUTHORIZED, parameters: { resources: 'Acme_Loyalty::points' } },
      });
      assert.deepEqual((await call(emu, 'GET', '/rest/V1/acme/loyalty/mine', { token: customer.token })).body, {
        customer_id: String(customer.id),
        balance: 42,
      });
      // Its acl.xml joined the tree: a role can be given the module's resource.
      await emu.fixtures({ admins: [{ username: 'loyaltydesk', password: 'Loyalty1234', resources: ['Acme_Loyalty::points'] }] });
      const desk = await token(emu, 'admin', 'loyaltydesk', 'Loyalty1234');
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/loyalty/points/5', { token: desk })).status, 200);
    });

    it('lists the module routes in the schema for a caller allowed them, and only then', async () => {
      const full = JSON.stringify((await call(emu, 'GET', '/rest/default/schema', { token: admin })).body);
      for (const path of ['/V1/acme/stock/{sku}', '/V1/acme/loyalty/points/{customerId}', '/V1/acme/loyalty/mine']) {
        assert.ok(full.includes(path), `${path} in the schema`);
      }
      const restricted = JSON.stringify((await call(emu, 'GET', '/rest/default/schema', { token: reader })).body);
      assert.ok(restricted.includes('/V1/acme/stock/{sku}'));
      assert.ok(!restricted.includes('/V1/acme/loyalty/points/{customerId}'));
    });

    it('reset() empties the module tables too', async () => {
      await call(emu, 'PUT', '/rest/V1/acme/stock/RESET-ME', { token: admin, body: { stockItem: { qty: 3 } } });
      await emu.reset();
      const again = await token(emu, 'admin', emu.demo!.admin.username, emu.demo!.admin.password);
      assert.equal((await call(emu, 'GET', '/rest/V1/acme/stock/RESET-ME', { token: again })).status, 404);
      admin = again;
    });
  });
}

describe('mounted modules: boot errors name the file and the route', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lac-modules-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const module = (name: string, files: Record<string, string>): string => {
    const moduleDir = join(dir, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(moduleDir, file, '..'), { recursive: true });
      writeFileSync(join(moduleDir, file), text);
    }
    return moduleDir;
  };
  const webapi = (url: string, method: string) =>
    `<routes><route url="${url}" method="${method}"><service class="Acme\\Ghost\\Api\\GhostInterface" method="get"/>` +
    '<resources><resource ref="anonymous"/></resources></route></routes>';

  it('a route with neither a JavaScript service nor a declared response', async () => {
    const moduleDir = module('Ghost', { 'etc/webapi.xml': webapi('/V1/ghost/:id', 'GET') });
    await assert.rejects(startEmulator({ modules: [moduleDir] }), (error: Error) => {
      assert.ok(error.message.includes(join(moduleDir, 'etc', 'webapi.xml')), error.message);
      assert.ok(error.message.includes('route "/V1/ghost/:id" GET'), error.message);
      assert.ok(error.message.includes('emulator-responses.json'), error.message);
      return true;
    });
  });

  it('a declared-responses file with a bad entry', async () => {
    const moduleDir = module('BadJson', {
      'etc/webapi.xml': webapi('/V1/bad/:id', 'GET'),
      'emulator-responses.json': JSON.stringify({ 'GET /V1/bad/:id': { status: 302, body: {} } }),
    });
    await assert.rejects(startEmulator({ modules: [moduleDir] }), /emulator-responses\.json: "GET \/V1\/bad\/:id": "status" must be 200/);
  });

  it('a route naming an ACL resource no acl.xml declares', async () => {
    const moduleDir = module('NoAcl', {
      'etc/webapi.xml': webapi('/V1/noacl', 'GET').replace('anonymous', 'Acme_Ghost::nothing'),
      'emulator-responses.json': JSON.stringify({ 'GET /V1/noacl': { body: 1 } }),
    });
    await assert.rejects(startEmulator({ modules: [moduleDir] }), /route "\/V1\/noacl" GET: unknown ACL resource "Acme_Ghost::nothing"/);
  });

  it('a route that takes one of ours', async () => {
    const moduleDir = module('Thief', {
      'etc/webapi.xml': webapi('/V1/customers/me', 'GET'),
      'emulator-responses.json': JSON.stringify({ 'GET /V1/customers/me': { body: {} } }),
    });
    await assert.rejects(startEmulator({ modules: [moduleDir] }), /route "\/V1\/customers\/me" GET: duplicate url\+method/);
  });

  it('a folder holding no module', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await assert.rejects(startEmulator({ modules: [empty] }), /holds no module/);
  });
});
