import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import type { ConfigWriterInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer } from '../../integration/Identity/factories.ts';
import { T0 } from '../../integration/Identity/harness.ts';

interface Region {
  region_code: string | null;
  region: string | null;
  region_id: number;
}
interface Address {
  id: number;
  customer_id: number;
  region: Region;
  region_id: number;
  country_id: string;
  street: string[];
  telephone: string;
  postcode?: string;
  city: string;
  firstname: string;
  lastname: string;
  default_billing: boolean;
  default_shipping: boolean;
}
interface Customer {
  id: number;
  email: string;
  default_billing?: string;
  default_shipping?: string;
  addresses: Address[];
}

/** Two addresses as Magento's CustomerRepositoryTest / AccountManagementTest send them (region objects, default flags). */
function magentoAddresses(alabamaId: number, californiaId: number): Array<Record<string, unknown>> {
  return [
    {
      firstname: 'John',
      lastname: 'Smith',
      street: ['Green str, 67'],
      city: 'CityM',
      country_id: 'US',
      company: 'CompanyName',
      postcode: '75477',
      telephone: '3468676',
      region: { region_code: 'AL', region: 'Alabama', region_id: alabamaId },
      default_billing: true,
      default_shipping: true,
      custom_attributes: [],
    },
    {
      firstname: 'John',
      lastname: 'Smith',
      street: ['Black str, 48', 'Apt 2'],
      city: 'CityX',
      country_id: 'US',
      postcode: '47676',
      telephone: '3234676',
      region: { region_code: 'CA', region: 'California', region_id: californiaId },
      default_billing: false,
      default_shipping: false,
    },
  ];
}

forEachDatabase('Customer address routes over HTTP', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  let alabama: number;
  let california: number;
  const clock = new FixedClock(T0);
  before(async () => {
    app = await createTestApplication(getDb(), { clock });
    const a = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } })).body);
    const us = (await app.request('GET', '/rest/V1/directory/countries/US')).body as { available_regions: Array<{ id: string; code: string }> };
    alabama = Number(us.available_regions.find((r) => r.code === 'AL')?.id);
    california = Number(us.available_regions.find((r) => r.code === 'CA')?.id);
  });
  after(() => app.close());

  async function createWithAddresses(): Promise<{ customer: Customer; email: string; password: string }> {
    const email = `addr_${uniqueSuffix()}@example.com`;
    const password = 'Roni_cost3@example.com';
    const reply = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email, firstname: 'John', lastname: 'Smith', addresses: magentoAddresses(alabama, california) }, password },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return { customer: reply.body as Customer, email, password };
  }

  it('POST /V1/customers stores addresses with region objects and returns them with Magento\'s defaults', async () => {
    const { customer } = await createWithAddresses();
    assert.equal(customer.addresses.length, 2);
    const [first, second] = customer.addresses as [Address, Address];
    assert.equal(customer.default_billing, String(first.id));
    assert.equal(customer.default_shipping, String(first.id));
    assert.deepEqual(first.region, { region_code: 'AL', region: 'Alabama', region_id: alabama });
    assert.equal(first.region_id, alabama);
    assert.equal(first.customer_id, customer.id);
    assert.equal(first.default_billing, true);
    assert.equal(second.default_shipping, false);
    assert.deepEqual(second.street, ['Black str, 48', 'Apt 2']);
    // Key order is Magento's getter order.
    assert.deepEqual(Object.keys(first).slice(0, 6), ['id', 'customer_id', 'region', 'region_id', 'country_id', 'street']);

    const read = await app.request('GET', `/rest/V1/customers/${customer.id}`, { token: adminToken });
    assert.deepEqual((read.body as Customer).addresses, customer.addresses);
    const single = await app.request('GET', `/rest/V1/customers/addresses/${first.id}`, { token: adminToken });
    assert.equal(single.status, 200);
    assert.deepEqual(single.body, first);
  });

  it('Magento\'s sample customer (CustomerHelper: region_id 1 = Alabama, custom_attributes) is created and found by search', async () => {
    assert.equal(alabama, 1, 'US regions come first, by name, as in Magento');
    const email = `sample_${uniqueSuffix()}@example.com`;
    const alabamaRegion = { region_code: 'AL', region: 'Alabama', region_id: 1 };
    const reply = await app.request('POST', '/rest/V1/customers', {
      token: adminToken,
      body: {
        customer: {
          email,
          firstname: 'John',
          lastname: 'Smith',
          dob: '1970-01-01',
          gender: 1,
          group_id: 1,
          addresses: [
            { country_id: 'US', default_billing: true, default_shipping: true, postcode: '75477', region: alabamaRegion, street: ['Green str, 67'], telephone: '3468676', city: 'CityM', firstname: 'John', lastname: 'Smith', company: 'CompanyName', custom_attributes: [{ attribute_code: 'not_an_attribute', value: 'x' }] },
            { country_id: 'US', default_billing: false, default_shipping: false, postcode: '47676', region: alabamaRegion, street: ['Black str, 48'], city: 'CityX', telephone: '3234676', firstname: 'John', lastname: 'Smith' },
          ],
        },
        password: 'Roni_cost3@example.com',
      },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const created = reply.body as Customer;
    assert.deepEqual(created.addresses.map((a) => [a.region_id, a.default_billing, a.default_shipping]), [[1, true, true], [1, false, false]]);
    // Custom attributes with no attribute behind them are dropped, as Magento's data object does.
    assert.equal('custom_attributes' in (created.addresses[0] as object), false);
    const search = await app.request(
      'GET',
      `/rest/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${encodeURIComponent(email)}`,
      { token: adminToken },
    );
    assert.deepEqual((search.body as { items: Customer[] }).items[0]?.addresses, created.addresses);
  });

  it('CustomerRepositoryTest::testCreateCustomerWithoutAddressRequiresException: addresses without firstname, no customer created', async () => {
    const email = `noname_${uniqueSuffix()}@example.com`;
    const addresses = magentoAddresses(alabama, california).map((a) => ({ ...a, firstname: null }));
    const reply = await app.request('POST', '/rest/V1/customers', {
      body: { customer: { email, firstname: 'John', lastname: 'Smith', website_id: 1, addresses }, password: 'Roni_cost3@example.com' },
    });
    assert.deepEqual([reply.status, reply.body], [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'firstname' } }]);
    const found = await app.request('GET', `/rest/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${encodeURIComponent(email)}`, { token: adminToken });
    assert.equal((found.body as { total_count: number }).total_count, 0);
  });

  it('region by code alone is resolved; a free-text region is kept for a country without regions', async () => {
    const email = `code_${uniqueSuffix()}@example.com`;
    const reply = await app.request('POST', '/rest/V1/customers', {
      body: {
        customer: {
          email,
          firstname: 'A',
          lastname: 'B',
          addresses: [
            { firstname: 'A', lastname: 'B', street: ['1 Main'], city: 'X', country_id: 'US', postcode: '1', telephone: '1', region: { region_code: 'al' } },
            { firstname: 'A', lastname: 'B', street: ['Baker St'], city: 'London', country_id: 'GB', telephone: '1', region: { region: 'Greater London' } },
          ],
        },
        password: 'Roni_cost3@example.com',
      },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const [us, gb] = (reply.body as Customer).addresses as [Address, Address];
    assert.deepEqual(us.region, { region_code: 'AL', region: 'Alabama', region_id: alabama });
    assert.deepEqual(gb.region, { region_code: 'Greater London', region: 'Greater London', region_id: 0 });
    assert.equal('postcode' in gb, false);
  });

  it('address validation: Magento\'s messages, all errors of an address in one 400', async () => {
    const me = await createCustomer(getDb());
    const token = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: me.email, password: 'Customer#2024' } })).body,
    );
    const save = (address: Record<string, unknown>) =>
      app.request('PUT', '/rest/V1/customers/me', { token, body: { customer: { email: me.email, firstname: 'A', lastname: 'B', addresses: [address] } } });

    const empty = await save({ country_id: 'US', region_id: alabama });
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body, {
      message: 'One or more input exceptions have occurred.',
      errors: ['firstname', 'lastname', 'street', 'city', 'telephone', 'postcode'].map((fieldName) => ({
        message: '"%fieldName" is required. Enter and try again.',
        parameters: { fieldName },
      })),
    });

    const base = { firstname: 'A', lastname: 'B', street: ['1 Main'], city: 'X', postcode: '1', telephone: '1' };
    const badCountry = await save({ ...base, country_id: 'QQ' });
    assert.deepEqual([badCountry.status, badCountry.body], [
      400,
      { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { fieldName: 'countryId', value: 'QQ' } },
    ]);
    const noCountry = await save({ ...base });
    assert.deepEqual(noCountry.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'countryId' } });
    const noRegion = await save({ ...base, country_id: 'US' });
    assert.deepEqual(noRegion.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'regionId' } });
    const foreignRegion = await save({ ...base, country_id: 'CA', region_id: alabama });
    assert.deepEqual(foreignRegion.body, {
      message: 'Invalid value of "%value" provided for the %fieldName field.',
      parameters: { fieldName: 'regionId', value: alabama },
    });
    const gbNoPostcode = await save({ ...base, postcode: undefined, country_id: 'GB' });
    assert.equal(gbNoPostcode.status, 200);
    const tooLong = await save({ ...base, country_id: 'GB', prefix: 'x'.repeat(41) });
    assert.deepEqual(tooLong.body, { message: '"%1" length must be equal or less than %2 characters.', parameters: ['Name Prefix', 40] });

    // customer/address/*_show decides which of telephone, company and fax are required (a global setting: only on
    // the block's own embedded database).
    if (getDb().platform !== 'sqlite') return;
    const writer = app.application.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    await writer.save('customer/address/telephone_show', 'opt');
    await writer.save('customer/address/company_show', 'req');
    try {
      const noPhone = await save({ ...base, telephone: '', country_id: 'GB' });
      assert.deepEqual([noPhone.status, noPhone.body], [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'company' } }]);
      const withCompany = await save({ ...base, telephone: '', company: 'Acme', country_id: 'GB' });
      assert.equal(withCompany.status, 200, JSON.stringify(withCompany.body));
    } finally {
      await writer.delete('customer/address/telephone_show');
      await writer.delete('customer/address/company_show');
    }
  });

  it('PUT /V1/customers/me replaces addresses; omitted addresses keep them; defaults follow the flags', async () => {
    const { customer, email, password } = await createWithAddresses();
    const token = String((await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: email, password } })).body);
    const [first, second] = customer.addresses as [Address, Address];

    const untouched = await app.request('PUT', '/rest/V1/customers/me', { token, body: { customer: { email, firstname: 'John', lastname: 'Smith' } } });
    assert.equal((untouched.body as Customer).addresses.length, 2);
    assert.equal((untouched.body as Customer).default_billing, String(first.id));

    const swapped = await app.request('PUT', '/rest/V1/customers/me', {
      token,
      body: {
        customer: {
          email,
          firstname: 'John',
          lastname: 'Smith',
          addresses: [{ ...second, city: 'Moved', default_billing: true, default_shipping: false }],
        },
      },
    });
    assert.equal(swapped.status, 200, JSON.stringify(swapped.body));
    const after = swapped.body as Customer;
    assert.deepEqual(after.addresses.map((a) => a.id), [second.id]);
    assert.equal(after.addresses[0]?.city, 'Moved');
    assert.equal(after.default_billing, String(second.id));
    assert.equal(after.default_shipping, undefined);

    const billing = await app.request('GET', '/rest/V1/customers/me/billingAddress', { token });
    assert.equal((billing.body as Address).id, second.id);
    const shipping = await app.request('GET', '/rest/V1/customers/me/shippingAddress', { token });
    assert.deepEqual([shipping.status, shipping.body], [200, []]);
    const adminBilling = await app.request('GET', `/rest/V1/customers/${customer.id}/billingAddress`, { token: adminToken });
    assert.equal((adminBilling.body as Address).id, second.id);
    const gone = await app.request('GET', `/rest/V1/customers/addresses/${first.id}`, { token: adminToken });
    assert.deepEqual([gone.status, gone.body], [
      404,
      { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'addressId', fieldValue: first.id } },
    ]);

    const wrongDefault = await app.request('PUT', '/rest/V1/customers/me', {
      token,
      body: { customer: { email, firstname: 'John', lastname: 'Smith', default_billing: String(first.id), addresses: [second] } },
    });
    assert.deepEqual([wrongDefault.status, wrongDefault.body], [
      400,
      { message: 'The %fieldName value is invalid. Set the correct value and try again.', parameters: { fieldName: 'default_billing' } },
    ]);

    const stealing = await createWithAddresses();
    const steal = await app.request('PUT', '/rest/V1/customers/me', {
      token,
      body: { customer: { email, firstname: 'John', lastname: 'Smith', addresses: [stealing.customer.addresses[0]] } },
    });
    assert.equal(steal.status, 404);
  });

  it('DELETE /V1/addresses/:addressId removes the address and clears the default; ACL and unknown ids', async () => {
    const { customer } = await createWithAddresses();
    const first = customer.addresses[0] as Address;
    const anonymous = await app.request('DELETE', `/rest/V1/addresses/${first.id}`);
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::manage' } });
    const deleted = await app.request('DELETE', `/rest/V1/addresses/${first.id}`, { token: adminToken });
    assert.deepEqual([deleted.status, deleted.body], [200, true]);
    const read = (await app.request('GET', `/rest/V1/customers/${customer.id}`, { token: adminToken })).body as Customer;
    assert.equal(read.addresses.length, 1);
    assert.equal(read.default_billing, undefined);
    const again = await app.request('DELETE', `/rest/V1/addresses/${first.id}`, { token: adminToken });
    assert.equal(again.status, 404);
    const noCustomer = await app.request('GET', '/rest/V1/customers/999999999/billingAddress', { token: adminToken });
    assert.deepEqual(noCustomer.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: 999999999 } });
  });

  it('an unknown group_id is refused with Magento\'s message', async () => {
    const email = `grp_${uniqueSuffix()}@example.com`;
    const created = await createCustomer(getDb(), { email });
    const reply = await app.request('PUT', `/rest/V1/customers/me`, {
      token: String((await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: email, password: 'Customer#2024' } })).body),
      body: { customer: { id: created.customerId, email, firstname: 'A', lastname: 'B', group_id: 4242 } },
    });
    assert.deepEqual([reply.status, reply.body], [400, { message: 'The specified customer group id does not exist.' }]);
  });

  it('any generated address either saves and reads back the same, or is refused with a 400 (never a 5xx)', async () => {
    const me = await createCustomer(getDb());
    const token = String(
      (await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: me.email, password: 'Customer#2024' } })).body,
    );
    const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 300 }), fc.constantFrom('Main', 'Ünïcödé'));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstname: text,
            lastname: text,
            city: text,
            telephone: text,
            postcode: text,
            street: fc.array(text, { maxLength: 3 }),
            country_id: fc.constantFrom('US', 'GB', 'DE', 'QQ', ''),
            region_id: fc.oneof(fc.constant(alabama), fc.constant(california), fc.integer({ min: 1, max: 100000 })),
          },
          { requiredKeys: [] },
        ),
        async (address) => {
          const reply = await app.request('PUT', '/rest/V1/customers/me', {
            token,
            body: { customer: { email: me.email, firstname: 'A', lastname: 'B', addresses: [address] } },
          });
          assert.ok(reply.status === 200 || reply.status === 400, `${reply.status} ${JSON.stringify(reply.body)}`);
          if (reply.status === 200) {
            const saved = (reply.body as Customer).addresses[0] as Address;
            assert.equal(saved.city, address.city);
            assert.equal(saved.country_id, address.country_id);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
