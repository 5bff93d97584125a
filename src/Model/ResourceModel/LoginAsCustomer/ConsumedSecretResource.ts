import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { DuplicateKeyException } from '../../../Framework/Exception/DbException.ts';
import { formatDbDate } from '../../../Framework/Stdlib/Clock.ts';

const TABLE = 'login_as_customer_consumed_secret';
/**
 * The ledger's one bookkeeping row: its `consumed_at` is the pruned horizon (secrets whose `time_stamp` is
 * not after it are refused). Not 64 hex digits, so no secret's HMAC can equal it.
 */
export const PRUNED_HORIZON = 'pruned-horizon';

/**
 * The consumed-secret ledger: its primary key is the HMAC of the secret, so "consume" is one INSERT and
 * the database decides, atomically and across every instance sharing it, which single caller wins.
 */
@injectable()
export class ConsumedSecretResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** True when this call consumed the secret; false when it had already been consumed. */
  async consume(secretHash: string, adminId: number, customerId: number, consumedAt: string, db: ConnectionInterface = this.db): Promise<boolean> {
    try {
      await db.insert(TABLE, { secret_hash: secretHash, admin_id: adminId, customer_id: customerId, consumed_at: consumedAt });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyException) return false;
      throw error;
    }
  }

  /**
   * Whether the secret may no longer be exchanged because of this ledger: `consumed` when its row is
   * here; `pruned` when the secret (by its `time_stamp`, unix seconds) is not newer than the pruned
   * horizon, so a row it might have had is gone; undefined otherwise. One statement, two primary-key
   * lookups.
   */
  async findUse(secretHash: string, timeStamp: number): Promise<'consumed' | 'pruned' | undefined> {
    const rows = await this.db.fetchAll(
      `SELECT secret_hash FROM ${this.db.getTableName(TABLE)} WHERE secret_hash = ? OR (secret_hash = ? AND consumed_at >= ?)`,
      [secretHash, PRUNED_HORIZON, formatDbDate(timeStamp * 1000)],
    );
    if (rows.some((row) => row.secret_hash !== PRUNED_HORIZON)) return 'consumed';
    return rows.length > 0 ? 'pruned' : undefined;
  }

  async isConsumed(secretHash: string): Promise<boolean> {
    const found = await this.db.fetchOne(`SELECT secret_hash FROM ${this.db.getTableName(TABLE)} WHERE secret_hash = ?`, [secretHash]);
    return found !== undefined;
  }

  /** The pruned horizon (`YYYY-MM-DD HH:MM:SS`), or undefined when nothing was ever pruned. */
  async findPrunedHorizon(): Promise<string | undefined> {
    const value = await this.db.fetchOne(`SELECT consumed_at FROM ${this.db.getTableName(TABLE)} WHERE secret_hash = ?`, [PRUNED_HORIZON]);
    return value === undefined || value === null ? undefined : String(value);
  }

  /**
   * Prunes the ledger: first raises the pruned horizon to `horizon` (never lowers it), then deletes the
   * rows consumed before `before`, in batches. The caller chooses `before` so that every secret a deleted
   * row could match has a `time_stamp` at or before `horizon`; {@link findUse} then refuses those secrets
   * whatever the lifetime is set to later. The horizon is written (and committed) before any row goes,
   * so no moment exists at which a deleted row is not covered. Safe on several instances at once.
   */
  async prune(before: string, horizon: string, batchSize = 5000): Promise<number> {
    const table = this.db.getTableName(TABLE);
    await this.db.insertIgnore(TABLE, { secret_hash: PRUNED_HORIZON, admin_id: 0, customer_id: 0, consumed_at: horizon });
    await this.db.execute(
      `UPDATE ${table} SET consumed_at = CASE WHEN consumed_at < ? THEN ? ELSE consumed_at END WHERE secret_hash = ?`,
      [horizon, horizon, PRUNED_HORIZON],
    );
    let deleted = 0;
    for (;;) {
      // Batches along the consumed_at index keep each DELETE's locks and undo small on a million-row ledger.
      const last = await this.db.fetchOne(
        `SELECT consumed_at FROM ${table} WHERE consumed_at < ? AND secret_hash <> ? ORDER BY consumed_at LIMIT 1 OFFSET ${batchSize - 1}`,
        [before, PRUNED_HORIZON],
      );
      const upTo = last === undefined ? before : String(last);
      const op = last === undefined ? '<' : '<=';
      const result = await this.db.execute(`DELETE FROM ${table} WHERE consumed_at ${op} ? AND consumed_at < ? AND secret_hash <> ?`, [
        upTo,
        before,
        PRUNED_HORIZON,
      ]);
      deleted += result.affectedRows;
      if (last === undefined || result.affectedRows === 0) return deleted;
    }
  }
}
