import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/index.ts';
import { mysqlTestUrl, MYSQL_SKIP_REASON } from '../../support/databases.ts';
import { call } from './emulatorHttp.ts';

const ADDRESS = {
  firstname: 'Veronica',
  lastname: 'Costello',
  street: ['6146 Honey Bluff Parkway'],
  city: 'Calder',
  country_id: 'US',
  postcode: '49628-7978',
  telephone: '(555) 229-3326',
  region: { region_code: 'MI' },
  default_billing: true,
  default_shipping: true,
};

for (const platform of ['sqlite', 'mysql'] as const) {
  const url = mysqlTestUrl();
  describe(`emulator customer fixtures with addresses [${platform}]`, { skip: platform === 'mysql' && url === undefined ? MYSQL_SKIP_REASON : false }, () => {
    let emu: Emulator;
    before(async () => {
      emu = await startEmulator(platform === 'mysql' ? { database: url, tablePrefix: 'emuaddr_' } : {});
      await emu.reset();
    });
    after(() => emu.close());

    it('a customer fixture carries addresses, read back by the API; reset removes them and keeps the directory', async () => {
      const created = await emu.fixtures({ customers: [{ email: 'addr@example.com', addresses: [ADDRESS] }] });
      const customer = created.customers[0] as { id: number; email: string; password: string };
      const token = (await call(emu, 'POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: customer.password } })).body as string;
      const me = (await call(emu, 'GET', '/rest/V1/customers/me', { token })).body as { default_billing: string; addresses: Array<Record<string, unknown>> };
      assert.equal(me.addresses.length, 1);
      assert.deepEqual(me.addresses[0]?.region, { region_code: 'MI', region: 'Michigan', region_id: me.addresses[0]?.region_id });
      assert.equal(me.default_billing, String(me.addresses[0]?.id));
      const billing = await call(emu, 'GET', '/rest/V1/customers/me/billingAddress', { token });
      assert.equal((billing.body as { city: string }).city, 'Calder');

      await emu.reset();
      assert.equal((await call(emu, 'GET', '/rest/V1/directory/countries/US')).status, 200);
      const again = await emu.fixtures({ customers: [{ email: 'addr@example.com', addresses: [ADDRESS] }] });
      assert.equal(again.customers[0]?.id, customer.id, 'ids come out as they did after the snapshot');
    });

    it('refuses addresses that are not a list, or whose country is unknown, and Magento\'s validation applies', async () => {
      await emu.reset();
      const notList = await call(emu, 'POST', '/__emulator/fixtures', { body: { customers: [{ email: 'x@example.com', addresses: { a: 1 } }] } });
      assert.deepEqual([notList.status, notList.body], [
        400,
        { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { value: '{"a":1}', fieldName: 'addresses' } },
      ]);
      const badCountry = await call(emu, 'POST', '/__emulator/fixtures', { body: { customers: [{ email: 'x@example.com', addresses: [{ ...ADDRESS, country_id: 'XX' }] }] } });
      assert.deepEqual(badCountry.body, {
        message: 'Invalid value of "%value" provided for the %fieldName field.',
        parameters: { value: '"XX"', fieldName: 'addresses.country_id' },
      });
      const noCity = await call(emu, 'POST', '/__emulator/fixtures', { body: { customers: [{ email: 'x@example.com', addresses: [{ ...ADDRESS, city: '' }] }] } });
      assert.deepEqual([noCity.status, noCity.body], [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'city' } }]);
    });
  });
}
