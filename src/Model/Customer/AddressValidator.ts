import { inject, injectable } from 'inversify';
import type { AddressData } from '../../Api/Customer/Data/AddressInterface.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { __, type Phrase } from '../../Framework/Exception/Phrase.ts';
import type { AddressWrite } from '../ResourceModel/Customer/AddressResource.ts';
import type { RegionRow } from '../ResourceModel/Directory/DirectoryResource.ts';
import { schemaBounds } from '../ResourceModel/Setup/SchemaBounds.ts';
import { DirectoryData } from '../Directory/DirectoryData.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';

const TEXT_FIELDS = [
  'firstname', 'lastname', 'middlename', 'prefix', 'suffix', 'company', 'city', 'postcode', 'telephone', 'fax', 'vat_id',
] as const;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value);
  return s.trim() === '' ? null : s;
}

/** An address ready to be written, with the region resolved against the directory. */
export interface ResolvedAddress {
  readonly id: number | null;
  readonly row: Omit<AddressWrite, 'parent_id'>;
  readonly defaultBilling: boolean;
  readonly defaultShipping: boolean;
}

/**
 * Magento's address validators (`Magento\Customer\Model\Address\Validator\General` and `…\Country`), run the way
 * `AddressRepository::save` runs them: every error of the address in one InputException (one error: its message;
 * several: `One or more input exceptions have occurred.` with the list).
 *  - General: `firstname`, `lastname`, the first street line and `city` must not be empty, nor `telephone`, `fax`
 *    and `company` when `customer/address/<field>_show` is `req` (telephone's default), nor `postcode` unless the
 *    country is in `general/country/optional_zip_countries`
 *    — each `"%fieldName" is required. Enter and try again.`;
 *  - Country: `countryId` required, and one of the store's allowed countries (`Invalid value of "%value" provided for
 *    the %fieldName field.`); for a country in `general/region/state_required`, a region: `region` when the country
 *    has no region list, `regionId` when it has one; a region id must be one of the country's.
 * The region may be given by `region_id` (top level or inside `region`) or by `region.region_code` (Magento's
 * AbstractAddress looks the code up in the country's regions); its name then comes from the directory.
 * Values longer than their column are refused before any SQL (`"%1" length must be equal or less than %2 characters.`).
 */
@injectable()
export class AddressValidator {
  constructor(
    @inject(DirectoryData) private readonly directory: DirectoryData,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
  ) {}

  /**
   * Whether the address attribute is required: Magento's `customer/address/<field>_show` setting (`req`, `opt` or
   * empty) drives the attribute's `is_required`, which General::checkOptionalFields reads.
   */
  private async isRequired(field: 'telephone' | 'company' | 'fax', storeId: number | null): Promise<boolean> {
    const path = `customer/address/${field}_show`;
    const value = storeId === null ? await this.config.getValue(path) : await this.config.getValue(path, 'stores', storeId);
    return value === 'req';
  }

  async resolve(address: AddressData, storeId: number | null): Promise<ResolvedAddress> {
    const errors: Phrase[] = [];
    const street = (address.street ?? []).map((line) => String(line ?? ''));
    if (text(address.firstname) === null) errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'firstname' }));
    if (text(address.lastname) === null) errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'lastname' }));
    if (text(street[0]) === null) errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'street' }));
    if (text(address.city) === null) errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'city' }));
    for (const field of ['telephone', 'fax', 'company'] as const) {
      if (text(address[field]) === null && (await this.isRequired(field, storeId))) errors.push(__(InputException.REQUIRED_FIELD, { fieldName: field }));
    }
    const countryId = text(address.country_id);
    if (text(address.postcode) === null && !(countryId !== null && (await this.directory.isZipCodeOptional(countryId, storeId)))) {
      errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'postcode' }));
    }

    let regionId: number | null = null;
    let regionName: string | null = text(address.region?.region);
    if (countryId === null) {
      errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'countryId' }));
    } else if (!(await this.directory.isCountryAllowed(countryId, storeId))) {
      errors.push(__(InputException.INVALID_FIELD_VALUE, { fieldName: 'countryId', value: countryId }));
    } else {
      const locale = await this.directory.getLocale(storeId);
      const regions = await this.directory.getRegions(locale, countryId);
      const required = await this.directory.isRegionRequired(countryId, storeId);
      const givenId = address.region_id || address.region?.region_id || null;
      let match: RegionRow | undefined;
      if (givenId) match = regions.find((r) => r.region_id === givenId);
      else if (text(address.region?.region_code) !== null) {
        // Region::loadByCode compares with MySQL's case-insensitive collation.
        const code = String(address.region?.region_code).toUpperCase();
        match = regions.find((r) => r.code !== null && r.code.toUpperCase() === code);
      }
      if (required && regions.length === 0 && regionName === null) {
        errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'region' }));
      } else if (regions.length > 0 && !givenId && !match && required) {
        errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'regionId' }));
      } else if (regions.length > 0 && givenId && !match) {
        errors.push(__(InputException.INVALID_FIELD_VALUE, { fieldName: 'regionId', value: givenId }));
      }
      if (match) {
        regionId = match.region_id;
        regionName = match.name;
      } else if (regions.length > 0) {
        regionId = null;
      }
    }

    const row: Omit<AddressWrite, 'parent_id'> = {
      city: String(address.city ?? ''),
      company: text(address.company),
      country_id: countryId ?? '',
      fax: text(address.fax),
      firstname: String(address.firstname ?? ''),
      lastname: String(address.lastname ?? ''),
      middlename: text(address.middlename),
      postcode: text(address.postcode),
      prefix: text(address.prefix),
      region: regionName,
      region_id: regionId,
      street: street.join('\n'),
      suffix: text(address.suffix),
      telephone: String(address.telephone ?? ''),
      vat_id: text(address.vat_id),
    };
    const bounds = schemaBounds('customer_address_entity');
    for (const field of [...TEXT_FIELDS, 'region', 'country_id'] as const) {
      const value = row[field];
      if (value !== null && !bounds.fitsLength(field, value)) {
        const { label, maxLength } = bounds.get(field);
        errors.push(__('"%1" length must be equal or less than %2 characters.', [label, maxLength]));
      }
    }
    if (errors.length > 0) throw InputException.fromErrors(errors);
    return {
      id: address.id ?? null,
      row,
      defaultBilling: address.default_billing === true,
      defaultShipping: address.default_shipping === true,
    };
  }
}
