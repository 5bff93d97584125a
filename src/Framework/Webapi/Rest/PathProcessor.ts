import { ADMIN_STORE, type StoreRecord, type StoreResolver } from '../StoreResolver.ts';

export interface ProcessedPath {
  /** The path the request processors see, e.g. `/V1/customers/me` (raw, not URL-decoded). */
  readonly path: string;
  /** The store named by the prefix (`all` → admin), or null when the request runs on the default store view. */
  readonly store: StoreRecord | null;
}

/** A segment shaped like an API version; Magento store codes never are (a store named `V1` would break Magento too). */
const VERSION_SEGMENT = /^V\d+$/;

/**
 * Magento's `Magento\Webapi\Controller\PathProcessor`: after `rest`, the next segment is removed only when it is
 * a known store code or `all`. Anything else stays in the path, so `/rest/nostore/V1/x` becomes `/nostore/V1/x`,
 * which no request processor accepts (400 `Specified request cannot be processed.`).
 */
export class PathProcessor {
  static readonly ALL_STORE_CODE = 'all';

  constructor(private readonly stores: StoreResolver) {}

  /** `pathAfterRest` is the raw path below `/rest` (`/default/V1/customers/me`). */
  async process(pathAfterRest: string): Promise<ProcessedPath> {
    const trimmed = trimSlashes(pathAfterRest);
    const separator = trimmed.indexOf('/');
    const storeCode = separator === -1 ? trimmed : trimmed.slice(0, separator);
    const rest = separator === -1 ? '' : trimmed.slice(separator + 1);

    const store = storeCode === '' || VERSION_SEGMENT.test(storeCode) ? null : await this.stores.getByCode(storeCode);
    if (store && store.storeId !== ADMIN_STORE.storeId) {
      return { path: `/${rest}`, store };
    }
    if (storeCode === PathProcessor.ALL_STORE_CODE) {
      return { path: `/${rest}`, store: ADMIN_STORE };
    }
    return { path: `/${trimmed}`, store: null };
  }
}

/** PHP `trim($path, '/')`. */
export function trimSlashes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}
