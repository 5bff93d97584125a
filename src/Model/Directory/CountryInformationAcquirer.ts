import { inject, injectable } from 'inversify';
import type { CountryInformationAcquirerInterface } from '../../Api/Directory/CountryInformationAcquirerInterface.ts';
import type { CountryInformation } from '../../Api/Directory/Data/CountryInformationInterface.ts';
import type { RegionInformation } from '../../Api/Directory/Data/RegionInformationInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import type { CountryRow, RegionRow } from '../ResourceModel/Directory/DirectoryResource.ts';
import { DirectoryData } from './DirectoryData.ts';
import { countryName } from './CountryName.ts';

/**
 * Magento's `Magento\Directory\Model\CountryInformationAcquirer`: the store's allowed countries with their names in
 * the store's locale and in English (CLDR names, as Magento reads them from ICU) and their regions.
 */
@injectable()
export class CountryInformationAcquirer implements CountryInformationAcquirerInterface {
  constructor(
    @inject(DirectoryData) private readonly directory: DirectoryData,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async getCountriesInfo(): Promise<CountryInformation[]> {
    const storeId = this.storeId();
    const locale = await this.directory.getLocale(storeId);
    const [countries, regions] = await Promise.all([this.directory.getAllowedCountries(storeId), this.directory.getRegions(locale)]);
    const byCountry = groupRegions(regions);
    return countries.map((c) => info(c, byCountry.get(c.country_id), locale));
  }

  async getCountryInfo(countryId: string): Promise<CountryInformation> {
    const storeId = this.storeId();
    const locale = await this.directory.getLocale(storeId);
    const country = (await this.directory.getAllowedCountries(storeId)).find((c) => c.country_id === countryId);
    if (!country) throw new NoSuchEntityException(__('Requested country is not available.'));
    return info(country, await this.directory.getRegions(locale, countryId), locale);
  }

  private storeId(): number | null {
    return this.requestContext.current()?.storeId ?? null;
  }
}

function groupRegions(regions: readonly RegionRow[]): Map<string, RegionRow[]> {
  const map = new Map<string, RegionRow[]>();
  for (const r of regions) {
    const list = map.get(r.country_id);
    if (list) list.push(r);
    else map.set(r.country_id, [r]);
  }
  return map;
}

function info(country: CountryRow, regions: readonly RegionRow[] | undefined, locale: string): CountryInformation {
  const result: CountryInformation = {
    id: country.country_id,
    two_letter_abbreviation: country.iso2_code,
    three_letter_abbreviation: country.iso3_code,
    full_name_locale: countryName(country.country_id, locale),
    full_name_english: countryName(country.country_id, 'en_US'),
  };
  if (regions && regions.length > 0) {
    result.available_regions = regions.map((r): RegionInformation => ({ id: String(r.region_id), code: r.code, name: r.name }));
  }
  return result;
}
