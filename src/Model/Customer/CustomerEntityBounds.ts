import type { ColumnBounds } from '../../Framework/Db/Schema/ColumnBounds.ts';
import { schemaBounds } from '../ResourceModel/Setup/SchemaBounds.ts';

/**
 * `customer_entity`'s lengths, integer ranges and labels (the column comments are Magento's attribute labels:
 * `First Name`, `Name Prefix`, `Tax/VAT Number` …), read from etc/db_schema.xml on first use.
 */
export function customerEntityBounds(): ColumnBounds {
  return schemaBounds('customer_entity');
}
