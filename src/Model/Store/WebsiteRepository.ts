import { inject, injectable } from 'inversify';
import type { WebsiteData } from '../../Api/Store/Data/WebsiteInterface.ts';
import type { WebsiteRepositoryInterface } from '../../Api/Store/WebsiteRepositoryInterface.ts';
import { StoreManager } from './StoreManager.ts';

/** `GET /V1/store/websites`: every website including admin (website 0). */
@injectable()
export class WebsiteRepository implements WebsiteRepositoryInterface {
  constructor(@inject(StoreManager) private readonly stores: StoreManager) {}

  async getList(): Promise<WebsiteData[]> {
    return (await this.stores.getWebsites(true)).map((w) => ({
      id: w.website_id,
      code: w.code,
      name: w.name,
      default_group_id: w.default_group_id,
    }));
  }
}
