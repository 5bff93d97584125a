import type { ConnectionInterface } from '../ConnectionInterface.ts';

/**
 * Rows the service needs, written after the tables exist (Magento's data patches). Patches run on
 * every install and are not recorded anywhere, so each must be idempotent and must leave rows that
 * a real Magento already wrote alone.
 */
export interface DataPatch {
  /** For reports and errors, e.g. `Magento\Store\Setup\Patch\Schema\InitializeStoresAndWebsites`. */
  readonly name: string;
  apply(connection: ConnectionInterface): Promise<void>;
}
