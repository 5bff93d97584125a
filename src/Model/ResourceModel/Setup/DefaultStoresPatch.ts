import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import type { DataPatch } from '../../../Framework/Db/Schema/DataPatch.ts';

type Rows = ReadonlyArray<Readonly<Record<string, SqlValue>>>;

/**
 * The websites, store groups and store views a fresh Magento installs: the admin scope (id 0 each)
 * and "Main Website" / "Main Website Store" / "Default Store View" (id 1 each). Values as written
 * by Magento_Store's InitializeStoresAndWebsites schema patch, with the group codes its
 * UpdateStoreGroupCodes patch derives from the names, and root category 2 (Magento's default
 * category id).
 */
const WEBSITES: Rows = [
  { website_id: 0, code: 'admin', name: 'Admin', sort_order: 0, default_group_id: 0, is_default: 0 },
  { website_id: 1, code: 'base', name: 'Main Website', sort_order: 0, default_group_id: 1, is_default: 1 },
];
const GROUPS: Rows = [
  { group_id: 0, website_id: 0, name: 'Default', root_category_id: 0, default_store_id: 0, code: 'default' },
  { group_id: 1, website_id: 1, name: 'Main Website Store', root_category_id: 2, default_store_id: 1, code: 'main_website_store' },
];
const STORES: Rows = [
  { store_id: 0, code: 'admin', website_id: 0, group_id: 0, name: 'Admin', sort_order: 0, is_active: 1 },
  { store_id: 1, code: 'default', website_id: 1, group_id: 1, name: 'Default Store View', sort_order: 0, is_active: 1 },
];

/**
 * Like Magento, it does nothing once the admin website (id 0) exists: on a Magento database, or on
 * one where an operator changed or removed the default store, nothing is touched. Rows go in with
 * INSERT IGNORE, so two processes installing at once cannot fail on each other's rows.
 */
export class DefaultStoresPatch implements DataPatch {
  readonly name = 'Magento\\Store\\Setup\\Patch\\Schema\\InitializeStoresAndWebsites';

  async apply(connection: ConnectionInterface): Promise<void> {
    const website = connection.quoteIdentifier(connection.getTableName('store_website'));
    const adminWebsite = await connection.fetchOne(`SELECT website_id FROM ${website} WHERE website_id = ?`, [0]);
    if (adminWebsite !== undefined) return;
    await connection.transaction(async (tx) => {
      for (const row of WEBSITES) await tx.insertIgnore('store_website', row);
      for (const row of GROUPS) await tx.insertIgnore('store_group', row);
      for (const row of STORES) await tx.insertIgnore('store', row);
    });
  }
}
