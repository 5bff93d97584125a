/** A store view as the REST layer needs it. */
export interface StoreRecord {
  readonly storeId: number;
  readonly code: string;
  readonly websiteId: number;
}

/**
 * Store lookups for the `/rest/<store_code>/…` prefix; the app implements it against the `store` table.
 * Called on every request, so an implementation may cache (store rows change rarely).
 */
export interface StoreResolver {
  /**
   * The store view with this code, or null. Must return null for the admin store (code `admin`, id 0): Magento's
   * `StoreManager::getStores(false)` leaves it out, so `/rest/admin/V1/…` is not a store prefix (`/rest/all/` is).
   */
  getByCode(code: string): Promise<StoreRecord | null>;
  /** The default store view of the default website, used for `/rest/V1/…`. */
  getDefault(): Promise<StoreRecord>;
}

/** `/rest/all/…`: Magento switches to the admin store. */
export const ADMIN_STORE: StoreRecord = Object.freeze({ storeId: 0, code: 'admin', websiteId: 0 });
