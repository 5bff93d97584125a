import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import type { StoreRow } from '../../../src/Model/ResourceModel/Store/StoreResource.ts';
import { LoginStoreResolver } from '../../../src/Model/LoginAsCustomer/LoginStoreResolver.ts';
import type { StoreManager } from '../../../src/Model/Store/StoreManager.ts';
import { FakeLacConfig } from './fakes.ts';

const store = (store_id: number, website_id: number): StoreRow => ({
  store_id,
  code: `s${store_id}`,
  website_id,
  group_id: website_id,
  name: `Store ${store_id}`,
  sort_order: 0,
  is_active: 1,
});

/** Admin store 0, default view 1 (website 1), view 2 (website 1), view 3 (website 2, default of website 2). */
const stores = [store(0, 0), store(1, 1), store(2, 1), store(3, 2)];
const storeManager = {
  getStoreById: async (id: number) => stores.find((s) => s.store_id === id),
  getDefaultStoreView: async () => stores[1],
  getWebsiteDefaultStore: async (websiteId: number) => stores.find((s) => s.website_id === websiteId),
} as unknown as StoreManager;

const customer = { id: 10, website_id: 1, store_id: 2 };

describe('LoginStoreResolver', () => {
  test("without manual choice: the customer's own store, whatever was asked", async () => {
    const resolver = new LoginStoreResolver(new FakeLacConfig(), storeManager);
    assert.equal(await resolver.resolve(customer, undefined), 2);
    assert.equal(await resolver.resolve(customer, 3), 2);
  });

  test('global account sharing: the default store view', async () => {
    const config = new FakeLacConfig();
    config.globalShare = true;
    assert.equal(await new LoginStoreResolver(config, storeManager).resolve(customer, undefined), 1);
  });

  test("a customer of the admin store gets its website's default store view", async () => {
    const resolver = new LoginStoreResolver(new FakeLacConfig(), storeManager);
    assert.equal(await resolver.resolve({ id: 11, website_id: 2, store_id: 0 }, undefined), 3);
  });

  test('manual choice: storeId is required', async () => {
    const config = new FakeLacConfig();
    config.manualChoice = true;
    const resolver = new LoginStoreResolver(config, storeManager);
    for (const missing of [undefined, null, 0]) {
      await assert.rejects(resolver.resolve(customer, missing), (error: unknown) => {
        assert.ok(error instanceof LocalizedException);
        assert.equal(error.getRawMessage(), 'Please select a Store to login in.');
        return true;
      });
    }
    assert.equal(await resolver.resolve(customer, 1), 1);
  });

  test("manual choice: the store must exist and be in the customer's website", async () => {
    const config = new FakeLacConfig();
    config.manualChoice = true;
    const resolver = new LoginStoreResolver(config, storeManager);
    for (const bad of [3, 99]) {
      await assert.rejects(resolver.resolve(customer, bad), (error: unknown) => {
        assert.ok(error instanceof InputException);
        assert.equal(error.getRawMessage(), 'Invalid value of "%value" provided for the %fieldName field.');
        assert.deepEqual(error.getParameters(), { fieldName: 'storeId', value: bad });
        return true;
      });
    }
    config.globalShare = true;
    assert.equal(await resolver.resolve(customer, 3), 3, 'with global accounts any store view will do');
  });
});
