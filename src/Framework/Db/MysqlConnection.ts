import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import type * as Mysql2 from 'mysql2';
import type { PoolConnection as CorePoolConnection } from 'mysql2';
import type { Pool, PoolConnection, QueryResult, ResultSetHeader } from 'mysql2/promise';
import { ConnectionException, DbException, DeadlockException } from '../Exception/DbException.ts';
import { AbstractConnection } from './AbstractConnection.ts';
import type { ConnectionInterface, Row, SqlValue, WriteResult } from './ConnectionInterface.ts';
import { translateMysqlError } from './MysqlErrorTranslator.ts';
import { normalizeSqlParameters, type BoundValue } from './SqlParameters.ts';

/** Discrete settings, as Magento's env.php `db/connection/default` gives them. */
export interface MysqlConnectionConfig {
  host?: string;
  port?: number;
  /** Unix socket; wins over host/port. */
  socketPath?: string;
  user: string;
  password?: string;
  database: string;
  /** Magento's `db/table_prefix`. */
  tablePrefix?: string;
  connectionLimit?: number;
  /** Give up connecting after this long (default 5 s) so a dead server fails fast. */
  connectTimeoutMs?: number;
  /** Give up on any one statement after this long (default 30 s); mysql2 then drops that connection. */
  queryTimeoutMs?: number;
}

/** Options that a URL does not carry. */
export type MysqlConnectionOptions = Omit<MysqlConnectionConfig, 'host' | 'port' | 'socketPath' | 'user' | 'password' | 'database'>;

/**
 * The SQL mode of every pooled connection, set whole so behaviour never depends on the server's default:
 * - STRICT_ALL_TABLES: a value that does not fit its column (too long, out of range, not a date) fails the
 *   statement instead of being silently truncated or clamped. Magento runs with `SQL_MODE=''` (Pdo\Mysql
 *   `_connect`) and so stores a clamped id or a cut-off name; here services validate first with Magento's
 *   messages, and anything missed becomes a 400 at the driver boundary (InvalidValueException), never a wrong row.
 * - ERROR_FOR_DIVISION_BY_ZERO, NO_ENGINE_SUBSTITUTION: MySQL's defaults.
 * - NO_AUTO_VALUE_ON_ZERO: an explicit 0 in an identity column stays 0 (Magento's admin website/store rows have
 *   id 0; SQLite behaves this way natively).
 * Left out on purpose: ANSI_QUOTES and NO_BACKSLASH_ESCAPES (mysql2 quotes values client-side with backslash
 * escapes and our SQL quotes identifiers with backticks), ONLY_FULL_GROUP_BY and NO_ZERO_DATE (server-specific).
 */
export const SQL_MODE = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO';

/** Session settings for every pooled connection: UTC so `YYYY-MM-DD HH:MM:SS` values mean UTC like on SQLite, and SQL_MODE. */
const SESSION_INIT = `SET time_zone = '+00:00', sql_mode = '${SQL_MODE}'`;

/**
 * How often a deadlock victim is run again. Concurrent writers of small tables without a usable index
 * (Magento's `login_as_customer` is deleted by admin_id, which it does not index) deadlock now and then
 * under InnoDB's next-key locking; the victim is rolled back whole and re-running it is safe.
 */
const DEADLOCK_ATTEMPTS = 5;

/**
 * mysql2 is loaded when the first pool is created, so the embedded mode never loads it: it is the
 * heaviest package at start-up (~150 ms under tsx).
 */
const requireDriver = createRequire(import.meta.url);
let driver: typeof Mysql2 | undefined;
function mysql2(): typeof Mysql2 {
  return (driver ??= requireDriver('mysql2') as typeof Mysql2);
}

/** The one pooled connection a transaction (and its savepoints) runs on. */
interface Lease {
  readonly connection: PoolConnection;
  /** It failed at the connection level and was destroyed: no ROLLBACK, no release. */
  broken: boolean;
}

interface TransactionState {
  readonly lease: Lease;
  readonly depth: number;
  finished: boolean;
}

/** MySQL / MariaDB adapter over a mysql2 pool. */
export class MysqlConnection extends AbstractConnection {
  readonly platform = 'mysql' as const;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    /** Null outside a transaction. */
    private readonly tx: TransactionState | null,
    tablePrefix: string,
    private readonly queryTimeoutMs: number,
  ) {
    super(tablePrefix);
  }

  static create(config: MysqlConnectionConfig): MysqlConnection {
    const core = mysql2().createPool({
      ...(config.socketPath ? { socketPath: config.socketPath } : { host: config.host ?? '127.0.0.1', port: config.port ?? 3306 }),
      user: config.user,
      password: config.password ?? '',
      database: config.database,
      connectionLimit: config.connectionLimit ?? 10,
      connectTimeout: config.connectTimeoutMs ?? 5000,
      charset: 'utf8mb4_general_ci',
      dateStrings: true,
      timezone: 'Z',
      supportBigNumbers: true,
      // Numbers like SQLite returns them; DECIMAL as a string would make the two dialects differ.
      decimalNumbers: true,
      enableKeepAlive: true,
      idleTimeout: 60_000,
      multipleStatements: false,
      // mysql2 otherwise captures a stack trace on every query (~3% of a request's CPU in profiles) to show
      // the caller on errors; translateMysqlError's exception already carries our call site.
      trace: false,
    });
    core.on('connection', (connection: CorePoolConnection) => {
      connection.query(SESSION_INIT, (error: unknown) => {
        // A connection without UTC/sql_mode would return wrong dates: drop it; the caller's query
        // on it then fails as a ConnectionException and the pool opens a fresh one next time.
        if (error) connection.destroy();
      });
    });
    const pool = core.promise();
    return new MysqlConnection(pool, null, config.tablePrefix ?? '', config.queryTimeoutMs ?? 30_000);
  }

  /** `mysql://user:pass@host:port/db` (user and password URL-decoded; `?socket=/path` for a unix socket). */
  static fromUrl(url: string, options: MysqlConnectionOptions = {}): MysqlConnection {
    return MysqlConnection.create({ ...MysqlConnection.configFromUrl(url), ...options });
  }

  static configFromUrl(url: string): MysqlConnectionConfig {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (error) {
      // Never echo the URL: it holds the password.
      throw new DbException('Invalid MySQL connection URL.', { cause: error });
    }
    if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
      throw new DbException(`Unsupported database URL scheme "${parsed.protocol}" (expected mysql:).`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (database === '') throw new DbException('The MySQL connection URL names no database (mysql://user:pass@host:port/<database>).');
    const socketPath = parsed.searchParams.get('socket') ?? undefined;
    const prefix = parsed.searchParams.get('table_prefix') ?? undefined;
    return {
      host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      ...(socketPath ? { socketPath } : {}),
      ...(prefix ? { tablePrefix: prefix } : {}),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }

  /**
   * Magento's env.php `host` may be `name`, `name:port`, a socket path, or `name:/socket/path`.
   */
  static hostFromMagento(host: string): Pick<MysqlConnectionConfig, 'host' | 'port' | 'socketPath'> {
    if (host.startsWith('/')) return { socketPath: host };
    const unbracket = (name: string): string => name.replace(/^\[(.*)\]$/, '$1');
    const colon = host.lastIndexOf(':');
    // A bare IPv6 address has several colons and no port; a bracketed one may carry a port.
    if (colon > 0 && (host.indexOf(':') === colon || host.startsWith('['))) {
      const name = host.slice(0, colon);
      const rest = host.slice(colon + 1);
      if (rest.startsWith('/')) return { socketPath: rest };
      if (/^\d+$/.test(rest) && (!host.startsWith('[') || name.endsWith(']'))) return { host: unbracket(name), port: Number(rest) };
    }
    return { host: unbracket(host) };
  }

  async fetchAll<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const result = await this.query(sql, params);
    return Array.isArray(result) ? (result as T[]) : [];
  }

  async execute(sql: string, params?: readonly SqlValue[]): Promise<WriteResult> {
    const result = await this.query(sql, params);
    if (Array.isArray(result)) return { affectedRows: 0, insertId: 0 };
    const header = result as ResultSetHeader;
    return { affectedRows: header.affectedRows, insertId: Number(header.insertId) || 0 };
  }

  async tableExists(table: string): Promise<boolean> {
    const found = await this.fetchOne(
      'SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      [this.getTableName(table)],
    );
    return Number(found) > 0;
  }

  async transaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T> {
    this.assertUsable();
    if (this.tx !== null) return this.savepoint(work, this.tx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runTransaction(work);
      } catch (error) {
        // InnoDB has already rolled the whole transaction back; `work` only talks to the database.
        if (!(error instanceof DeadlockException) || attempt >= DEADLOCK_ATTEMPTS) throw error;
      }
    }
  }

  private async runTransaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T> {
    const lease: Lease = { connection: await this.acquire(), broken: false };
    const state: TransactionState = { lease, depth: 0, finished: false };
    const txConnection = new MysqlConnection(this.pool, state, this.tablePrefix, this.queryTimeoutMs);
    try {
      await txConnection.execute('START TRANSACTION');
      const result = await work(txConnection);
      await txConnection.execute('COMMIT');
      return result;
    } catch (error) {
      if (!lease.broken) {
        try {
          await txConnection.execute('ROLLBACK');
        } catch {
          // The connection is in an unknown state: never hand it back to the pool.
          if (!lease.broken) {
            lease.broken = true;
            discard(lease.connection);
          }
        }
      }
      throw error;
    } finally {
      state.finished = true;
      if (!lease.broken) lease.connection.release();
    }
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.tx !== null) throw new DbException('close() belongs to the root connection, not to a transaction.');
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async savepoint<T>(work: (connection: ConnectionInterface) => Promise<T>, parent: TransactionState): Promise<T> {
    const state: TransactionState = { lease: parent.lease, depth: parent.depth + 1, finished: false };
    const name = `lac_sp_${state.depth}`;
    await this.execute(`SAVEPOINT ${name}`);
    try {
      const result = await work(new MysqlConnection(this.pool, state, this.tablePrefix, this.queryTimeoutMs));
      await this.execute(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      // A lost connection cannot roll back, and a deadlock took the savepoint with the whole transaction;
      // either way the outer transaction reports it.
      if (!state.lease.broken && !(error instanceof DeadlockException)) await this.execute(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    } finally {
      state.finished = true;
    }
  }

  private async query(sql: string, params: readonly SqlValue[] | undefined): Promise<QueryResult> {
    this.assertUsable();
    const values = normalizeSqlParameters(params);
    if (this.tx !== null) return this.queryOn(this.tx.lease.connection, sql, values);
    for (let attempt = 1; ; attempt++) {
      const connection = await this.acquire();
      try {
        const result = await this.queryOn(connection, sql, values);
        connection.release();
        return result;
      } catch (error) {
        // An autocommit statement chosen as a deadlock victim was rolled back entirely: run it again.
        if (!(error instanceof DeadlockException) || attempt >= DEADLOCK_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Runs one statement under our own timeout. On a connection-level failure or a timeout the
   * connection is destroyed rather than returned to the pool, so the next caller gets a fresh one
   * and an abandoned statement never blocks it. (mysql2's own `timeout` option leaves the connection
   * busy and its timer running after the connection dies, which kept processes alive.)
   */
  private async queryOn(connection: PoolConnection, sql: string, values: BoundValue[]): Promise<QueryResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        discard(connection);
        reject(new ConnectionException(`The database did not answer within ${this.queryTimeoutMs} ms.`));
      }, this.queryTimeoutMs);
      timer.unref();
    });
    const running = connection.query<QueryResult>({ sql, values });
    // After a timeout the statement's own failure arrives late; it has nobody left to tell.
    running.catch(() => undefined);
    try {
      const [result] = await Promise.race([running, timeout]);
      return result;
    } catch (error) {
      const translated = translateMysqlError(error, values);
      if (translated instanceof ConnectionException) {
        discard(connection);
        if (this.tx !== null) this.tx.lease.broken = true;
      } else if (this.tx === null) {
        connection.release();
      }
      throw translated;
    } finally {
      clearTimeout(timer);
    }
  }

  private async acquire(): Promise<PoolConnection> {
    try {
      return await this.pool.getConnection();
    } catch (error) {
      throw translateMysqlError(error);
    }
  }

  private assertUsable(): void {
    if (this.closed) throw new ConnectionException('The MySQL connection pool is closed.');
    if (this.tx?.finished) {
      throw new DbException('This transaction has already ended; use the connection passed to transaction() only inside it.');
    }
  }
}

/**
 * Takes a connection out of the pool and closes its socket at once. mysql2's destroy() only ends
 * the socket politely, so a server still busy with an abandoned statement (or one that vanished
 * without closing) would keep it, and the process, alive.
 */
function discard(connection: PoolConnection): void {
  connection.destroy();
  const socket: unknown = (connection.connection as unknown as { stream?: unknown }).stream;
  if (socket instanceof Socket) socket.destroy();
}
