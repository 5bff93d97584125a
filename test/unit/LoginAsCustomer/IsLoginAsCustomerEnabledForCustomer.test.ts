import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IsLoginAsCustomerEnabledForCustomer } from '../../../src/Model/LoginAsCustomer/IsLoginAsCustomerEnabledForCustomer.ts';
import { FakeLacConfig } from './fakes.ts';

describe('IsLoginAsCustomerEnabledForCustomer', () => {
  const allowing = (ids: number[]) => ({ execute: async (id: number) => ids.includes(id) });

  test('enabled when the feature is on and the customer opted in', async () => {
    const result = await new IsLoginAsCustomerEnabledForCustomer(new FakeLacConfig(), allowing([7])).execute(7);
    assert.equal(result.isEnabled(), true);
    assert.deepEqual(result.getMessages(), []);
  });

  test('collects every objection in resolver order, as Magento\'s chain does', async () => {
    const config = new FakeLacConfig();
    config.enabled = false;
    const result = await new IsLoginAsCustomerEnabledForCustomer(config, allowing([])).execute(7);
    assert.equal(result.isEnabled(), false);
    assert.deepEqual(
      result.getMessages().map((m) => m.text),
      ['Login as Customer is disabled.', 'Login as Customer assistance is disabled for this Customer.'],
    );
  });
});
