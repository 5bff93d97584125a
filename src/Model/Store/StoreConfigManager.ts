import { inject, injectable } from 'inversify';
import type { StoreConfigData } from '../../Api/Store/Data/StoreConfigInterface.ts';
import type { StoreConfigManagerInterface } from '../../Api/Store/StoreConfigManagerInterface.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { StoreManager } from './StoreManager.ts';

/**
 * Magento's `Magento\Store\Model\Service\StoreConfigManager`: per store view (all but the admin store, or those
 * named in `storeCodes`; unknown codes are skipped) its locale, currencies, timezone, weight unit and base URLs,
 * read from store-scope configuration. The static and media URLs follow Magento's defaults
 * (`{{unsecure_base_url}}static/`, `{{unsecure_base_url}}media/`).
 */
@injectable()
export class StoreConfigManager implements StoreConfigManagerInterface {
  constructor(
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
  ) {}

  async getStoreConfigs(storeCodes?: string[] | null): Promise<StoreConfigData[]> {
    const all = await this.stores.getStores(false);
    const selected = storeCodes && storeCodes.length > 0 ? all.filter((s) => storeCodes.includes(s.code)) : all;
    const out: StoreConfigData[] = [];
    for (const store of selected) {
      const value = (path: string): Promise<string | null> => this.config.getValue(path, 'stores', store.store_id);
      const base = withSlash((await value('web/unsecure/base_url')) ?? 'http://localhost/');
      const secure = withSlash((await value('web/secure/base_url')) ?? base);
      out.push({
        id: store.store_id,
        code: store.code,
        website_id: store.website_id,
        locale: await value('general/locale/code'),
        base_currency_code: await value('currency/options/base'),
        default_display_currency_code: await value('currency/options/default'),
        timezone: await value('general/locale/timezone'),
        weight_unit: await value('general/locale/weight_unit'),
        base_url: base,
        base_link_url: base,
        base_static_url: `${base}static/`,
        base_media_url: `${base}media/`,
        secure_base_url: secure,
        secure_base_link_url: secure,
        secure_base_static_url: `${secure}static/`,
        secure_base_media_url: `${secure}media/`,
      });
    }
    return out;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
