import { inject, injectable } from 'inversify';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/**
 * How often a claim looks again when the row changed between two of its statements (inserted, deleted by a
 * success, expired). Each extra round needs another writer to have got in between; running out refuses.
 */
const CLAIM_ROUNDS = 4;

/**
 * Every SQL statement on `oauth_token_request_log` (Magento's
 * `Magento\Integration\Model\ResourceModel\Oauth\Token\RequestLog`): token requests per
 * (user_name, user_type), with the time the lock they cause expires.
 */
@injectable()
export class RequestLog {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private get table(): string {
    return this.db.getTableName('oauth_token_request_log');
  }

  /**
   * Takes one place in the user's lock window, before the password is looked at: true when the attempt may
   * go on. A place is free when the row's lock has expired (`lock_expires_at <= now`: the count restarts at
   * 1, which is what Magento does once its cleanup cron has deleted the row) or fewer than `maxFailures`
   * attempts were counted; taking it counts the attempt and moves the lock to `lockExpiresAt`.
   *
   * Every decision is one statement, so it holds against concurrent requests of this or another process
   * without a transaction: the conditional claim of an existing row, the INSERT of a missing one, or the
   * read that finds the window full. (A transaction would hold locks across round trips: InnoDB then
   * deadlocks readers upgrading to writers, and an embedded database shared by two handles of one process
   * blocks the event loop on its busy wait.)
   */
  async claimAttempt(userName: string, userType: number, maxFailures: number, now: string, lockExpiresAt: string): Promise<boolean> {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      if ((await this.claimExisting(userName, userType, maxFailures, now, lockExpiresAt)) > 0) return true;
      const full = await this.db.fetchOne(
        `SELECT CASE WHEN lock_expires_at > ? AND COALESCE(failures_count, 0) >= ? THEN 1 ELSE 0 END ` +
          `FROM ${this.table} WHERE user_name = ? AND user_type = ?`,
        [now, maxFailures, userName, userType],
      );
      if (full === undefined) {
        const inserted = await this.db.insertIgnore('oauth_token_request_log', {
          user_name: userName,
          user_type: userType,
          failures_count: 1,
          lock_expires_at: lockExpiresAt,
        });
        if (inserted.affectedRows > 0) return true;
      } else if (Number(full) === 1) {
        return false;
      }
    }
    return false;
  }

  /**
   * The conditional claim of an existing row; the number of rows claimed (0 or 1).
   *
   * MySQL: one UPDATE (its SET assignments run left to right, so the count still sees the old expiry).
   * The embedded database emulates MySQL's ON UPDATE CURRENT_TIMESTAMP of `lock_expires_at` with a trigger
   * that cannot tell "set to the same value" (two attempts in one second) from "not set", and would replace
   * the new expiry with the current time — an open lock. There the row is rewritten whole with INSERT OR
   * REPLACE, which fires no UPDATE trigger, from a SELECT that carries the same condition.
   */
  private async claimExisting(userName: string, userType: number, maxFailures: number, now: string, lockExpiresAt: string): Promise<number> {
    const count = 'CASE WHEN lock_expires_at > ? THEN COALESCE(failures_count, 0) + 1 ELSE 1 END';
    const where = 'user_name = ? AND user_type = ? AND (lock_expires_at IS NULL OR lock_expires_at <= ? OR COALESCE(failures_count, 0) < ?)';
    const params: SqlValue[] = [now, lockExpiresAt, userName, userType, now, maxFailures];
    const sql =
      this.db.platform === 'sqlite'
        ? `INSERT OR REPLACE INTO ${this.table} (log_id, user_name, user_type, failures_count, lock_expires_at) ` +
          `SELECT log_id, user_name, user_type, ${count}, ? FROM ${this.table} WHERE ${where}`
        : `UPDATE ${this.table} SET failures_count = ${count}, lock_expires_at = ? WHERE ${where}`;
    return (await this.db.execute(sql, params)).affectedRows;
  }

  async resetFailuresCount(userName: string, userType: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE user_name = ? AND user_type = ?`, [userName, userType]);
  }

  /** Magento's cron cleanup: rows whose lock has expired. */
  async clearExpiredFailures(now: string): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE lock_expires_at <= ?`, [now]);
  }
}
