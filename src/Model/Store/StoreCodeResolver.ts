import { inject, injectable } from 'inversify';
import type { StoreRecord, StoreResolver } from '../../Framework/Webapi/StoreResolver.ts';
import { StoreManager } from './StoreManager.ts';

/** The front controller's store lookup over the cached StoreManager (the admin store is not a URL code). */
@injectable()
export class StoreCodeResolver implements StoreResolver {
  constructor(@inject(StoreManager) private readonly stores: StoreManager) {}

  async getByCode(code: string): Promise<StoreRecord | null> {
    const s = await this.stores.getStoreByCode(code);
    return s && s.store_id !== 0 ? { storeId: s.store_id, code: s.code, websiteId: s.website_id } : null;
  }

  async getDefault(): Promise<StoreRecord> {
    const s = await this.stores.getDefaultStoreView();
    return s ? { storeId: s.store_id, code: s.code, websiteId: s.website_id } : { storeId: 1, code: 'default', websiteId: 1 };
  }
}
