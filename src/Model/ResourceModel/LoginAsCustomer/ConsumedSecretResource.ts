import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { DuplicateKeyException } from '../../../Framework/Exception/DbException.ts';

const TABLE = 'login_as_customer_consumed_secret';

/**
 * The consumed-secret ledger: its primary key is the HMAC of the secret, so "consume" is one INSERT and
 * the database decides, atomically and across every instance sharing it, which single caller wins.
 */
@injectable()
export class ConsumedSecretResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** True when this call consumed the secret; false when it had already been consumed. */
  async consume(secretHash: string, adminId: number, customerId: number, consumedAt: string): Promise<boolean> {
    try {
      await this.db.insert(TABLE, { secret_hash: secretHash, admin_id: adminId, customer_id: customerId, consumed_at: consumedAt });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyException) return false;
      throw error;
    }
  }

  async isConsumed(secretHash: string): Promise<boolean> {
    const found = await this.db.fetchOne(`SELECT secret_hash FROM ${this.db.getTableName(TABLE)} WHERE secret_hash = ?`, [secretHash]);
    return found !== undefined;
  }

  /**
   * Drops entries consumed before `before`. Only safe for entries older than the longest secret lifetime
   * that will ever be configured: an expired secret is refused by its age, a purged one by nothing else.
   */
  async deleteConsumedBefore(before: string): Promise<number> {
    const result = await this.db.execute(`DELETE FROM ${this.db.getTableName(TABLE)} WHERE consumed_at < ?`, [before]);
    return result.affectedRows;
  }
}
