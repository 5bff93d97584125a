import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import type { ConnectionInterface } from '../../../../src/Framework/Db/ConnectionInterface.ts';
import { DbSchemaReader } from '../../../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { SchemaInstaller } from '../../../../src/Framework/Db/Schema/SchemaInstaller.ts';
import { DefaultStoresPatch } from '../../../../src/Model/ResourceModel/Setup/DefaultStoresPatch.ts';
import { forEachDatabase, schemaFile, uniqueSuffix } from '../../../support/databases.ts';

/** What a fresh Magento 2.4 has in its store tables (Magento_Store InitializeStoresAndWebsites + UpdateStoreGroupCodes). */
const MAGENTO_WEBSITES = [
  { website_id: 0, code: 'admin', name: 'Admin', sort_order: 0, default_group_id: 0, is_default: 0 },
  { website_id: 1, code: 'base', name: 'Main Website', sort_order: 0, default_group_id: 1, is_default: 1 },
];
const MAGENTO_GROUPS = [
  { group_id: 0, website_id: 0, name: 'Default', root_category_id: 0, default_store_id: 0, code: 'default' },
  { group_id: 1, website_id: 1, name: 'Main Website Store', root_category_id: 2, default_store_id: 1, code: 'main_website_store' },
];
const MAGENTO_STORES = [
  { store_id: 0, code: 'admin', website_id: 0, group_id: 0, name: 'Admin', sort_order: 0, is_active: 1 },
  { store_id: 1, code: 'default', website_id: 1, group_id: 1, name: 'Default Store View', sort_order: 0, is_active: 1 },
];

async function defaultRows(db: ConnectionInterface): Promise<unknown[]> {
  const q = (t: string): string => db.quoteIdentifier(db.getTableName(t));
  return [
    await db.fetchAll(
      `SELECT website_id, code, name, sort_order, default_group_id, is_default FROM ${q('store_website')} WHERE website_id IN (0, 1) ORDER BY website_id`,
    ),
    await db.fetchAll(
      `SELECT group_id, website_id, name, root_category_id, default_store_id, code FROM ${q('store_group')} WHERE group_id IN (0, 1) ORDER BY group_id`,
    ),
    await db.fetchAll(
      `SELECT store_id, code, website_id, group_id, name, sort_order, is_active FROM ${q('store')} WHERE store_id IN (0, 1) ORDER BY store_id`,
    ),
  ];
}

forEachDatabase('DefaultStoresPatch', (getDb, { openConnection }) => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** Just the store tables, under a prefix of their own, so a test starts from empty tables on MySQL too. */
  async function freshStoreTables(): Promise<ConnectionInterface> {
    const db = openConnection({ tablePrefix: `p${uniqueSuffix()}_` });
    const storeTables = ['store', 'store_group', 'store_website'];
    cleanups.push(async () => {
      for (const t of storeTables) await db.execute(`DROP TABLE IF EXISTS ${db.quoteIdentifier(db.getTableName(t))}`);
    });
    const schema = DbSchemaReader.readFile(schemaFile());
    await new SchemaInstaller({ file: schema.file, tables: schema.tables.filter((t) => storeTables.includes(t.name)) }).install(db);
    return db;
  }

  it('the installed database has Magento default websites, groups and store views', async () => {
    assert.deepEqual(await defaultRows(getDb()), [MAGENTO_WEBSITES, MAGENTO_GROUPS, MAGENTO_STORES]);
  });

  it('fills empty store tables, keeping the explicit id 0 rows', async () => {
    const db = await freshStoreTables();
    assert.deepEqual(await defaultRows(db), [[], [], []]);
    await new DefaultStoresPatch().apply(db);
    assert.deepEqual(await defaultRows(db), [MAGENTO_WEBSITES, MAGENTO_GROUPS, MAGENTO_STORES]);
  });

  it('is idempotent', async () => {
    const db = await freshStoreTables();
    await new DefaultStoresPatch().apply(db);
    await new DefaultStoresPatch().apply(db);
    assert.deepEqual(await defaultRows(db), [MAGENTO_WEBSITES, MAGENTO_GROUPS, MAGENTO_STORES]);
    const next = await db.insert('store_website', { code: `w${uniqueSuffix()}`, name: 'Next' });
    assert.equal(next.insertId, 2, 'identity continues after the explicit ids');
  });

  it('leaves the rows of an existing Magento installation untouched', async () => {
    const db = await freshStoreTables();
    // A Magento whose operator renamed the main website and store view.
    await db.insert('store_website', { ...MAGENTO_WEBSITES[0], name: 'Admin' });
    await db.insert('store_website', { ...MAGENTO_WEBSITES[1], name: 'Acme' });
    for (const row of MAGENTO_GROUPS) await db.insert('store_group', row);
    await db.insert('store', MAGENTO_STORES[0] as Record<string, string | number>);
    await db.insert('store', { ...MAGENTO_STORES[1], name: 'Acme English' });
    const before = await defaultRows(db);
    await new DefaultStoresPatch().apply(db);
    assert.deepEqual(await defaultRows(db), before);
  });
});
