import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/**
 * Every SQL statement on `oauth_token_request_log` (Magento's
 * `Magento\Integration\Model\ResourceModel\Oauth\Token\RequestLog`): failed token requests per
 * (user_name, user_type), with the time the lock they cause expires.
 */
@injectable()
export class RequestLog {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private get table(): string {
    return this.db.getTableName('oauth_token_request_log');
  }

  /** Failures counted while the row's lock has not expired (`lock_expires_at > now`), else 0. */
  async getFailuresCount(userName: string, userType: number, now: string): Promise<number> {
    const value = await this.db.fetchOne(
      `SELECT failures_count FROM ${this.table} WHERE user_name = ? AND user_type = ? AND lock_expires_at > ?`,
      [userName, userType, now],
    );
    return value === undefined || value === null ? 0 : Number(value);
  }

  async resetFailuresCount(userName: string, userType: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE user_name = ? AND user_type = ?`, [userName, userType]);
  }

  /**
   * One more failure; the lock now expires at `lockExpiresAt`. Magento adds to the row whatever its
   * age and relies on a cron job to delete expired rows (`clearExpiredFailures`); here an expired row
   * restarts at 1 in the same statement, which is what Magento does once that job has run.
   * In one transaction: UPDATE first, INSERT when no row exists (UPDATE again when a concurrent
   * request inserted it first). The last statement sets `lock_expires_at` alone, because the
   * embedded database emulates MySQL's ON UPDATE CURRENT_TIMESTAMP with a trigger that cannot tell
   * "set to the same value" (two failures in one second) from "not set".
   */
  async incrementFailuresCount(userName: string, userType: number, now: string, lockExpiresAt: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const table = tx.getTableName('oauth_token_request_log');
      const update = () =>
        tx.execute(
          `UPDATE ${table} SET failures_count = CASE WHEN lock_expires_at > ? THEN failures_count + 1 ELSE 1 END, ` +
            `lock_expires_at = ? WHERE user_name = ? AND user_type = ?`,
          [now, lockExpiresAt, userName, userType],
        );
      if ((await update()).affectedRows > 0) {
        await tx.execute(`UPDATE ${table} SET lock_expires_at = ? WHERE user_name = ? AND user_type = ?`, [
          lockExpiresAt,
          userName,
          userType,
        ]);
        return;
      }
      const inserted = await tx.insertIgnore('oauth_token_request_log', {
        user_name: userName,
        user_type: userType,
        failures_count: 1,
        lock_expires_at: lockExpiresAt,
      });
      if (inserted.affectedRows === 0) {
        await update();
        await tx.execute(`UPDATE ${table} SET lock_expires_at = ? WHERE user_name = ? AND user_type = ?`, [
          lockExpiresAt,
          userName,
          userType,
        ]);
      }
    });
  }

  /** Magento's cron cleanup: rows whose lock has expired. */
  async clearExpiredFailures(now: string): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE lock_expires_at <= ?`, [now]);
  }
}
