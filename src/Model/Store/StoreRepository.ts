import { inject, injectable } from 'inversify';
import type { StoreData } from '../../Api/Store/Data/StoreInterface.ts';
import type { StoreRepositoryInterface } from '../../Api/Store/StoreRepositoryInterface.ts';
import { StoreManager } from './StoreManager.ts';

/** `GET /V1/store/storeViews`: every store view including admin (store 0), as Magento lists them. */
@injectable()
export class StoreRepository implements StoreRepositoryInterface {
  constructor(@inject(StoreManager) private readonly stores: StoreManager) {}

  async getList(): Promise<StoreData[]> {
    return (await this.stores.getStores(true)).map((s) => ({
      id: s.store_id,
      code: s.code,
      name: s.name,
      website_id: s.website_id,
      store_group_id: s.group_id,
      is_active: s.is_active,
    }));
  }
}
