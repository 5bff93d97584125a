/**
 * One connection interface, two adapters (MySQL/MariaDB via mysql2, embedded SQLite via libsql).
 * SQL passed here must run on both: `?` placeholders, no `RETURNING`, no MySQL-only or SQLite-only
 * syntax — use the helper methods (insertOnDuplicate, insertIgnore) where the dialects differ.
 * Identifiers may be quoted with backticks in hand-written SQL: SQLite accepts them too.
 * Dates are written and read as `YYYY-MM-DD HH:MM:SS` UTC strings.
 *
 * Values read back have the same shape on both databases: plain objects, integers and decimals as
 * numbers (a BIGINT beyond 2^53 comes back as a string on MySQL), dates as strings, binary as Buffer.
 * Parameters: booleans are sent as 1/0; `undefined` is refused (say `null`).
 */
export type SqlValue = string | number | bigint | boolean | null | Buffer;
export type Row = Record<string, unknown>;

export interface WriteResult {
  /**
   * Rows inserted, updated (matched) or deleted. For insertIgnore 0 means "skipped"; for
   * insertOnDuplicate it is 1 whether the row was inserted or updated (MySQL's 2 is folded to 1).
   */
  affectedRows: number;
  /**
   * Auto-increment id of an INSERT, 0 when none. Meaningful only for tables with an identity
   * column; always 0 for insertOnDuplicate (SQLite cannot tell an insert from an update there) —
   * read the row back by its unique key instead.
   */
  insertId: number;
}

export interface ConnectionInterface {
  readonly platform: 'mysql' | 'sqlite';
  /** Applies the configured table prefix (Magento's `db/table_prefix`). */
  getTableName(name: string): string;
  /** Quotes an identifier for this dialect: `name` on MySQL, "name" on SQLite. */
  quoteIdentifier(name: string): string;
  /** Whether the (un-prefixed) table exists. */
  tableExists(table: string): Promise<boolean>;
  fetchAll<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  fetchRow<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** First column of the first row, or undefined. */
  fetchOne(sql: string, params?: readonly SqlValue[]): Promise<unknown>;
  execute(sql: string, params?: readonly SqlValue[]): Promise<WriteResult>;
  /**
   * INSERT of one row; table name is un-prefixed. Columns whose value is `undefined` are left out,
   * so the column default applies. Throws DuplicateKeyException on a key violation.
   */
  insert(table: string, row: Readonly<Record<string, SqlValue | undefined>>): Promise<WriteResult>;
  /** INSERT that silently skips a row violating a unique key; affectedRows tells whether it inserted. */
  insertIgnore(table: string, row: Readonly<Record<string, SqlValue | undefined>>): Promise<WriteResult>;
  /**
   * Upsert: on a duplicate of any primary or unique key, update `updateColumns` with the new values
   * (Magento's insertOnDuplicate). An empty list updates every column of `row`, as Magento does.
   * No conflict target is needed: MySQL's ON DUPLICATE KEY and SQLite's (>= 3.35) target-less
   * ON CONFLICT DO UPDATE both cover every unique key.
   */
  insertOnDuplicate(
    table: string,
    row: Readonly<Record<string, SqlValue | undefined>>,
    updateColumns: readonly string[],
  ): Promise<WriteResult>;
  /**
   * Runs `work` in one transaction on one connection; commits on success, rolls back on throw.
   * Inside `work`, use only the connection passed to it. Calling `transaction` on that connection
   * nests with a savepoint. On SQLite every other caller waits until the transaction ends.
   */
  transaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T>;
  /** Throws ConnectionException when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
