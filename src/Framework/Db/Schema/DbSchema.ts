/**
 * Magento's declarative schema (`etc/db_schema.xml`) as frozen, typed values. Attribute names
 * follow Magento's; defaults are applied by the reader (nullable true, unsigned false, identity
 * false, varchar length 255, decimal 10,0, foreign key onDelete CASCADE).
 */
export type IntegerColumnType = 'tinyint' | 'smallint' | 'int' | 'bigint';
export type ColumnType =
  | IntegerColumnType
  | 'boolean'
  | 'decimal'
  | 'float'
  | 'double'
  | 'varchar'
  | 'varbinary'
  | 'text'
  | 'mediumtext'
  | 'longtext'
  | 'blob'
  | 'mediumblob'
  | 'longblob'
  | 'date'
  | 'datetime'
  | 'timestamp';

export type ColumnDefault =
  | { readonly kind: 'null' }
  | { readonly kind: 'currentTimestamp' }
  | { readonly kind: 'literal'; readonly value: string | number };

export interface SchemaColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly unsigned: boolean;
  readonly identity: boolean;
  /** varchar / varbinary. */
  readonly length?: number;
  /** decimal / float / double. */
  readonly precision?: number;
  readonly scale?: number;
  readonly default?: ColumnDefault;
  /** timestamp / datetime: `ON UPDATE CURRENT_TIMESTAMP`. */
  readonly onUpdate: boolean;
  readonly comment?: string;
}

export interface SchemaKey {
  readonly referenceId: string;
  readonly columns: readonly string[];
}

export type ForeignKeyAction = 'CASCADE' | 'SET NULL' | 'NO ACTION';

export interface SchemaForeignKey {
  readonly referenceId: string;
  readonly column: string;
  readonly referenceTable: string;
  readonly referenceColumn: string;
  readonly onDelete: ForeignKeyAction;
}

export interface SchemaIndex {
  readonly referenceId: string;
  readonly indexType: 'btree' | 'hash' | 'fulltext';
  readonly columns: readonly string[];
}

export interface SchemaTable {
  readonly name: string;
  readonly resource: string;
  readonly engine: 'innodb' | 'memory';
  readonly comment?: string;
  readonly charset?: string;
  readonly collation?: string;
  readonly columns: readonly SchemaColumn[];
  readonly primaryKey?: SchemaKey;
  readonly uniqueKeys: readonly SchemaKey[];
  readonly foreignKeys: readonly SchemaForeignKey[];
  readonly indexes: readonly SchemaIndex[];
}

export interface DbSchema {
  /** The file it was read from, for messages. */
  readonly file: string;
  /** In file order; SchemaInstaller orders them by foreign-key dependency. */
  readonly tables: readonly SchemaTable[];
}
