import { fileURLToPath } from 'node:url';
import { ColumnBounds } from '../../../Framework/Db/Schema/ColumnBounds.ts';
import { DbSchemaReader } from '../../../Framework/Db/Schema/DbSchemaReader.ts';
import type { DbSchema } from '../../../Framework/Db/Schema/DbSchema.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../../../../etc/db_schema.xml', import.meta.url));

let schema: DbSchema | undefined;
const cache = new Map<string, ColumnBounds>();

/** A table's lengths, integer ranges and labels from etc/db_schema.xml, read on first use. */
export function schemaBounds(tableName: string): ColumnBounds {
  let bounds = cache.get(tableName);
  if (bounds === undefined) {
    schema ??= DbSchemaReader.readFile(SCHEMA_FILE);
    const table = schema.tables.find((candidate) => candidate.name === tableName);
    if (table === undefined) throw new Error(`${SCHEMA_FILE} declares no ${tableName} table.`);
    bounds = new ColumnBounds(table);
    cache.set(tableName, bounds);
  }
  return bounds;
}
