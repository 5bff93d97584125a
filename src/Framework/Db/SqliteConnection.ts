import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type Database from 'libsql';
import { ConnectionException, DbException } from '../Exception/DbException.ts';
import { AbstractConnection } from './AbstractConnection.ts';
import { AsyncMutex } from './AsyncMutex.ts';
import type { ConnectionInterface, Row, SqlValue, WriteResult } from './ConnectionInterface.ts';
import { normalizeSqlParameters, type BoundValue } from './SqlParameters.ts';
import { translateSqliteError } from './SqliteErrorTranslator.ts';

export interface SqliteConnectionOptions {
  /** Database file (its folder is created), or `:memory:`. */
  path: string;
  /** Magento's `db/table_prefix`. */
  tablePrefix?: string;
  /** How long to wait for another process's write lock (default 5 s). */
  busyTimeoutMs?: number;
}

/** The one libsql handle and the lock that serialises transactions on it. */
interface SharedHandle {
  readonly db: Database.Database;
  readonly mutex: AsyncMutex;
  readonly statements: Map<string, Database.Statement>;
  closed: boolean;
}

interface TransactionState {
  readonly shared: SharedHandle;
  readonly depth: number;
  finished: boolean;
}

/** Prepared statements kept per handle; parsing dominates the cost of small statements. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The driver is loaded when the first database is opened, so a MySQL deployment never loads it and boot
 * stays short (each package costs tens of milliseconds at start-up under tsx).
 */
const requireDriver = createRequire(import.meta.url);
let driver: typeof Database | undefined;
function libsql(): typeof Database {
  return (driver ??= requireDriver('libsql') as typeof Database);
}

/** Which transaction, if any, the current async call chain runs inside. */
const activeTransaction = new AsyncLocalStorage<TransactionState>();

const INSERT_STATEMENT = /^\s*(INSERT|REPLACE)\b/i;

/**
 * Embedded adapter over libsql (a better-sqlite3-compatible, synchronous SQLite binding).
 *
 * One handle is shared by every caller. Plain statements run synchronously, so they never
 * interleave; a transaction spans `await`s, so it holds an async mutex from BEGIN to COMMIT and
 * every other caller waits for it. The connection object handed to the transaction's work bypasses
 * the wait. BEGIN IMMEDIATE takes the write lock up front, so two processes sharing the file queue
 * on busy_timeout instead of failing to upgrade a read lock.
 */
export class SqliteConnection extends AbstractConnection {
  readonly platform = 'sqlite' as const;

  private constructor(
    private readonly shared: SharedHandle,
    private readonly tx: TransactionState | null,
    tablePrefix: string,
  ) {
    super(tablePrefix);
  }

  static open(options: SqliteConnectionOptions): SqliteConnection {
    const memory = options.path === ':memory:';
    let db: Database.Database;
    try {
      if (!memory) mkdirSync(dirname(options.path), { recursive: true });
      const Driver = libsql();
      db = new Driver(options.path);
      if (!memory) db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('foreign_keys = ON');
      // Safe with WAL (a power cut may lose the last commits, never corrupt) and much faster.
      db.pragma('synchronous = NORMAL');
    } catch (error) {
      throw new ConnectionException(`Cannot open the SQLite database "${options.path}".`, { cause: error });
    }
    const shared: SharedHandle = { db, mutex: new AsyncMutex(), statements: new Map(), closed: false };
    return new SqliteConnection(shared, null, options.tablePrefix ?? '');
  }

  async fetchAll<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.run(sql, params, (statement, values) => statement.all(values).map((raw) => toRow(raw) as T));
  }

  /** One native step instead of a row iterator: most lookups are by key and read a single row. */
  override async fetchRow<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.run(sql, params, (statement, values) => {
      const raw: unknown = statement.get(values);
      return raw === undefined || raw === null ? undefined : (toRow(raw) as T);
    });
  }

  async execute(sql: string, params?: readonly SqlValue[]): Promise<WriteResult> {
    return this.run(sql, params, (statement, values) => {
      const info = statement.run(values);
      // lastInsertRowid is the handle's last insert, stale after any other statement.
      const inserted = info.changes > 0 && INSERT_STATEMENT.test(sql);
      return { affectedRows: info.changes, insertId: inserted ? Number(info.lastInsertRowid) : 0 };
    });
  }

  async tableExists(table: string): Promise<boolean> {
    const found = await this.fetchOne("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [
      this.getTableName(table),
    ]);
    return Number(found) > 0;
  }

  async transaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T> {
    this.assertUsable();
    if (this.tx !== null) return this.savepoint(work);
    this.assertNotInOwnTransaction();
    const release = await this.shared.mutex.acquire();
    const state: TransactionState = { shared: this.shared, depth: 0, finished: false };
    try {
      this.assertUsable();
      this.exec('BEGIN IMMEDIATE');
      try {
        const result = await activeTransaction.run(state, () => work(new SqliteConnection(this.shared, state, this.tablePrefix)));
        this.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
        if (this.shared.db.inTransaction) {
          try {
            this.shared.db.exec('ROLLBACK');
          } catch {
            // Nothing more can be done; the original error is the one worth reporting.
          }
        }
        throw error;
      }
    } finally {
      state.finished = true;
      release();
    }
  }

  async ping(): Promise<void> {
    await this.fetchOne('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.tx !== null) throw new DbException('close() belongs to the root connection, not to a transaction.');
    if (this.shared.closed) return;
    const release = await this.shared.mutex.acquire();
    try {
      if (!this.shared.closed) {
        this.shared.closed = true;
        this.shared.statements.clear();
        this.shared.db.close();
      }
    } finally {
      release();
    }
  }

  private async savepoint<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T> {
    const parent = this.tx as TransactionState;
    const state: TransactionState = { shared: this.shared, depth: parent.depth + 1, finished: false };
    const name = `lac_sp_${state.depth}`;
    this.exec(`SAVEPOINT ${name}`);
    try {
      const result = await activeTransaction.run(state, () => work(new SqliteConnection(this.shared, state, this.tablePrefix)));
      this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      this.exec(`RELEASE SAVEPOINT ${name}`);
      throw error;
    } finally {
      state.finished = true;
    }
  }

  private async run<T>(
    sql: string,
    params: readonly SqlValue[] | undefined,
    operation: (statement: Database.Statement, values: BoundValue[]) => T,
  ): Promise<T> {
    this.assertUsable();
    const values = normalizeSqlParameters(params);
    if (this.tx === null) {
      this.assertNotInOwnTransaction();
      if (this.shared.mutex.isLocked()) {
        const release = await this.shared.mutex.acquire();
        try {
          return this.runNow(sql, values, operation);
        } finally {
          release();
        }
      }
    }
    return this.runNow(sql, values, operation);
  }

  private runNow<T>(
    sql: string,
    values: BoundValue[],
    operation: (statement: Database.Statement, values: BoundValue[]) => T,
  ): T {
    this.assertUsable();
    try {
      return operation(this.prepare(sql), values);
    } catch (error) {
      throw translateSqliteError(error, values);
    }
  }

  private prepare(sql: string): Database.Statement {
    const cache = this.shared.statements;
    const cached = cache.get(sql);
    if (cached) return cached;
    const statement = this.shared.db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(sql, statement);
    return statement;
  }

  private exec(sql: string): void {
    try {
      this.shared.db.exec(sql);
    } catch (error) {
      throw translateSqliteError(error);
    }
  }

  private assertUsable(): void {
    if (this.shared.closed) throw new ConnectionException('The SQLite connection is closed.');
    if (this.tx?.finished) {
      throw new DbException('This transaction has already ended; use the connection passed to transaction() only inside it.');
    }
  }

  /**
   * Using the outer connection inside a transaction's work would wait for the transaction to end,
   * which waits for the work: a silent deadlock. Fail loudly instead.
   */
  private assertNotInOwnTransaction(): void {
    const active = activeTransaction.getStore();
    if (active !== undefined && !active.finished && active.shared === this.shared) {
      throw new DbException('Inside transaction(), use the connection passed to the callback, not the outer one.');
    }
  }
}

/** libsql adds an enumerable `_metadata` to rows and returns BLOBs as ArrayBuffer. */
function toRow(raw: unknown): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '_metadata') continue;
    row[key] = value instanceof ArrayBuffer ? Buffer.from(value) : value;
  }
  return row;
}
