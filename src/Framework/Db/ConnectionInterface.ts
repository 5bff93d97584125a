/**
 * One connection interface, two adapters (MySQL/MariaDB via mysql2, embedded SQLite via libsql).
 * SQL passed here must run on both: `?` placeholders, no `RETURNING`, no MySQL-only or SQLite-only
 * syntax — use the helper methods (insertOnDuplicate, insertIgnore) where the dialects differ.
 * Dates are written and read as `YYYY-MM-DD HH:MM:SS` UTC strings.
 */
export type SqlValue = string | number | bigint | boolean | null | Buffer;
export type Row = Record<string, unknown>;

export interface WriteResult {
  affectedRows: number;
  /** Auto-increment id of an INSERT, 0 when none. */
  insertId: number;
}

export interface ConnectionInterface {
  readonly platform: 'mysql' | 'sqlite';
  /** Applies the configured table prefix (Magento's `db/table_prefix`). */
  getTableName(name: string): string;
  fetchAll<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  fetchRow<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** First column of the first row, or undefined. */
  fetchOne(sql: string, params?: readonly SqlValue[]): Promise<unknown>;
  execute(sql: string, params?: readonly SqlValue[]): Promise<WriteResult>;
  /** INSERT of one row; table name is un-prefixed. Throws DuplicateKeyException on a key violation. */
  insert(table: string, row: Readonly<Record<string, SqlValue>>): Promise<WriteResult>;
  /** INSERT that silently skips a row violating a unique key; affectedRows tells whether it inserted. */
  insertIgnore(table: string, row: Readonly<Record<string, SqlValue>>): Promise<WriteResult>;
  /** Upsert: on a duplicate key, update `updateColumns` with the new values (Magento's insertOnDuplicate). */
  insertOnDuplicate(
    table: string,
    row: Readonly<Record<string, SqlValue>>,
    updateColumns: readonly string[],
  ): Promise<WriteResult>;
  /** Runs `work` in one transaction on one connection; commits on success, rolls back on throw. */
  transaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T>;
  /** Throws ConnectionException when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
