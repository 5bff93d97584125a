import { inject, injectable } from 'inversify';
import type { SearchCriteria } from '../../../Framework/Api/SearchCriteria.ts';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { buildSearchCriteriaSql, pageLimit } from '../../../Framework/Db/SearchCriteriaQuery.ts';
import { NOT_REMEMBERED, type RequestContext } from '../../../Framework/App/RequestContext.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** A `customer_entity` row as this service reads it. */
export interface CustomerRow {
  entity_id: number;
  website_id: number | null;
  email: string | null;
  group_id: number;
  store_id: number | null;
  created_at: string;
  updated_at: string;
  is_active: number;
  disable_auto_group_change: number;
  created_in: string | null;
  prefix: string | null;
  firstname: string | null;
  middlename: string | null;
  lastname: string | null;
  suffix: string | null;
  dob: string | null;
  password_hash: string | null;
  default_billing: number | null;
  default_shipping: number | null;
  taxvat: string | null;
  confirmation: string | null;
  gender: number | null;
  lock_expires: string | null;
  failures_num: number | null;
  first_failure: string | null;
}

/**
 * What Magento's `CustomerRegistry::retrieveSecureData` holds: the password hash, the reset-password token and
 * the lock-out counters (Magento_Customer's `Authentication`).
 */
export interface CustomerSecureRow {
  entity_id: number;
  email: string | null;
  website_id: number | null;
  store_id: number | null;
  password_hash: string | null;
  rp_token: string | null;
  rp_token_created_at: string | null;
  failures_num: number | null;
  first_failure: string | null;
  lock_expires: string | null;
}

export type CustomerSecureWrite = Partial<Omit<CustomerSecureRow, 'entity_id' | 'email' | 'website_id' | 'store_id'>> & {
  /** Magento's `SessionCleaner`: storefront sessions started before this time end. */
  session_cutoff?: string | null;
};

const SECURE_COLUMNS = [
  'entity_id', 'email', 'website_id', 'store_id', 'password_hash', 'rp_token', 'rp_token_created_at', 'failures_num',
  'first_failure', 'lock_expires',
] as const;
const SECURE_INT_COLUMNS = new Set(['entity_id', 'website_id', 'store_id', 'failures_num']);

/** Columns a customer save writes (everything else keeps its value or default). */
export type CustomerWrite = Partial<Omit<CustomerRow, 'entity_id'>>;

/** The columns every customer read selects, in this order (TokenSubject reads them too, for the identity map). */
export const CUSTOMER_COLUMNS = [
  'entity_id', 'website_id', 'email', 'group_id', 'store_id', 'created_at', 'updated_at', 'is_active',
  'disable_auto_group_change', 'created_in', 'prefix', 'firstname', 'middlename', 'lastname', 'suffix', 'dob',
  'password_hash', 'default_billing', 'default_shipping', 'taxvat', 'confirmation', 'gender', 'lock_expires',
  'failures_num', 'first_failure',
] as const;

const INT_COLUMNS = new Set([
  'entity_id', 'website_id', 'group_id', 'store_id', 'is_active', 'disable_auto_group_change', 'default_billing',
  'default_shipping', 'gender', 'failures_num',
]);

/**
 * searchCriteria field → column. Magento filters customers by attribute code; `id` is accepted as
 * the entity id too.
 */
const SEARCHABLE: Readonly<Record<string, string>> = Object.freeze({
  id: 'entity_id',
  entity_id: 'entity_id',
  email: 'email',
  firstname: 'firstname',
  lastname: 'lastname',
  middlename: 'middlename',
  prefix: 'prefix',
  suffix: 'suffix',
  group_id: 'group_id',
  store_id: 'store_id',
  website_id: 'website_id',
  created_at: 'created_at',
  updated_at: 'updated_at',
  created_in: 'created_in',
  dob: 'dob',
  gender: 'gender',
  taxvat: 'taxvat',
  confirmation: 'confirmation',
  disable_auto_group_change: 'disable_auto_group_change',
});

const COLUMNS = CUSTOMER_COLUMNS;

export function toCustomerRow(r: Record<string, unknown>): CustomerRow {
  const out: Record<string, unknown> = {};
  for (const c of COLUMNS) {
    const v = r[c];
    out[c] = v === null || v === undefined ? null : INT_COLUMNS.has(c) ? Number(v) : String(v);
  }
  return out as unknown as CustomerRow;
}

/** Every SQL statement on `customer_entity` (Magento's `Magento\Customer\Model\ResourceModel\Customer`). */
@injectable()
export class Customer {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  private get table(): string {
    return this.db.getTableName('customer_entity');
  }

  /** MySQL's default collation compares e-mails case-insensitively, as Magento relies on; SQLite is told to. */
  private emailEquals(column = 'email'): string {
    return this.db.platform === 'sqlite' ? `${column} = ? COLLATE NOCASE` : `${column} = ?`;
  }

  /** Read once per request: later calls in the same request get a copy of the same row (RequestState.identityMap). */
  async loadById(customerId: number): Promise<CustomerRow | undefined> {
    const known = this.requestContext.recall(identityKey(customerId));
    if (known !== NOT_REMEMBERED) return known === null ? undefined : { ...(known as CustomerRow) };
    const found = await this.db.fetchRow(`SELECT ${COLUMNS.join(', ')} FROM ${this.table} WHERE entity_id = ?`, [customerId]);
    const row = found ? toCustomerRow(found) : undefined;
    this.remember(customerId, row);
    return row ? { ...row } : undefined;
  }

  /** Puts a row read elsewhere (TokenSubject, with the token's revocation) into this request's identity map. */
  remember(customerId: number, row: CustomerRow | undefined): void {
    this.requestContext.remember(identityKey(customerId), row ? Object.freeze({ ...row }) : null);
  }

  /**
   * Every write of this resource forgets the row, so a read after it in the same request sees the write; a resource
   * that writes `customer_entity` itself (AddressResource's default address ids) calls this too.
   */
  forget(customerId: number): void {
    this.requestContext.forget(identityKey(customerId));
  }

  /** By e-mail, in one website, or across all websites when `websiteId` is null (global account sharing). */
  async loadByEmail(email: string, websiteId: number | null): Promise<CustomerRow | undefined> {
    const params: SqlValue[] = [email];
    let where = this.emailEquals();
    if (websiteId !== null) {
      where += ' AND website_id = ?';
      params.push(websiteId);
    }
    const row = await this.db.fetchRow(
      `SELECT ${COLUMNS.join(', ')} FROM ${this.table} WHERE ${where} ORDER BY entity_id LIMIT 1`,
      params,
    );
    return row ? toCustomerRow(row) : undefined;
  }

  /**
   * Magento's `_beforeSave` uniqueness check: another customer with this e-mail in the website (any
   * website when `websiteId` is null).
   */
  async emailTaken(email: string, websiteId: number | null, excludeId: number | null): Promise<boolean> {
    const params: SqlValue[] = [email];
    let where = this.emailEquals();
    if (websiteId !== null) {
      where += ' AND website_id = ?';
      params.push(websiteId);
    }
    if (excludeId !== null) {
      where += ' AND entity_id <> ?';
      params.push(excludeId);
    }
    return (await this.db.fetchOne(`SELECT entity_id FROM ${this.table} WHERE ${where} LIMIT 1`, params)) !== undefined;
  }

  async insert(row: CustomerWrite): Promise<number> {
    const id = (await this.db.insert('customer_entity', row)).insertId;
    this.forget(id);
    return id;
  }

  async update(customerId: number, row: CustomerWrite): Promise<void> {
    const names = Object.keys(row).filter((n) => row[n as keyof CustomerWrite] !== undefined);
    if (names.length === 0) return;
    this.forget(customerId);
    await this.db.execute(
      `UPDATE ${this.table} SET ${names.map((n) => `${this.db.quoteIdentifier(n)} = ?`).join(', ')} WHERE entity_id = ?`,
      [...names.map((n) => row[n as keyof CustomerWrite] as SqlValue), customerId],
    );
  }

  async loadSecure(customerId: number): Promise<CustomerSecureRow | undefined> {
    const row = await this.db.fetchRow(`SELECT ${SECURE_COLUMNS.join(', ')} FROM ${this.table} WHERE entity_id = ?`, [customerId]);
    if (!row) return undefined;
    const out: Record<string, unknown> = {};
    for (const c of SECURE_COLUMNS) {
      const v = row[c];
      out[c] = v === null || v === undefined ? null : SECURE_INT_COLUMNS.has(c) ? Number(v) : String(v);
    }
    return out as unknown as CustomerSecureRow;
  }

  /** Writes secure columns (password hash, reset token, lock-out counters); `null` clears one. */
  async updateSecure(customerId: number, row: CustomerSecureWrite): Promise<void> {
    this.forget(customerId);
    const names = Object.keys(row).filter((n) => row[n as keyof CustomerSecureWrite] !== undefined);
    if (names.length === 0) return;
    await this.db.execute(
      `UPDATE ${this.table} SET ${names.map((n) => `${this.db.quoteIdentifier(n)} = ?`).join(', ')} WHERE entity_id = ?`,
      [...names.map((n) => row[n as keyof CustomerSecureWrite] as SqlValue), customerId],
    );
  }

  /**
   * Sets the new password hash and clears the reset token and the lock-out counters, but only while the stored
   * token is still `resetToken`: one statement, so of two concurrent resets with one token exactly one wins.
   */
  async consumeResetToken(customerId: number, resetToken: string, passwordHash: string, sessionCutoff: string): Promise<boolean> {
    this.forget(customerId);
    const result = await this.db.execute(
      `UPDATE ${this.table} SET password_hash = ?, rp_token = NULL, rp_token_created_at = NULL, failures_num = 0, ` +
        `first_failure = NULL, lock_expires = NULL, session_cutoff = ? WHERE entity_id = ? AND rp_token = ?`,
      [passwordHash, sessionCutoff, customerId, resetToken],
    );
    return result.affectedRows === 1;
  }

  /**
   * Magento's `Authentication::processAuthenticationFailure` in one statement, so concurrent failures all count:
   * a first failure, or one after the window (`first_failure < windowStart`), restarts the count at 1 from `now`;
   * reaching `maxFailures` sets `lock_expires = lockUntil`. Each assignment reads only columns not yet assigned, as
   * MySQL applies SET left to right and SQLite reads the old row. Returns the lock now stored.
   */
  async recordAuthenticationFailure(
    customerId: number,
    now: string,
    windowStart: string,
    maxFailures: number,
    lockUntil: string,
  ): Promise<string | null> {
    this.forget(customerId);
    const restart = '(first_failure IS NULL OR first_failure < ?)';
    await this.db.execute(
      `UPDATE ${this.table} SET ` +
        `lock_expires = CASE WHEN ${restart} THEN (CASE WHEN 1 >= ? THEN ? ELSE NULL END) ` +
        `ELSE (CASE WHEN COALESCE(failures_num, 0) + 1 >= ? THEN ? ELSE lock_expires END) END, ` +
        `failures_num = CASE WHEN ${restart} THEN 1 ELSE COALESCE(failures_num, 0) + 1 END, ` +
        `first_failure = CASE WHEN ${restart} THEN ? ELSE first_failure END ` +
        `WHERE entity_id = ?`,
      [windowStart, maxFailures, lockUntil, maxFailures, lockUntil, windowStart, windowStart, now, customerId],
    );
    const lock = await this.db.fetchOne(`SELECT lock_expires FROM ${this.table} WHERE entity_id = ?`, [customerId]);
    return lock === null || lock === undefined ? null : String(lock);
  }

  /** Whether a row was deleted. */
  async deleteById(customerId: number): Promise<boolean> {
    this.forget(customerId);
    return (await this.db.execute(`DELETE FROM ${this.table} WHERE entity_id = ?`, [customerId])).affectedRows > 0;
  }

  /** Rows matching Magento's searchCriteria, and how many match in all (for `total_count`). */
  async getList(criteria: SearchCriteria): Promise<{ rows: CustomerRow[]; total: number }> {
    const sql = buildSearchCriteriaSql(criteria, SEARCHABLE);
    const total = Number(await this.db.fetchOne(`SELECT COUNT(*) AS n FROM ${this.table} ${sql.where}`, sql.whereParams));
    // Sorted by id after the requested orders, so pages are stable.
    const orderBy = sql.orderBy ? `${sql.orderBy}, entity_id ASC` : 'ORDER BY entity_id ASC';
    const rows = await this.db.fetchAll(
      `SELECT ${COLUMNS.join(', ')} FROM ${this.table} ${sql.where} ${orderBy} ${pageLimit(sql, total)}`,
      sql.whereParams,
    );
    return { rows: rows.map(toCustomerRow), total };
  }
}

function identityKey(customerId: number): string {
  return `customer_entity:${customerId}`;
}
