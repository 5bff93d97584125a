import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathProcessor } from '../../../../src/Framework/Webapi/Rest/PathProcessor.ts';
import { ADMIN_STORE } from '../../../../src/Framework/Webapi/StoreResolver.ts';
import { FixtureStoreResolver, STORES } from '../../../fixtures/Webapi/startFixtureServer.ts';

describe('PathProcessor', () => {
  it('keeps /V1/… on the default store (store null) without looking up a store named V1', async () => {
    const stores = new FixtureStoreResolver();
    assert.deepEqual(await new PathProcessor(stores).process('/V1/customers/me'), { path: '/V1/customers/me', store: null });
    assert.deepEqual(stores.lookups, []);
  });

  it('strips a known store code', async () => {
    const processor = new PathProcessor(new FixtureStoreResolver());
    assert.deepEqual(await processor.process('/german/V1/customers/me'), { path: '/V1/customers/me', store: STORES['german'] });
  });

  it('strips `all` and switches to the admin store', async () => {
    const processor = new PathProcessor(new FixtureStoreResolver());
    assert.deepEqual(await processor.process('/all/V1/customers/me'), { path: '/V1/customers/me', store: ADMIN_STORE });
  });

  it('leaves an unknown store code in the path', async () => {
    const processor = new PathProcessor(new FixtureStoreResolver());
    assert.deepEqual(await processor.process('/nostore/V1/customers/me'), { path: '/nostore/V1/customers/me', store: null });
  });

  it('does not take `admin` as a store prefix (Magento getStores(false) leaves it out)', async () => {
    const processor = new PathProcessor({
      getByCode: async (code) => (code === 'admin' ? ADMIN_STORE : null),
      getDefault: async () => STORES['default'] ?? ADMIN_STORE,
    });
    assert.deepEqual(await processor.process('/admin/V1/x'), { path: '/admin/V1/x', store: null });
  });

  it('trims slashes as PHP trim/ltrim do', async () => {
    const processor = new PathProcessor(new FixtureStoreResolver());
    assert.deepEqual(await processor.process('//default/V1/x/'), { path: '/V1/x', store: STORES['default'] });
    assert.deepEqual(await processor.process('/default'), { path: '/', store: STORES['default'] });
    assert.deepEqual(await processor.process('/'), { path: '/', store: null });
  });
});
