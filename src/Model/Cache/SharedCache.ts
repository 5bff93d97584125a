import type { CacheGenerations, CacheStamp } from './CacheGenerations.ts';

/**
 * One value kept in memory and shared by every request of this instance, valid while the cache generation stays
 * where it was when the value was loaded (CacheGenerations). Concurrent callers of the same generation share one
 * load; a caller that read a newer generation (a write came in meanwhile) starts a load of its own rather than
 * take one that may have read the data before that write, and the newest load is the one kept. `clean()` also
 * discards loads in flight.
 */
export class SharedCache<T> {
  #entry: { stamp: CacheStamp; value: T } | undefined;
  #loading: { generation: number; promise: Promise<T> } | undefined;
  #cleans = 0;

  constructor(
    private readonly generations: Pick<CacheGenerations, 'current' | 'isFresh' | 'stampAt'>,
    private readonly load: () => Promise<T>,
  ) {}

  async get(): Promise<T> {
    if (this.#entry && (await this.generations.isFresh(this.#entry.stamp))) return this.#entry.value;
    const generation = await this.generations.current();
    if (this.#loading?.generation === generation) return this.#loading.promise;
    const cleans = this.#cleans;
    const stamp = this.generations.stampAt(generation);
    const loading = {
      generation,
      promise: this.load().then((value) => {
        if (cleans === this.#cleans && (!this.#entry || this.#entry.stamp.generation <= generation)) this.#entry = { stamp, value };
        return value;
      }),
    };
    this.#loading = loading;
    void loading.promise
      .finally(() => {
        if (this.#loading === loading) this.#loading = undefined;
      })
      .catch(() => undefined);
    return loading.promise;
  }

  /** Forget the value (after a write of this process) and any load in flight. */
  clean(): void {
    this.#entry = undefined;
    this.#loading = undefined;
    this.#cleans += 1;
  }
}
