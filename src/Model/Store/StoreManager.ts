import { inject, injectable } from 'inversify';
import { TYPES } from '../../Framework/Di/Types.ts';
import type { Clock } from '../../Framework/Stdlib/Clock.ts';
import { CacheGenerations } from '../Cache/CacheGenerations.ts';
import { StoreResource, type StoreGroupRow, type StoreRow, type WebsiteRow } from '../ResourceModel/Store/StoreResource.ts';

interface Snapshot {
  loadedAt: number;
  stores: StoreRow[];
  websites: WebsiteRow[];
  groups: StoreGroupRow[];
}

/**
 * Magento's `StoreManagerInterface`: stores, groups and websites. This service never writes them, so they are read
 * once and kept (the emulator's reset drops them); beside a real Magento, whose admin may add a store, they are
 * re-read after CacheGenerations' fallback lifetime. Resolving the store of a request therefore costs no statement.
 */
@injectable()
export class StoreManager {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  constructor(
    @inject(StoreResource) private readonly resource: StoreResource,
    @inject(CacheGenerations) private readonly generations: CacheGenerations,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  private async load(): Promise<Snapshot> {
    const ttl = this.generations.fallbackTtlMs;
    if (this.snapshot && (ttl === undefined || this.clock.now() - this.snapshot.loadedAt < ttl)) return this.snapshot;
    this.loading ??= (async () => {
      try {
        const loadedAt = this.clock.now();
        const [stores, websites, groups] = await Promise.all([
          this.resource.loadStores(),
          this.resource.loadWebsites(),
          this.resource.loadGroups(),
        ]);
        this.snapshot = { loadedAt, stores, websites, groups };
        return this.snapshot;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  clean(): void {
    this.snapshot = undefined;
  }

  async getStores(withDefault = false): Promise<StoreRow[]> {
    const s = await this.load();
    return withDefault ? s.stores : s.stores.filter((x) => x.store_id !== 0);
  }

  async getWebsites(withDefault = false): Promise<WebsiteRow[]> {
    const s = await this.load();
    return withDefault ? s.websites : s.websites.filter((x) => x.website_id !== 0);
  }

  async getGroups(): Promise<StoreGroupRow[]> {
    return (await this.load()).groups;
  }

  async getStoreByCode(code: string): Promise<StoreRow | undefined> {
    return (await this.load()).stores.find((s) => s.code === code);
  }

  async getStoreById(id: number): Promise<StoreRow | undefined> {
    return (await this.load()).stores.find((s) => s.store_id === id);
  }

  async getWebsiteById(id: number): Promise<WebsiteRow | undefined> {
    return (await this.load()).websites.find((w) => w.website_id === id);
  }

  /** The default store view: the default website's default group's default store. */
  async getDefaultStoreView(): Promise<StoreRow | undefined> {
    const s = await this.load();
    const website = s.websites.find((w) => w.is_default === 1) ?? s.websites.find((w) => w.website_id !== 0);
    const group = s.groups.find((g) => g.group_id === website?.default_group_id);
    return s.stores.find((st) => st.store_id === group?.default_store_id);
  }

  /** The website's default store view (used when a customer's own store is unknown). */
  async getWebsiteDefaultStore(websiteId: number): Promise<StoreRow | undefined> {
    const s = await this.load();
    const website = s.websites.find((w) => w.website_id === websiteId);
    const group = s.groups.find((g) => g.group_id === website?.default_group_id);
    return s.stores.find((st) => st.store_id === group?.default_store_id);
  }
}
