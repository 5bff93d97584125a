import { iso31661, iso31662 } from 'iso-3166';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import type { DataPatch } from '../../../Framework/Db/Schema/DataPatch.ts';
import { DuplicateKeyException } from '../../../Framework/Exception/DbException.ts';

/**
 * The countries for which Magento ships regions: Magento_Directory's InitializeDirectoryData (US, CA, DE, AT, CH,
 * ES, FR, RO, FI, EE, LV, LT, BR) and its later AddDataFor<Country> patches, in that order (region ids are given
 * in insertion order, so the United States come first as in Magento: Alabama is region 1 in both).
 */
export const REGION_COUNTRIES: readonly string[] = Object.freeze([
  'US', 'CA', 'DE', 'AT', 'CH', 'ES', 'FR', 'RO', 'FI', 'EE', 'LV', 'LT', 'BR',
  'AL', 'AR', 'AU', 'BY', 'BE', 'BO', 'BG', 'CL', 'CN', 'CO', 'CR', 'HR', 'CZ', 'DK', 'EC', 'GR', 'GY', 'IS',
  'IN', 'IE', 'IT', 'MX', 'PY', 'PE', 'PL', 'PT', 'SA', 'SR', 'SE', 'UA', 'UY', 'VE',
]);

/**
 * Countries whose Magento regions are ISO 3166-2's lowest level (French départements, Spanish and Italian provinces,
 * Belgian provinces, Irish counties); everywhere else Magento lists the first level.
 */
const LOWEST_LEVEL: ReadonlySet<string> = new Set(['FR', 'ES', 'IT', 'BE', 'IE']);

/** Kosovo: not in ISO 3166-1 (user-assigned code), added by Magento's AddCountriesCaribbeanCuracaoKosovoSintMaarten. */
const EXTRA_COUNTRIES: ReadonlyArray<readonly [string, string]> = [['XK', 'XKX']];

export interface RegionSeed {
  readonly country_id: string;
  readonly code: string;
  readonly default_name: string;
}

/** ISO 3166-1 (assigned codes, from the `iso-3166` package) plus Magento's extra country codes. */
export function directoryCountries(): Array<readonly [string, string]> {
  const rows = iso31661.map((c) => [c.alpha2, c.alpha3] as const);
  return [...rows, ...EXTRA_COUNTRIES].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The regions Magento ships, from ISO 3166-2: the country's subdivisions at the level Magento uses, code without
 * the `CC-` prefix (Magento's region codes: `AL`, `BY`, `01` …), sorted by name within a country.
 */
export function directoryRegions(): RegionSeed[] {
  const parents = new Set(iso31662.map((r) => r.parent));
  const out: RegionSeed[] = [];
  for (const country of REGION_COUNTRIES) {
    const prefix = `${country}-`;
    const rows = iso31662.filter((r) =>
      LOWEST_LEVEL.has(country) ? r.code.startsWith(prefix) && !parents.has(r.code) : r.parent === country,
    );
    rows.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const r of rows) out.push({ country_id: country, code: r.code.slice(prefix.length), default_name: r.name });
  }
  return out;
}

/** Tables of reference data that no route writes (the emulator's reset leaves them out of its snapshot). */
export const REFERENCE_DATA_TABLES: ReadonlySet<string> = new Set([
  'directory_country',
  'directory_country_region',
  'directory_country_region_name',
  'directory_currency_rate',
  'tax_class',
]);

/** Magento's InitializeDirectoryData currency rates (base USD and EUR). */
const CURRENCY_RATES: ReadonlyArray<readonly [string, string, number]> = [
  ['EUR', 'EUR', 1],
  ['EUR', 'USD', 1.415],
  ['USD', 'EUR', 0.706],
  ['USD', 'USD', 1],
];

/**
 * Magento_Directory's InitializeDirectoryData: `directory_country`, `directory_country_region` with its `en_US`
 * names in `directory_country_region_name`, and `directory_currency_rate`. It does nothing once a country exists
 * (a Magento database, or an earlier start). Each table is filled by one multi-row INSERT, in one transaction; a
 * concurrent installer's rows make the country insert fail on its primary key and this one steps back.
 */
export class InitializeDirectoryDataPatch implements DataPatch {
  readonly name = 'Magento\\Directory\\Setup\\Patch\\Data\\InitializeDirectoryData';

  async apply(connection: ConnectionInterface): Promise<void> {
    const country = connection.getTableName('directory_country');
    if ((await connection.fetchOne(`SELECT country_id FROM ${country} LIMIT 1`)) !== undefined) return;
    try {
      await connection.transaction(async (tx) => {
        const countries = directoryCountries();
        await insertRows(tx, 'directory_country', ['country_id', 'iso2_code', 'iso3_code'], countries.map(([a2, a3]) => [a2, a2, a3]));
        const regions = directoryRegions();
        await insertRows(tx, 'directory_country_region', ['country_id', 'code', 'default_name'], regions.map((r) => [r.country_id, r.code, r.default_name]));
        const region = tx.getTableName('directory_country_region');
        await tx.execute(
          `INSERT INTO ${tx.getTableName('directory_country_region_name')} (locale, region_id, name) ` +
            `SELECT ?, region_id, default_name FROM ${region}`,
          ['en_US'],
        );
        await insertRows(tx, 'directory_currency_rate', ['currency_from', 'currency_to', 'rate'], CURRENCY_RATES.map((r) => [...r]));
      });
    } catch (error) {
      if (error instanceof DuplicateKeyException) return;
      throw error;
    }
  }
}

async function insertRows(db: ConnectionInterface, table: string, columns: readonly string[], rows: ReadonlyArray<readonly SqlValue[]>): Promise<void> {
  if (rows.length === 0) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  await db.execute(
    `INSERT INTO ${db.getTableName(table)} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    rows.flat(),
  );
}
