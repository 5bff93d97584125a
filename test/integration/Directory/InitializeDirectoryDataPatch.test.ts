import assert from 'node:assert/strict';
import { it } from 'node:test';
import { iso31661 } from 'iso-3166';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import {
  InitializeDirectoryDataPatch,
  REGION_COUNTRIES,
  directoryCountries,
  directoryRegions,
} from '../../../src/Model/ResourceModel/Directory/InitializeDirectoryDataPatch.ts';
import { DefaultCustomerGroupsPatch } from '../../../src/Model/ResourceModel/Customer/DefaultCustomerGroupsPatch.ts';
import { forEachDatabase } from '../../support/databases.ts';

const TABLES = ['directory_country_region_name', 'directory_country_region', 'directory_country', 'directory_currency_rate'];

async function count(db: ConnectionInterface, table: string): Promise<number> {
  return Number(await db.fetchOne(`SELECT COUNT(*) FROM ${db.getTableName(table)}`));
}

it('the seed comes from ISO 3166 (the iso-3166 package) and covers only the countries Magento ships regions for', () => {
  const countries = directoryCountries().map(([a2]) => a2);
  for (const c of iso31661) assert.ok(countries.includes(c.alpha2), c.alpha2);
  assert.ok(countries.includes('XK'));
  const regions = directoryRegions();
  assert.deepEqual([...new Set(regions.map((r) => r.country_id))].sort(), [...REGION_COUNTRIES].sort());
  for (const r of regions) assert.match(r.code, /^[A-Z0-9]{1,3}$/);
  const us = regions.filter((r) => r.country_id === 'US');
  assert.deepEqual(us.slice(0, 2).map((r) => [r.code, r.default_name]), [['AL', 'Alabama'], ['AK', 'Alaska']]);
  // No duplicate code within a country: an address's region_code finds one region.
  for (const country of REGION_COUNTRIES) {
    const codes = regions.filter((r) => r.country_id === country).map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length, country);
  }
});

// Own table prefix: these tests empty and refill the directory tables.
forEachDatabase(
  'InitializeDirectoryDataPatch',
  (getDb, context) => {
    it('fills empty tables once, even when two installers run at the same time', async () => {
      const db = getDb();
      for (const t of TABLES) await db.execute(`DELETE FROM ${db.getTableName(t)}`);
      const other = context.openConnection({ tablePrefix: db.getTableName('') });
      if (context.platform === 'mysql') {
        await Promise.all([new InitializeDirectoryDataPatch().apply(db), new InitializeDirectoryDataPatch().apply(other)]);
      } else {
        // One embedded file is one process's (two processes share MySQL, not a file): the installers run in turn.
        await new InitializeDirectoryDataPatch().apply(db);
        await new InitializeDirectoryDataPatch().apply(other);
      }
      assert.equal(await count(db, 'directory_country'), directoryCountries().length);
      assert.equal(await count(db, 'directory_country_region'), directoryRegions().length);
      assert.equal(await count(db, 'directory_country_region_name'), directoryRegions().length);
      assert.equal(await count(db, 'directory_currency_rate'), 4);
      await new InitializeDirectoryDataPatch().apply(db);
      assert.equal(await count(db, 'directory_country_region'), directoryRegions().length);
    });

    it('leaves a database that already has countries alone (a Magento database)', async () => {
      const db = getDb();
      for (const t of TABLES) await db.execute(`DELETE FROM ${db.getTableName(t)}`);
      await db.insert('directory_country', { country_id: 'US', iso2_code: 'US', iso3_code: 'USA' });
      await new InitializeDirectoryDataPatch().apply(db);
      assert.equal(await count(db, 'directory_country'), 1);
      assert.equal(await count(db, 'directory_country_region'), 0);
    });

    it('the default customer groups and tax classes are Magento\'s, and a second run changes nothing', async () => {
      const db = getDb();
      await new DefaultCustomerGroupsPatch().apply(db);
      const groups = await db.fetchAll(`SELECT customer_group_id, customer_group_code, tax_class_id FROM ${db.getTableName('customer_group')} ORDER BY customer_group_id`);
      assert.deepEqual(groups.slice(0, 4).map((g) => [Number(g.customer_group_id), g.customer_group_code, Number(g.tax_class_id)]), [
        [0, 'NOT LOGGED IN', 3],
        [1, 'General', 3],
        [2, 'Wholesale', 3],
        [3, 'Retailer', 3],
      ]);
      const classes = await db.fetchAll(`SELECT class_id, class_name, class_type FROM ${db.getTableName('tax_class')} ORDER BY class_id`);
      assert.deepEqual(classes.map((c) => [Number(c.class_id), c.class_name, c.class_type]), [
        [2, 'Taxable Goods', 'PRODUCT'],
        [3, 'Retail Customer', 'CUSTOMER'],
      ]);
    });
  },
  { tablePrefix: 'dirpatch_' },
);
