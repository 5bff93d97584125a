import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface, ScopeType } from '../../Framework/Config/ScopeConfigInterface.ts';
import { CacheGenerations } from '../Cache/CacheGenerations.ts';
import { SharedCache } from '../Cache/SharedCache.ts';
import { CoreConfigData } from '../ResourceModel/Config/CoreConfigData.ts';
import { StoreManager } from '../Store/StoreManager.ts';

/** config.xml defaults, bound as a constant by the composition root. */
export const CONFIG_DEFAULTS = Symbol.for('Magento\\Framework\\App\\Config\\Initial');

/**
 * `etc/config.xml` defaults overlaid by core_config_data, looked up store → website → default, as
 * Magento's ScopeConfig does. All rows are read at once and kept until the `config` cache generation moves
 * (CacheGenerations): a value saved by another instance or by `bin/magento config:set` is seen by the next request.
 */
@injectable()
export class ScopeConfig implements ScopeConfigInterface {
  private readonly cache: SharedCache<Map<string, string | null>>;

  constructor(
    @inject(CoreConfigData) private readonly resource: CoreConfigData,
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(CONFIG_DEFAULTS) private readonly defaults: ReadonlyMap<string, string>,
    @inject(CacheGenerations) generations: CacheGenerations,
  ) {
    this.cache = new SharedCache(generations, async () => {
      const values = new Map<string, string | null>();
      for (const r of await this.resource.loadAll()) values.set(`${r.scope}|${r.scope_id}|${r.path}`, r.value);
      return values;
    });
  }

  clean(): void {
    this.cache.clean();
    this.stores.clean();
  }

  private rows(): Promise<Map<string, string | null>> {
    return this.cache.get();
  }

  async getValue(path: string, scopeType: ScopeType = 'default', scopeCode?: string | number): Promise<string | null> {
    const values = await this.rows();
    const chain: Array<[ScopeType, number]> = [];
    if (scopeType === 'stores' && scopeCode !== undefined) {
      const store =
        typeof scopeCode === 'number' || /^\d+$/.test(scopeCode)
          ? await this.stores.getStoreById(Number(scopeCode))
          : await this.stores.getStoreByCode(scopeCode);
      if (store) chain.push(['stores', store.store_id], ['websites', store.website_id]);
    } else if (scopeType === 'websites' && scopeCode !== undefined) {
      const websiteId =
        typeof scopeCode === 'number' || /^\d+$/.test(scopeCode)
          ? Number(scopeCode)
          : (await this.stores.getWebsites(true)).find((w) => w.code === scopeCode)?.website_id;
      if (websiteId !== undefined) chain.push(['websites', websiteId]);
    }
    chain.push(['default', 0]);
    for (const [scope, id] of chain) {
      const key = `${scope}|${id}|${path}`;
      if (values.has(key)) return values.get(key) ?? null;
    }
    return this.defaults.get(path) ?? null;
  }

  async isSetFlag(path: string, scopeType?: ScopeType, scopeCode?: string | number): Promise<boolean> {
    const v = await this.getValue(path, scopeType, scopeCode);
    return v !== null && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  }
}
