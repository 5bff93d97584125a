import { inject, injectable } from 'inversify';
import type { LogEntry, LogEvent, LogOperation, LogOutcome } from '../../../Api/LoginAsCustomer/Data/LogInterface.ts';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { SearchCriteria } from '../../../Framework/Api/SearchCriteria.ts';
import { buildSearchCriteriaSql, pageLimit } from '../../../Framework/Db/SearchCriteriaQuery.ts';
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
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async insert(row: AuditLogRow): Promise<void> {
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
    await this.db.insert(TABLE, values);
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
   * on. Sorted by log_id after the requested orders, so pages are stable.
   */
  async search(criteria: SearchCriteria | undefined): Promise<{ items: LogEntry[]; total: number }> {
    const t = this.db.getTableName(TABLE);
    const columns: Record<string, string> = {};
    for (const c of COLUMNS) columns[c] = this.db.quoteIdentifier(c);
    const sql = buildSearchCriteriaSql(criteria, columns);
    const where = sql.where ? ` ${sql.where}` : '';
    const total = Number(await this.db.fetchOne(`SELECT COUNT(*) AS cnt FROM ${t}${where}`, sql.whereParams));
    const logId = this.db.quoteIdentifier('log_id');
    const orderBy = sql.orderBy ? `${sql.orderBy}, ${logId} ASC` : `ORDER BY ${logId} ASC`;
    const limit = pageLimit(sql, total);
    const rows = await this.db.fetchAll(
      `SELECT ${Object.values(columns).join(', ')} FROM ${t}${where} ${orderBy}${limit ? ` ${limit}` : ''}`,
      sql.whereParams,
    );
    return { items: rows.map(toLogEntry), total };
  }
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
