import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { CustomerRow } from '../ResourceModel/Customer/Customer.ts';

/**
 * `customer_entity` row → CustomerInterface JSON, keys in Magento's order, null fields left out.
 * `default_billing`/`default_shipping` are strings on Magento's wire; `addresses` is always present.
 */
export function customerRowToData(row: CustomerRow): CustomerData {
  const data: CustomerData = { id: row.entity_id, group_id: row.group_id };
  if (row.default_billing !== null) data.default_billing = String(row.default_billing);
  if (row.default_shipping !== null) data.default_shipping = String(row.default_shipping);
  if (row.confirmation !== null) data.confirmation = row.confirmation;
  data.created_at = row.created_at;
  data.updated_at = row.updated_at;
  if (row.created_in !== null) data.created_in = row.created_in;
  if (row.dob !== null) data.dob = row.dob.slice(0, 10);
  if (row.email !== null) data.email = row.email;
  if (row.firstname !== null) data.firstname = row.firstname;
  if (row.lastname !== null) data.lastname = row.lastname;
  if (row.middlename !== null) data.middlename = row.middlename;
  if (row.prefix !== null) data.prefix = row.prefix;
  if (row.suffix !== null) data.suffix = row.suffix;
  if (row.gender !== null) data.gender = row.gender;
  if (row.store_id !== null) data.store_id = row.store_id;
  if (row.taxvat !== null) data.taxvat = row.taxvat;
  if (row.website_id !== null) data.website_id = row.website_id;
  data.addresses = [];
  data.disable_auto_group_change = row.disable_auto_group_change;
  return data;
}
