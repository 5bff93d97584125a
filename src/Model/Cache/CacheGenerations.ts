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
 * Cross-instance cache invalidation without a fixed waiting period: every write to cached data bumps its cache
 * type's row in `lac_cache_generation`; the *generation* is the sum of the rows, so it moves on with any write. A
 * request reads it once (on first use, or with its bearer token's row: TokenSubject folds it into that statement)
 * and a cache whose stamp differs is reloaded. A load reads the generation *before* the data, so a write racing
 * with the load leaves the cache stamped old and reloaded next time.
 *
 * Beside a real Magento (MAGENTO_ENV_PHP) Magento's admin changes config and roles without bumping anything, so
 * there a cache is also dropped after FALLBACK_TTL_MS.
 */
@injectable()
export class CacheGenerations {
  static readonly FALLBACK_TTL_MS = 2000;
  /** Set beside a real Magento only. */
  readonly fallbackTtlMs: number | undefined;

  constructor(
    @inject(CacheGeneration) private readonly resource: CacheGeneration,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.DeploymentConfig) @optional() deployment?: DeploymentConfig,
  ) {
    this.fallbackTtlMs = deployment?.source === 'env.php' ? CacheGenerations.FALLBACK_TTL_MS : undefined;
  }

  /** The current generation: read once per request; outside a request (CLI, jobs) read every time. */
  async current(): Promise<number> {
    const state = this.requestContext.current();
    if (!state) return this.resource.load();
    const epoch = this.resource.localBumps;
    if (state.cacheGenerations === undefined || state.cacheGenerations.epoch !== epoch) {
      state.cacheGenerations = { epoch, generation: this.resource.load() };
    }
    return state.cacheGenerations.generation;
  }

  /**
   * The generation as a statement of this request already read it (with the token's row): no statement of its own.
   * Ignored when this process wrote since the statement started (`epochAtRead`).
   */
  seed(generation: number, epochAtRead: number): void {
    const state = this.requestContext.current();
    if (!state || epochAtRead !== this.resource.localBumps) return;
    state.cacheGenerations = { epoch: epochAtRead, generation: Promise.resolve(generation) };
  }

  /** This process's write count, to be taken before a statement that reads the generation for `seed`. */
  get epoch(): number {
    return this.resource.localBumps;
  }

  /** A stamp for contents about to be loaded by a caller that has read the generation already. */
  stampAt(generation: number): CacheStamp {
    return { generation, loadedAt: this.clock.now() };
  }

  /** Whether contents loaded under `stamp` may still be used. */
  async isFresh(stamp: CacheStamp | undefined): Promise<boolean> {
    if (!stamp) return false;
    if (this.fallbackTtlMs !== undefined && this.clock.now() - stamp.loadedAt >= this.fallbackTtlMs) return false;
    return stamp.generation === (await this.current());
  }

  /** After a write to cached data made without its resource model: every instance reloads on its next request. */
  async invalidate(...types: CacheType[]): Promise<void> {
    await this.resource.bump(types);
  }
}
