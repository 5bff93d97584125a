import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createGroupRole } from '../../integration/Identity/factories.ts';

interface Metadata {
  attribute_code: string;
  [key: string]: unknown;
}

/** Magento's api-functional CustomerMetadataTest::getAttributeMetadataDataProvider, keys in getter order. */
const FIRSTNAME = {
  attribute_code: 'firstname',
  frontend_input: 'text',
  input_filter: 'trim',
  store_label: 'First Name',
  validation_rules: [
    { name: 'max_text_length', value: '255' },
    { name: 'min_text_length', value: '1' },
  ],
  multiline_count: 0,
  visible: true,
  required: true,
  data_model: '',
  options: [],
  frontend_class: 'required-entry',
  user_defined: false,
  sort_order: 40,
  frontend_label: 'First Name',
  note: '',
  system: true,
  backend_type: 'static',
  is_used_in_grid: false,
  is_visible_in_grid: false,
  is_filterable_in_grid: false,
  is_searchable_in_grid: false,
};

const GENDER = {
  attribute_code: 'gender',
  frontend_input: 'select',
  input_filter: '',
  store_label: 'Gender',
  validation_rules: [],
  multiline_count: 0,
  visible: false,
  required: false,
  data_model: '',
  options: [
    { label: ' ', value: '' },
    { label: 'Male', value: '1' },
    { label: 'Female', value: '2' },
    { label: 'Not Specified', value: '3' },
  ],
  frontend_class: '',
  user_defined: false,
  sort_order: 110,
  frontend_label: 'Gender',
  note: '',
  system: false,
  backend_type: 'static',
  is_used_in_grid: true,
  is_visible_in_grid: true,
  is_filterable_in_grid: true,
  is_searchable_in_grid: false,
};

const WEBSITE_ID = {
  attribute_code: 'website_id',
  frontend_input: 'select',
  input_filter: '',
  store_label: 'Associate to Website',
  validation_rules: [],
  multiline_count: 0,
  visible: true,
  required: true,
  data_model: '',
  options: [{ label: 'Main Website', value: '1' }],
  frontend_class: 'required-entry',
  user_defined: false,
  sort_order: 10,
  frontend_label: 'Associate to Website',
  note: '',
  system: true,
  backend_type: 'static',
  is_used_in_grid: true,
  is_visible_in_grid: true,
  is_filterable_in_grid: true,
  is_searchable_in_grid: false,
};

/** Website options list every website; other test files add websites to the shared MySQL database. */
function mainWebsiteOnly(metadata: unknown): unknown {
  const m = metadata as Metadata & { options: Array<{ value: string }> };
  return m.attribute_code === 'website_id' ? { ...m, options: m.options.filter((o) => o.value === '1') } : m;
}

forEachDatabase('Customer and address attribute metadata routes', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  let noCustomersToken: string;
  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
    const role = await createGroupRole(getDb(), [['Magento_Backend::store', 'allow']]);
    const other = await createAdmin(getDb(), { roleId: role });
    noCustomersToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: other.username, password: 'Admin123!' } })).body);
  });
  after(() => app.close());

  for (const expected of [FIRSTNAME, GENDER, WEBSITE_ID]) {
    it(`GET /V1/attributeMetadata/customer/attribute/${expected.attribute_code} answers Magento's metadata`, async () => {
      const reply = await app.request('GET', `/rest/V1/attributeMetadata/customer/attribute/${expected.attribute_code}`, { token: adminToken });
      assert.equal(reply.status, 200);
      assert.deepEqual(Object.keys(reply.body as object), Object.keys(expected));
      assert.deepEqual(mainWebsiteOnly(reply.body), expected);
    });
  }

  it('group_id options are the groups of customer_group (a new one included, NOT LOGGED IN left out); country_id lists the allowed countries', async () => {
    const code = `Meta ${Date.now()}`;
    const created = await app.request('POST', '/rest/V1/customerGroups', { token: adminToken, body: { group: { code, tax_class_id: 3 } } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const groupId = (created.body as { id: number }).id;
    const group = await app.request('GET', '/rest/V1/attributeMetadata/customer/attribute/group_id', { token: adminToken });
    const options = (group.body as { options: Array<{ label: string; value: string }> }).options;
    for (const expected of [{ label: 'General', value: '1' }, { label: 'Wholesale', value: '2' }, { label: 'Retailer', value: '3' }, { label: code, value: String(groupId) }]) {
      assert.ok(options.some((o) => o.label === expected.label && o.value === expected.value), JSON.stringify(expected));
    }
    assert.ok(!options.some((o) => o.value === '0'));
    const country = await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/attribute/country_id', { token: adminToken });
    const countries = (country.body as { options: Array<{ label: string; value: string }> }).options;
    assert.ok(countries.some((o) => o.value === 'US' && o.label === 'United States'), JSON.stringify(countries.slice(0, 3)));
    assert.ok(countries.length > 200);
  });

  it('an unknown attribute is 404 naming the entity type and code; Magento_Customer::customer is required', async () => {
    const reply = await app.request('GET', '/rest/V1/attributeMetadata/customer/attribute/shoe_size', { token: adminToken });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, {
      message: 'No such entity with %fieldName = %fieldValue, %field2Name = %field2Value',
      parameters: { fieldName: 'entityType', fieldValue: 'customer', field2Name: 'attributeCode', field2Value: 'shoe_size' },
    });
    const address = await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/attribute/gender', { token: adminToken });
    assert.equal((address.body as { parameters: { fieldValue: string } }).parameters.fieldValue, 'customer_address');
    for (const path of ['/V1/attributeMetadata/customer', '/V1/attributeMetadata/customerAddress/attribute/city']) {
      const guest = await app.request('GET', `/rest${path}`);
      assert.equal(guest.status, 401);
      const denied = await app.request('GET', `/rest${path}`, { token: noCustomersToken });
      assert.deepEqual(denied.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::customer' } });
    }
  });

  it('GET /V1/attributeMetadata/customer lists every attribute, firstname and website_id among them, in sort order', async () => {
    const reply = await app.request('GET', '/rest/V1/attributeMetadata/customer', { token: adminToken });
    const list = reply.body as Metadata[];
    assert.deepEqual(list.find((m) => m.attribute_code === 'firstname'), FIRSTNAME);
    assert.deepEqual(mainWebsiteOnly(list.find((m) => m.attribute_code === 'website_id')), WEBSITE_ID);
    const passwordHash = list.find((m) => m.attribute_code === 'password_hash');
    assert.ok(passwordHash);
    assert.equal('frontend_label' in passwordHash, false, 'installed without a label: Magento leaves the null label out');
    assert.equal(list.find((m) => m.attribute_code === 'lock_expires')?.frontend_label, 'Failures Number');
    const orders = list.map((m) => Number(m.sort_order));
    assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
  });

  it('GET …/custom: no custom attributes on a fresh install (every shipped one has a getter or is a system attribute)', async () => {
    assert.deepEqual((await app.request('GET', '/rest/V1/attributeMetadata/customer/custom', { token: adminToken })).body, []);
    assert.deepEqual((await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/custom', { token: adminToken })).body, []);
  });

  it('GET …/form/:formCode: the attributes of a form; an unknown form is 404 formCode', async () => {
    const admin = (await app.request('GET', '/rest/V1/attributeMetadata/customer/form/adminhtml_customer', { token: adminToken })).body as Metadata[];
    assert.deepEqual(admin.find((m) => m.attribute_code === 'firstname'), FIRSTNAME);
    assert.deepEqual(admin.find((m) => m.attribute_code === 'gender'), GENDER);
    const create = (await app.request('GET', '/rest/V1/attributeMetadata/customer/form/customer_account_create', { token: adminToken })).body as Metadata[];
    const codes = create.map((m) => m.attribute_code);
    assert.ok(codes.includes('email') && codes.includes('dob'));
    assert.equal(codes.includes('group_id'), false, 'group_id is adminhtml only');
    assert.equal(codes.includes('password_hash'), false, 'a hidden system attribute is in no form');
    const unknown = await app.request('GET', '/rest/V1/attributeMetadata/customer/form/no_such_form', { token: adminToken });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'formCode', fieldValue: 'no_such_form' } });
  });

  it('address metadata: street is a two-line multiline, postcode has its data model, forms are the address forms', async () => {
    const street = (await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/attribute/street', { token: adminToken })).body as Metadata;
    assert.equal(street.frontend_input, 'multiline');
    assert.equal(street.multiline_count, 2);
    assert.equal(street.required, true);
    const postcode = (await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/attribute/postcode', { token: adminToken })).body as Metadata;
    assert.equal(postcode.data_model, 'Magento\\Customer\\Model\\Attribute\\Data\\Postcode');
    const form = (await app.request('GET', '/rest/V1/attributeMetadata/customerAddress/form/customer_address_edit', { token: adminToken })).body as Metadata[];
    assert.deepEqual(
      form.map((m) => m.attribute_code),
      ['prefix', 'firstname', 'middlename', 'lastname', 'suffix', 'company', 'street', 'city', 'country_id', 'region', 'region_id', 'postcode', 'telephone', 'fax', 'vat_id'],
    );
    const all = (await app.request('GET', '/rest/V1/attributeMetadata/customerAddress', { token: adminToken })).body as Metadata[];
    assert.equal(all.length, 19);
    const vat = all.find((m) => m.attribute_code === 'vat_id');
    assert.equal(vat?.frontend_label, 'VAT Number');
  });
});
