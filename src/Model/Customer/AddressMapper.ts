import type { AddressData } from '../../Api/Customer/Data/AddressInterface.ts';
import type { AddressRow } from '../ResourceModel/Customer/AddressResource.ts';

/** The region code Magento reports: the directory region's code, or the free-text region when there is no id. */
export interface RegionInfo {
  code: string | null;
}

/**
 * `customer_address_entity` row → AddressInterface JSON in Magento's key order. Like Magento's address data model,
 * `region` is always an object and `region_id` is 0 when the address has no directory region; the default flags
 * come from the customer's `default_billing`/`default_shipping` ids.
 */
export function addressRowToData(
  row: AddressRow,
  defaults: { billing: number | null; shipping: number | null },
  regionCode: string | null,
): AddressData {
  const data: AddressData = { id: row.entity_id };
  if (row.parent_id !== null) data.customer_id = row.parent_id;
  data.region = {
    region_code: row.region_id ? regionCode : row.region,
    region: row.region,
    region_id: row.region_id ?? 0,
  };
  data.region_id = row.region_id ?? 0;
  data.country_id = row.country_id;
  data.street = row.street.split('\n');
  if (row.company !== null) data.company = row.company;
  data.telephone = row.telephone;
  if (row.fax !== null) data.fax = row.fax;
  if (row.postcode !== null) data.postcode = row.postcode;
  data.city = row.city;
  data.firstname = row.firstname;
  data.lastname = row.lastname;
  if (row.middlename !== null) data.middlename = row.middlename;
  if (row.prefix !== null) data.prefix = row.prefix;
  if (row.suffix !== null) data.suffix = row.suffix;
  if (row.vat_id !== null) data.vat_id = row.vat_id;
  data.default_shipping = defaults.shipping !== null && defaults.shipping === row.entity_id;
  data.default_billing = defaults.billing !== null && defaults.billing === row.entity_id;
  return data;
}
