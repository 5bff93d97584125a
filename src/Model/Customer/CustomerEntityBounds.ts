import { fileURLToPath } from 'node:url';
import { ColumnBounds } from '../../Framework/Db/Schema/ColumnBounds.ts';
import { DbSchemaReader } from '../../Framework/Db/Schema/DbSchemaReader.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../../../etc/db_schema.xml', import.meta.url));

let bounds: ColumnBounds | undefined;

/**
 * `customer_entity`'s lengths, integer ranges and labels (the column comments are Magento's attribute labels:
 * `First Name`, `Name Prefix`, `Tax/VAT Number` …), read from etc/db_schema.xml on first use.
 */
export function customerEntityBounds(): ColumnBounds {
  if (bounds === undefined) {
    const table = DbSchemaReader.readFile(SCHEMA_FILE).tables.find((candidate) => candidate.name === 'customer_entity');
    if (table === undefined) throw new Error(`${SCHEMA_FILE} declares no customer_entity table.`);
    bounds = new ColumnBounds(table);
  }
  return bounds;
}
