import { AsyncLocalStorage } from 'node:async_hooks';
import { GUEST, type UserContext } from '../Authentication/UserContext.ts';

/** What a service may know about the request it serves (Magento gets these from its object manager). */
export interface RequestState {
  user: UserContext;
  /** Store code from the URL (`default` for `/rest/V1`, `admin` for `/rest/all/V1`). */
  storeCode: string;
  storeId: number;
  ip: string;
  userAgent: string;
  /** Route template matched, for logs (`/V1/customers/:customerId`). */
  route?: string;
  reportId?: string;
  /** Generations of the shared in-memory caches, read once per request (CacheGenerations). */
  /** Fields a service adds to the request's one log line (e.g. the Login-as-Customer audit event). */
  logFields?: Record<string, unknown>;
  /**
   * Rows already read in this request, by `<table>:<id>` (Magento's CustomerRegistry idea): a customer is loaded
   * once per request. Resource models that keep rows here drop them on every write of theirs.
   */
  identityMap?: Map<string, unknown>;
  cacheGenerations?: { readonly epoch: number; readonly generation: Promise<number> } | undefined;
}

const storage = new AsyncLocalStorage<RequestState>();

/** What `recall` answers for a row this request has not read. */
export const NOT_REMEMBERED: unique symbol = Symbol('not remembered');

/** Request-scoped state over AsyncLocalStorage, so singleton services can read the current caller. */
export class RequestContext {
  run<T>(state: RequestState, fn: () => T): T {
    return storage.run(state, fn);
  }

  current(): RequestState | undefined {
    return storage.getStore();
  }

  getUser(): UserContext {
    return storage.getStore()?.user ?? GUEST;
  }

  /** A row this request already read (`<table>:<id>`), or `NOT_REMEMBERED`; outside a request nothing is remembered. */
  recall(key: string): unknown {
    const map = storage.getStore()?.identityMap;
    return map !== undefined && map.has(key) ? map.get(key) : NOT_REMEMBERED;
  }

  /** Keeps a row for the rest of this request (a no-op outside one). */
  remember(key: string, value: unknown): void {
    const state = storage.getStore();
    if (!state) return;
    state.identityMap ??= new Map();
    state.identityMap.set(key, value);
  }

  /** Drops a row after its resource model wrote it. */
  forget(key: string): void {
    storage.getStore()?.identityMap?.delete(key);
  }
}
