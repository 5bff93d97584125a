import { inject, injectable } from 'inversify';
import type { GroupData } from '../../Api/Store/Data/GroupInterface.ts';
import type { GroupRepositoryInterface } from '../../Api/Store/GroupRepositoryInterface.ts';
import { StoreManager } from './StoreManager.ts';

/** `GET /V1/store/storeGroups`. */
@injectable()
export class GroupRepository implements GroupRepositoryInterface {
  constructor(@inject(StoreManager) private readonly stores: StoreManager) {}

  async getList(): Promise<GroupData[]> {
    return (await this.stores.getGroups()).map((g) => ({
      id: g.group_id,
      website_id: g.website_id,
      root_category_id: g.root_category_id,
      default_store_id: g.default_store_id,
      name: g.name,
      code: g.code,
    }));
  }
}
