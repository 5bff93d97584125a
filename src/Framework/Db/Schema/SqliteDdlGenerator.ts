import type { ColumnDefault, SchemaColumn, SchemaTable } from './DbSchema.ts';
import type { DdlGenerator } from './DdlGenerator.ts';
import { objectName } from './ObjectName.ts';

/**
 * CREATE TABLE for SQLite, shaped to behave like the MySQL table:
 * - an identity column is `INTEGER PRIMARY KEY AUTOINCREMENT` (ids never reused, as InnoDB);
 * - text columns are `COLLATE NOCASE`, because Magento's `*_general_ci` tables compare and enforce
 *   unique keys case-insensitively (an e-mail unique key must reject `A@x` next to `a@x`);
 * - `on_update` timestamps get a trigger that sets CURRENT_TIMESTAMP when another column changes
 *   and the statement did not set the timestamp itself, which is what MySQL does.
 * Indexes are separate statements; their names carry the table prefix since SQLite index names
 * are unique per database.
 */
export class SqliteDdlGenerator implements DdlGenerator {
  createTable(table: SchemaTable, tablePrefix: string): string[] {
    const tableName = tablePrefix + table.name;
    const parts = table.columns.map((c) => this.column(c));
    if (table.primaryKey && !table.columns.some((c) => c.identity)) {
      parts.push(`PRIMARY KEY (${list(table.primaryKey.columns)})`);
    }
    for (const key of table.uniqueKeys) {
      parts.push(`CONSTRAINT ${id(objectName(tablePrefix, key.referenceId))} UNIQUE (${list(key.columns)})`);
    }
    for (const fk of table.foreignKeys) {
      parts.push(
        `CONSTRAINT ${id(objectName(tablePrefix, fk.referenceId))} FOREIGN KEY (${id(fk.column)}) ` +
          `REFERENCES ${id(tablePrefix + fk.referenceTable)} (${id(fk.referenceColumn)}) ON DELETE ${fk.onDelete}`,
      );
    }
    const statements = [`CREATE TABLE IF NOT EXISTS ${id(tableName)} (\n  ${parts.join(',\n  ')}\n)`];
    for (const index of table.indexes) {
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${id(objectName(tablePrefix, index.referenceId))} ON ${id(tableName)} (${list(index.columns)})`,
      );
    }
    for (const column of table.columns.filter((c) => c.onUpdate)) {
      const others = table.columns.filter((c) => c.name !== column.name);
      const changed = others.map((c) => `NEW.${id(c.name)} IS NOT OLD.${id(c.name)}`).join(' OR ');
      statements.push(
        `CREATE TRIGGER IF NOT EXISTS ${id(objectName(tablePrefix, `${table.name}_${column.name}_on_update`))} ` +
          `AFTER UPDATE ON ${id(tableName)} FOR EACH ROW ` +
          `WHEN NEW.${id(column.name)} IS OLD.${id(column.name)}${changed ? ` AND (${changed})` : ''} ` +
          `BEGIN UPDATE ${id(tableName)} SET ${id(column.name)} = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid; END`,
      );
    }
    return statements;
  }

  private column(column: SchemaColumn): string {
    if (column.identity) return `${id(column.name)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`;
    const parts = [id(column.name), this.type(column)];
    if (!column.nullable) parts.push('NOT NULL');
    if (column.default) parts.push(`DEFAULT ${this.defaultValue(column.default)}`);
    return parts.join(' ');
  }

  private type(column: SchemaColumn): string {
    switch (column.type) {
      case 'tinyint':
      case 'smallint':
      case 'int':
      case 'bigint':
      case 'boolean':
        return 'INTEGER';
      case 'decimal':
        return `DECIMAL(${column.precision ?? 10},${column.scale ?? 0})`;
      case 'float':
      case 'double':
        return 'REAL';
      case 'varchar':
        return `VARCHAR(${column.length ?? 255}) COLLATE NOCASE`;
      case 'text':
      case 'mediumtext':
      case 'longtext':
        return 'TEXT COLLATE NOCASE';
      case 'varbinary':
      case 'blob':
      case 'mediumblob':
      case 'longblob':
        return 'BLOB';
      case 'date':
        return 'DATE';
      case 'datetime':
        return 'DATETIME';
      case 'timestamp':
        return 'TIMESTAMP';
    }
  }

  private defaultValue(value: ColumnDefault): string {
    if (value.kind === 'null') return 'NULL';
    if (value.kind === 'currentTimestamp') return 'CURRENT_TIMESTAMP';
    return typeof value.value === 'number' ? String(value.value) : `'${value.value.replace(/'/g, "''")}'`;
  }
}

function id(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

function list(columns: readonly string[]): string {
  return columns.map(id).join(', ');
}
