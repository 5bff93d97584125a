import { createHash } from 'node:crypto';

const MAX_LENGTH = 64;

/**
 * Name of an index, key, foreign key or trigger in the database: the table prefix plus the schema's
 * referenceId. The prefix matters because SQLite index names and MySQL foreign key names are unique
 * per database, not per table, so two prefixes in one database must not collide. Names over
 * MySQL's 64-character limit keep their start and end in a hash, as Magento shortens them.
 */
export function objectName(prefix: string, name: string): string {
  const full = prefix + name;
  if (full.length <= MAX_LENGTH) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 16);
  return `${full.slice(0, MAX_LENGTH - hash.length - 1)}_${hash}`;
}
