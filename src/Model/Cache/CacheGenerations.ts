import { inject, injectable, optional } from 'inversify';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { DeploymentConfig } from '../../Framework/Config/DeploymentConfig.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import type { Clock } from '../../Framework/Stdlib/Clock.ts';
import { CacheGeneration } from '../ResourceModel/Cache/CacheGeneration.ts';

/** The in-memory caches whose validity is shared through the database. */
export type CacheType = 'config' | 'acl' | 'store';
export const CACHE_TYPES: readonly CacheType[] = Object.freeze(['config', 'acl', 'store']);

/** What a cache remembers about its contents: the generation read before they were loaded, and when. */
export interface CacheStamp {
  readonly generation: number;
  readonly loadedAt: number;
}

/**
 * Cross-instance cache invalidation without a fixed waiting period: every write to cached data bumps that cache
 * type's generation in `lac_cache_generation`; a request reads all generations once (one statement, on first
 * use, kept for the rest of the request) and a cache whose stamp differs is reloaded. A load reads the
 * generation *before* the data, so a write racing with the load leaves the cache stamped old and reloaded next time.
 *
 * Beside a real Magento (MAGENTO_ENV_PHP) Magento's admin changes config and roles without bumping anything, so
 * there a cache is also dropped after FALLBACK_TTL_MS, as before.
 */
@injectable()
export class CacheGenerations {
  static readonly FALLBACK_TTL_MS = 2000;
  private readonly ttlMs: number | undefined;

  constructor(
    @inject(CacheGeneration) private readonly resource: CacheGeneration,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.DeploymentConfig) @optional() deployment?: DeploymentConfig,
  ) {
    this.ttlMs = deployment?.source === 'env.php' ? CacheGenerations.FALLBACK_TTL_MS : undefined;
  }

  /** The current generation of `type`: read once per request; outside a request (CLI, jobs) read every time. */
  async current(type: CacheType): Promise<number> {
    const state = this.requestContext.current();
    if (!state) return (await this.resource.loadAll()).get(type) ?? 0;
    const epoch = this.resource.localBumps;
    if (state.cacheGenerations === undefined || state.cacheGenerations.epoch !== epoch) {
      state.cacheGenerations = { epoch, generations: this.resource.loadAll() };
    }
    return (await state.cacheGenerations.generations).get(type) ?? 0;
  }

  /** A stamp for contents about to be loaded. */
  async stamp(type: CacheType): Promise<CacheStamp> {
    return { generation: await this.current(type), loadedAt: this.clock.now() };
  }

  /** Whether contents loaded under `stamp` may still be used. */
  async isFresh(type: CacheType, stamp: CacheStamp | undefined): Promise<boolean> {
    if (!stamp) return false;
    if (this.ttlMs !== undefined && this.clock.now() - stamp.loadedAt >= this.ttlMs) return false;
    return stamp.generation === (await this.current(type));
  }

  /** After a write to cached data made without its resource model: every instance reloads on its next request. */
  async invalidate(...types: CacheType[]): Promise<void> {
    await this.resource.bump(types);
  }
}
