import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

export interface CountryRow {
  country_id: string;
  iso2_code: string | null;
  iso3_code: string | null;
}

export interface RegionRow {
  region_id: number;
  country_id: string;
  code: string | null;
  /** The locale's name (directory_country_region_name) or the default name. */
  name: string | null;
}

function toRegion(r: Record<string, unknown>): RegionRow {
  return {
    region_id: Number(r.region_id),
    country_id: String(r.country_id),
    code: r.code === null || r.code === undefined ? null : String(r.code),
    name: r.name === null || r.name === undefined ? null : String(r.name),
  };
}

/** Every SQL statement on Magento_Directory's tables (countries, regions and their names, currency rates). */
@injectable()
export class DirectoryResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async loadCountries(): Promise<CountryRow[]> {
    const rows = await this.db.fetchAll(
      `SELECT country_id, iso2_code, iso3_code FROM ${this.db.getTableName('directory_country')} ORDER BY country_id`,
    );
    return rows.map((r) => ({
      country_id: String(r.country_id),
      iso2_code: r.iso2_code === null ? null : String(r.iso2_code),
      iso3_code: r.iso3_code === null ? null : String(r.iso3_code),
    }));
  }

  /** Every region, named in `locale` where a translation exists (Magento's region collection), ordered by name. */
  async loadRegions(locale: string, countryId?: string): Promise<RegionRow[]> {
    const region = this.db.getTableName('directory_country_region');
    const names = this.db.getTableName('directory_country_region_name');
    const rows = await this.db.fetchAll(
      `SELECT r.region_id, r.country_id, r.code, COALESCE(n.name, r.default_name) AS name FROM ${region} r ` +
        `LEFT JOIN ${names} n ON n.region_id = r.region_id AND n.locale = ?` +
        `${countryId === undefined ? '' : ' WHERE r.country_id = ?'} ORDER BY r.country_id, name, r.region_id`,
      countryId === undefined ? [locale] : [locale, countryId],
    );
    return rows.map(toRegion);
  }

  /** region_id → code, for the given ids. */
  async loadRegionCodes(regionIds: readonly number[]): Promise<Map<number, string | null>> {
    if (regionIds.length === 0) return new Map();
    const rows = await this.db.fetchAll(
      `SELECT region_id, code FROM ${this.db.getTableName('directory_country_region')} WHERE region_id IN (${regionIds.map(() => '?').join(', ')})`,
      [...regionIds],
    );
    return new Map(rows.map((r) => [Number(r.region_id), r.code === null ? null : String(r.code)]));
  }

  async countryExists(countryId: string): Promise<boolean> {
    const table = this.db.getTableName('directory_country');
    return (await this.db.fetchOne(`SELECT country_id FROM ${table} WHERE country_id = ?`, [countryId])) !== undefined;
  }

  async loadRates(from: string): Promise<Map<string, number>> {
    const rows = await this.db.fetchAll(
      `SELECT currency_to, rate FROM ${this.db.getTableName('directory_currency_rate')} WHERE currency_from = ?`,
      [from],
    );
    return new Map(rows.map((r) => [String(r.currency_to), Number(r.rate)]));
  }
}
