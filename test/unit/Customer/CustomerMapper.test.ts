import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { customerRowToData } from '../../../src/Model/Customer/CustomerMapper.ts';
import type { CustomerRow } from '../../../src/Model/ResourceModel/Customer/Customer.ts';

const row: CustomerRow = {
  entity_id: 5,
  website_id: 1,
  email: 'roni_cost@example.com',
  group_id: 1,
  store_id: 1,
  created_at: '2025-11-24 16:00:00',
  updated_at: '2025-11-24 16:05:00',
  is_active: 1,
  disable_auto_group_change: 0,
  created_in: 'Default Store View',
  prefix: null,
  firstname: 'Veronica',
  middlename: null,
  lastname: 'Costello',
  suffix: null,
  dob: '1973-12-15',
  password_hash: 'secret-hash',
  default_billing: 1,
  default_shipping: null,
  taxvat: null,
  confirmation: null,
  gender: 2,
  lock_expires: null,
  failures_num: 0,
  first_failure: null,
};

describe('customerRowToData', () => {
  test("Magento's key order, strings for address ids, null fields left out, no password hash", () => {
    const data = customerRowToData(row);
    assert.deepEqual(Object.keys(data), [
      'id', 'group_id', 'default_billing', 'created_at', 'updated_at', 'created_in', 'dob', 'email', 'firstname',
      'lastname', 'gender', 'store_id', 'website_id', 'addresses', 'disable_auto_group_change',
    ]);
    assert.equal(data.default_billing, '1');
    assert.deepEqual(data.addresses, []);
    assert.equal(JSON.stringify(data).includes('secret-hash'), false);
  });
});
