import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { DirectoryResource, type CountryRow, type RegionRow } from '../ResourceModel/Directory/DirectoryResource.ts';

function configList(value: string | null): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Magento's `Magento\Directory\Helper\Data` and `AllowedCountries`, read per store: the allowed countries
 * (`general/country/allow`; all of `directory_country` when unset), their regions, the countries whose addresses
 * need a region (`general/region/state_required`) and those where a postcode is optional
 * (`general/country/optional_zip_countries`).
 */
@injectable()
export class DirectoryData {
  constructor(
    @inject(DirectoryResource) private readonly resource: DirectoryResource,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
  ) {}

  async getLocale(storeId: number | null): Promise<string> {
    return (await this.value('general/locale/code', storeId)) ?? 'en_US';
  }

  async getAllowedCountries(storeId: number | null): Promise<CountryRow[]> {
    const countries = await this.resource.loadCountries();
    const allow = configList(await this.value('general/country/allow', storeId));
    if (allow.length === 0) return countries;
    const allowed = new Set(allow);
    return countries.filter((c) => allowed.has(c.country_id));
  }

  async isCountryAllowed(countryId: string, storeId: number | null): Promise<boolean> {
    if (!(await this.resource.countryExists(countryId))) return false;
    const allow = configList(await this.value('general/country/allow', storeId));
    return allow.length === 0 || allow.includes(countryId);
  }

  async getRegions(locale: string, countryId?: string): Promise<RegionRow[]> {
    return this.resource.loadRegions(locale, countryId);
  }

  async isRegionRequired(countryId: string, storeId: number | null): Promise<boolean> {
    return configList(await this.value('general/region/state_required', storeId)).includes(countryId);
  }

  async isZipCodeOptional(countryId: string, storeId: number | null): Promise<boolean> {
    return configList(await this.value('general/country/optional_zip_countries', storeId)).includes(countryId);
  }

  private async value(path: string, storeId: number | null): Promise<string | null> {
    return storeId === null ? this.config.getValue(path) : this.config.getValue(path, 'stores', storeId);
  }
}
