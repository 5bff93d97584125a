import type { ColumnDefault, SchemaColumn, SchemaTable } from './DbSchema.ts';
import type { DdlGenerator } from './DdlGenerator.ts';
import { objectName } from './ObjectName.ts';

/** Magento installs `general_ci` tables; utf8mb4 so any UTF-8 text fits. */
const DEFAULT_CHARSET = 'utf8mb4';
const DEFAULT_COLLATION = 'utf8mb4_general_ci';

/** CREATE TABLE for MySQL 8 / MariaDB 10.11, InnoDB, everything inline in one statement. */
export class MysqlDdlGenerator implements DdlGenerator {
  createTable(table: SchemaTable, tablePrefix: string): string[] {
    const parts = table.columns.map((c) => this.column(c));
    if (table.primaryKey) parts.push(`PRIMARY KEY (${this.list(table.primaryKey.columns)})`);
    for (const key of table.uniqueKeys) {
      parts.push(`UNIQUE KEY ${id(objectName(tablePrefix, key.referenceId))} (${this.list(key.columns)})`);
    }
    for (const index of table.indexes) {
      const name = id(objectName(tablePrefix, index.referenceId));
      parts.push(
        index.indexType === 'fulltext'
          ? `FULLTEXT KEY ${name} (${this.list(index.columns)})`
          : `KEY ${name} (${this.list(index.columns)}) USING ${index.indexType.toUpperCase()}`,
      );
    }
    for (const fk of table.foreignKeys) {
      parts.push(
        `CONSTRAINT ${id(objectName(tablePrefix, fk.referenceId))} FOREIGN KEY (${id(fk.column)}) ` +
          `REFERENCES ${id(tablePrefix + fk.referenceTable)} (${id(fk.referenceColumn)}) ON DELETE ${fk.onDelete}`,
      );
    }
    const charset = table.charset ?? DEFAULT_CHARSET;
    const collation = table.collation ?? (table.charset ? undefined : DEFAULT_COLLATION);
    const options = [
      `ENGINE=${table.engine === 'memory' ? 'MEMORY' : 'InnoDB'}`,
      `DEFAULT CHARSET=${charset}`,
      ...(collation ? [`COLLATE=${collation}`] : []),
      ...(table.comment !== undefined ? [`COMMENT=${literal(table.comment)}`] : []),
    ];
    return [`CREATE TABLE IF NOT EXISTS ${id(tablePrefix + table.name)} (\n  ${parts.join(',\n  ')}\n) ${options.join(' ')}`];
  }

  private column(column: SchemaColumn): string {
    const parts = [id(column.name), this.type(column)];
    parts.push(column.nullable ? 'NULL' : 'NOT NULL');
    if (column.default) parts.push(`DEFAULT ${this.defaultValue(column.default)}`);
    if (column.onUpdate) parts.push('ON UPDATE CURRENT_TIMESTAMP');
    if (column.identity) parts.push('AUTO_INCREMENT');
    if (column.comment !== undefined) parts.push(`COMMENT ${literal(column.comment)}`);
    return parts.join(' ');
  }

  private type(column: SchemaColumn): string {
    const unsigned = column.unsigned ? ' UNSIGNED' : '';
    switch (column.type) {
      case 'tinyint':
      case 'smallint':
      case 'int':
      case 'bigint':
        return column.type + unsigned;
      case 'boolean':
        return 'tinyint(1)';
      case 'decimal':
        return `decimal(${column.precision ?? 10},${column.scale ?? 0})${unsigned}`;
      case 'float':
      case 'double':
        return (column.precision !== undefined ? `${column.type}(${column.precision},${column.scale ?? 0})` : column.type) + unsigned;
      case 'varchar':
      case 'varbinary':
        return `${column.type}(${column.length ?? 255})`;
      default:
        return column.type;
    }
  }

  private defaultValue(value: ColumnDefault): string {
    if (value.kind === 'null') return 'NULL';
    if (value.kind === 'currentTimestamp') return 'CURRENT_TIMESTAMP';
    return typeof value.value === 'number' ? String(value.value) : literal(value.value);
  }

  private list(columns: readonly string[]): string {
    return columns.map(id).join(', ');
  }
}

function id(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/** A string literal for DDL (no placeholders there). Backslashes escape in MySQL's default sql_mode. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
