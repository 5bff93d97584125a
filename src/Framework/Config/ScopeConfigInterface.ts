/** Magento's config scopes as stored in core_config_data.scope. */
export type ScopeType = 'default' | 'websites' | 'stores';

/**
 * Magento's `ScopeConfigInterface`: `etc/config.xml` defaults overlaid by core_config_data, looked up
 * store → website → default.
 */
export interface ScopeConfigInterface {
  /** `scopeCode` is a store or website id or code; omitted → the default scope. */
  getValue(path: string, scopeType?: ScopeType, scopeCode?: string | number): Promise<string | null>;
  isSetFlag(path: string, scopeType?: ScopeType, scopeCode?: string | number): Promise<boolean>;
  /** Forget cached values (after a write in this process). */
  clean(): void;
}

export interface ConfigWriterInterface {
  save(path: string, value: string | null, scope?: ScopeType, scopeId?: number): Promise<void>;
  delete(path: string, scope?: ScopeType, scopeId?: number): Promise<void>;
}
