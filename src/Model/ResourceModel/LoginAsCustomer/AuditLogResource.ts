import { inject, injectable } from 'inversify';
import type { LogEntry, LogEvent, LogOperation, LogOutcome } from '../../../Api/LoginAsCustomer/Data/LogInterface.ts';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { SearchCriteria } from '../../../Framework/Api/SearchCriteria.ts';
import { buildSearchCriteriaSql } from '../../../Framework/Db/SearchCriteriaQuery.ts';
import { formatDbDate, SystemClock, type Clock } from '../../../Framework/Stdlib/Clock.ts';
import { schemaBounds } from '../Setup/SchemaBounds.ts';

/** An audit row as written; `secret_hash` never leaves this layer except for lookups. */
export interface AuditLogRow {
  time: string;
  event: LogEvent;
  operation: LogOperation;
  outcome: LogOutcome;
  rejection_reason: string | null;
  reason: string | null;
  user_id: number | null;
  user_name: string | null;
  customer_id: number | null;
  customer_email: string | null;
  store_id: number | null;
  caller_user_type: number | null;
  caller_user_id: number | null;
  caller_ip: string | null;
  user_agent: string | null;
  secret_hash: string | null;
  secret_expires_at: string | null;
  token_expires_at: string | null;
}

/** What generation recorded about one of our secrets. */
export interface GeneratedSecretRecord {
  admin_id: number;
  customer_id: number;
  store_id: number | null;
}

const TABLE = 'login_as_customer_audit_log';
/** One row (counter_id 1): how many entries have log_id <= counted_through. */
const COUNT_TABLE = 'login_as_customer_audit_log_count';
/** countAll moves the mark forward itself once this many entries lie beyond it. */
const COUNT_ADVANCE_AT = 2_000;
/** A search moves the mark at most this often per instance. */
const ADVANCE_RETRY_MS = 10_000;
/**
 * MySQL: how old (by its `time`) the newest entry under a new mark must be. InnoDB hands out an
 * auto-increment id and inserts its row within one statement, but not atomically, so an id below the mark
 * could otherwise still be on its way in; a minute is far beyond that gap, with the instances' clock skew
 * (CLOCK_SKEW_SECONDS) on top. SQLite writes under one lock, which advanceCount holds: no wait needed.
 */
const COUNT_SETTLE_SECONDS_MYSQL = 60;

const COLUMNS = [
  'log_id', 'time', 'event', 'operation', 'outcome', 'rejection_reason', 'reason', 'user_id', 'user_name', 'customer_id',
  'customer_email', 'store_id', 'caller_user_type', 'caller_user_id', 'caller_ip', 'user_agent', 'secret_expires_at',
  'token_expires_at',
] as const;

const TEXT_LIMITS: Readonly<Record<string, number>> = {
  rejection_reason: 64,
  reason: 255,
  user_name: 40,
  customer_email: 255,
  caller_ip: 45,
  user_agent: 255,
};

const INTEGER_COLUMNS = new Set(['log_id', 'user_id', 'customer_id', 'store_id', 'caller_user_type', 'caller_user_id']);

/** Every SQL statement on this service's Login as Customer audit table `login_as_customer_audit_log`. */
@injectable()
export class AuditLogResource {
  /** When this instance last moved the count's mark from a search (a pace, not state anything relies on). */
  private lastAdvance = -Infinity;

  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(TYPES.Clock) private readonly clock: Clock = new SystemClock(),
  ) {}

  /** `db`: a transaction to write in (default: this resource's connection). */
  async insert(row: AuditLogRow, db: ConnectionInterface = this.db): Promise<void> {
    const values: Record<string, SqlValue> = {};
    const bounds = schemaBounds(TABLE);
    for (const [key, value] of Object.entries(row) as Array<[string, SqlValue]>) {
      const limit = TEXT_LIMITS[key];
      if (limit !== undefined && typeof value === 'string') values[key] = [...value].slice(0, limit).join('');
      // A refusal is audited with the ids the caller sent; one no row can hold (-1, 2^32) is recorded as unknown
      // rather than failing the audit write and turning the refusal into another answer.
      else if (typeof value === 'number' && INTEGER_COLUMNS.has(key) && !bounds.fitsRange(key, value)) values[key] = null;
      else values[key] = value;
    }
    await db.insert(TABLE, values);
  }

  /** The successful `generated` entry of a secret, by the secret's HMAC. */
  async findGenerated(secretHash: string): Promise<GeneratedSecretRecord | undefined> {
    const row = await this.db.fetchRow(
      `SELECT user_id, customer_id, store_id FROM ${this.db.getTableName(TABLE)} WHERE secret_hash = ? AND event = ? AND outcome = ? ORDER BY log_id LIMIT 1`,
      [secretHash, 'generated', 'success'],
    );
    if (row === undefined) return undefined;
    return {
      admin_id: Number(row.user_id),
      customer_id: Number(row.customer_id),
      store_id: row.store_id === null ? null : Number(row.store_id),
    };
  }

  /**
   * Customers for whom the admin obtained a token by exchange that may still be valid (it expires after
   * `now`) and whose session has not been ended since.
   */
  async findLiveExchanges(adminId: number, now: string, customerId?: number): Promise<number[]> {
    const t = this.db.getTableName(TABLE);
    const params: SqlValue[] = [adminId, 'exchanged', 'success', now];
    let sql =
      `SELECT e.customer_id FROM ${t} e WHERE e.user_id = ? AND e.event = ? AND e.outcome = ? AND e.token_expires_at > ?` +
      ` AND NOT EXISTS (SELECT 1 FROM ${t} x WHERE x.user_id = e.user_id AND x.customer_id = e.customer_id` +
      ` AND x.event = ? AND x.log_id > e.log_id)`;
    params.push('ended');
    if (customerId !== undefined) {
      sql += ' AND e.customer_id = ?';
      params.push(customerId);
    }
    sql += ' GROUP BY e.customer_id ORDER BY e.customer_id';
    const rows = await this.db.fetchAll(sql, params);
    return rows.map((r) => Number(r.customer_id));
  }

  /**
   * Magento searchCriteria over the audit table; every column of the entry may be filtered and sorted
   * on. Sorted by log_id after the requested orders (in the direction of the last one, so `time DESC`
   * walks the time index backwards), so pages are stable.
   *
   * Flat at millions of rows: without filters the exact total comes from the maintained count (see
   * {@link countAll}), not from COUNT(*); a page past the middle is read from the other end of the index
   * (reversed orders, offset from the end) and turned around, so the latest page of the default order
   * costs what the first one costs. Count and page then run in one transaction: one snapshot, so the
   * offset from the end names the same rows the offset from the start would.
   */
  async search(criteria: SearchCriteria | undefined): Promise<{ items: LogEntry[]; total: number }> {
    const columns: Record<string, string> = {};
    for (const c of COLUMNS) columns[c] = this.db.quoteIdentifier(c);
    const sql = buildSearchCriteriaSql(criteria, columns);
    // As every search route sorts (SearchCriteriaQuery: no field → skipped, no direction → descending).
    const orders = [...sql.sortOrders];
    const logId = this.db.quoteIdentifier('log_id');
    if (!orders.some((o) => o.column === logId)) orders.push({ column: logId, desc: orders.at(-1)?.desc ?? false });

    const run = async (db: ConnectionInterface, total: number) => {
      const t = db.getTableName(TABLE);
      const where = sql.where ? ` ${sql.where}` : '';
      const page = pageWindow(sql.pageSize, sql.currentPage, total);
      const fromEnd = page !== undefined && page.offset > total / 2;
      const orderBy = orders.map((o) => `${o.column} ${o.desc !== fromEnd ? 'DESC' : 'ASC'}`).join(', ');
      let limit = '';
      if (page !== undefined) {
        limit = fromEnd
          ? ` LIMIT ${Math.max(0, Math.min(page.size, total - page.offset))} OFFSET ${Math.max(0, total - page.offset - page.size)}`
          : ` LIMIT ${page.size} OFFSET ${page.offset}`;
      }
      const rows = await db.fetchAll(`SELECT ${Object.values(columns).join(', ')} FROM ${t}${where} ORDER BY ${orderBy}${limit}`, sql.whereParams);
      if (fromEnd) rows.reverse();
      return rows.map(toLogEntry);
    };
    const count = (db: ConnectionInterface) => (sql.where ? this.countWhere(db, sql.where, sql.whereParams) : this.countAll(db));

    const total = await count(this.db);
    const page = pageWindow(sql.pageSize, sql.currentPage, total);
    if (page === undefined || page.offset <= total / 2) return { items: await run(this.db, total), total };
    // Deep page: count again inside the transaction, so the offset from the end fits the rows read.
    return this.db.transaction(async (tx) => {
      const inSnapshot = await count(tx);
      return { items: await run(tx, inSnapshot), total: inSnapshot };
    });
  }

  private async countWhere(db: ConnectionInterface, where: string, params: readonly SqlValue[]): Promise<number> {
    return Number(await db.fetchOne(`SELECT COUNT(*) AS cnt FROM ${db.getTableName(TABLE)} ${where}`, params));
  }

  /**
   * The exact number of audit entries, in one statement (one snapshot): the count kept in
   * `login_as_customer_audit_log_count` for the entries up to its `counted_through` id, plus a COUNT(*)
   * of the newer ones over the primary key. The newer range stays short because {@link advanceCount}
   * moves the mark forward (the cleanup cron and this method when the range has grown past
   * COUNT_ADVANCE_AT); inserting an entry costs nothing extra.
   */
  async countAll(db: ConnectionInterface = this.db): Promise<number> {
    const t = db.getTableName(TABLE);
    const c = db.getTableName(COUNT_TABLE);
    const row = await db.fetchRow(
      `SELECT (SELECT row_count FROM ${c} WHERE counter_id = 1) AS counted, ` +
        `(SELECT COUNT(*) FROM ${t} WHERE log_id > COALESCE((SELECT counted_through FROM ${c} WHERE counter_id = 1), 0)) AS recent`,
    );
    const counted = row?.counted === null || row?.counted === undefined ? 0 : Number(row.counted);
    const recent = Number(row?.recent ?? 0);
    // Entries written in the last minute cannot be folded in yet (MySQL), so a burst leaves many beyond the
    // mark for a while: try again only every ADVANCE_RETRY_MS, not on every search.
    const now = this.clock.now();
    if (recent >= COUNT_ADVANCE_AT && db === this.db && Math.abs(now - this.lastAdvance) >= ADVANCE_RETRY_MS) {
      this.lastAdvance = now;
      await this.advanceCount();
    }
    return counted + recent;
  }

  /**
   * Moves the count's mark to the newest entry written before `before` (`YYYY-MM-DD HH:MM:SS`), adding
   * the entries in between to the kept count. Entries are never inserted below an id already visible
   * once their statement is a minute old (MySQL; SQLite inserts under the lock this step holds), and the
   * locking read waits for any transaction still holding
   * an uncommitted entry in the range, so the kept count is exact. Safe on several instances at once:
   * the counter row is locked for the whole step. Returns how many entries were added.
   */
  async advanceCount(before: string = this.lastInsertBefore()): Promise<number> {
    const c = this.db.getTableName(COUNT_TABLE);
    await this.db.insertIgnore(COUNT_TABLE, { counter_id: 1, counted_through: 0, row_count: 0 });
    return this.db.transaction(async (tx) => {
      const t = tx.getTableName(TABLE);
      const lock = tx.platform === 'mysql' ? ' FOR UPDATE' : '';
      const mark = Number(await tx.fetchOne(`SELECT counted_through FROM ${c} WHERE counter_id = 1${lock}`));
      const target = await tx.fetchOne(`SELECT log_id FROM ${t} WHERE ${tx.quoteIdentifier('time')} < ? ORDER BY ${tx.quoteIdentifier('time')} DESC, log_id DESC LIMIT 1`, [before]);
      if (target === undefined || Number(target) <= mark) return 0;
      const share = tx.platform === 'mysql' ? ' LOCK IN SHARE MODE' : '';
      const added = Number(await tx.fetchOne(`SELECT COUNT(*) FROM ${t} WHERE log_id > ? AND log_id <= ?${share}`, [mark, Number(target)]));
      await tx.execute(`UPDATE ${c} SET counted_through = ?, row_count = row_count + ? WHERE counter_id = 1`, [Number(target), added]);
      return added;
    });
  }

  /**
   * Retention: deletes entries written before `before`, oldest first, in batches, keeping every entry
   * from the oldest one a running check still reads (an exchange whose token has not expired at `now`,
   * a generation whose secret has not) — the `ended` entries after it included. Only entries already in
   * the kept count are deleted, and the count is lowered in the same transaction. Returns how many.
   */
  async deleteBefore(before: string, now: string, batchSize = 5000): Promise<number> {
    await this.advanceCount(before);
    const c = this.db.getTableName(COUNT_TABLE);
    const t = this.db.getTableName(TABLE);
    const time = this.db.quoteIdentifier('time');
    const keepFrom = await this.db.fetchOne(
      `SELECT MIN(log_id) FROM ${t} WHERE ${time} < ? AND outcome = 'success' AND ` +
        `((event = 'exchanged' AND token_expires_at > ?) OR (event = 'generated' AND secret_expires_at > ?))`,
      [before, now, now],
    );
    const bound = keepFrom === null || keepFrom === undefined ? Number.MAX_SAFE_INTEGER : Number(keepFrom);
    let deleted = 0;
    for (;;) {
      const removed = await this.db.transaction(async (tx) => {
        const lock = tx.platform === 'mysql' ? ' FOR UPDATE' : '';
        const mark = Number((await tx.fetchOne(`SELECT counted_through FROM ${c} WHERE counter_id = 1${lock}`)) ?? 0);
        const upTo = Math.min(mark, bound - 1);
        const last = await tx.fetchOne(
          `SELECT log_id FROM ${t} WHERE log_id <= ? AND ${time} < ? ORDER BY log_id LIMIT 1 OFFSET ${batchSize - 1}`,
          [upTo, before],
        );
        const end = last === undefined ? upTo : Number(last);
        const result = await tx.execute(`DELETE FROM ${t} WHERE log_id <= ? AND ${time} < ?`, [end, before]);
        if (result.affectedRows > 0) {
          await tx.execute(`UPDATE ${c} SET row_count = row_count - ? WHERE counter_id = 1`, [result.affectedRows]);
        }
        return { count: result.affectedRows, more: last !== undefined };
      });
      deleted += removed.count;
      if (!removed.more || removed.count === 0) return deleted;
    }
  }

  /** Where {@link countAll} moves the mark to by default: entries written before this (see COUNT_SETTLE_SECONDS_MYSQL). */
  private lastInsertBefore(): string {
    return formatDbDate(this.clock.now() - (this.db.platform === 'mysql' ? COUNT_SETTLE_SECONDS_MYSQL * 1000 : 0));
  }
}

/** LIMIT/OFFSET of a page, with Magento's clamp of a page beyond the last one to the last page. */
function pageWindow(pageSize: number | undefined, currentPage: number, total: number): { size: number; offset: number } | undefined {
  if (pageSize === undefined) return undefined;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return { size: pageSize, offset: (Math.min(currentPage, lastPage) - 1) * pageSize };
}

function toLogEntry(r: Record<string, unknown>): LogEntry {
  const entry: Record<string, unknown> = {};
  for (const column of COLUMNS) {
    const value = r[column];
    if (value === null || value === undefined) continue;
    entry[column] = INTEGER_COLUMNS.has(column) ? Number(value) : String(value);
  }
  return entry as unknown as LogEntry;
}
