import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/**
 * Every SQL statement on `jwt_auth_revoked` (Magento's `Magento\JwtUserToken\Model\ResourceModel\RevokedRepository`):
 * per (user type, user id), tokens issued at or before `revoke_before` (unix seconds) are refused.
 */
@injectable()
export class RevokedToken {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /**
   * Revokes every token issued up to and including `nowSeconds`, and every token issued since the previous
   * revocation: `revoke_before` becomes `nowSeconds`, or the stored value + 1 when that is not earlier
   * (another revocation in this second, or a row written by a clock that runs ahead). The value only ever
   * grows, and each step is one atomic statement, so concurrent revocations on any number of instances
   * each move it past every token issued before them (see JwtUserTokenIssuer for the other half).
   */
  async revoke(userTypeId: number, userId: number, nowSeconds: number): Promise<void> {
    if (await this.advance(userTypeId, userId, nowSeconds)) return;
    const inserted = await this.db.insertIgnore('jwt_auth_revoked', { user_type_id: userTypeId, user_id: userId, revoke_before: nowSeconds });
    // Lost an insert race against another revocation: advance past the row it wrote.
    if (inserted.affectedRows === 0) await this.advance(userTypeId, userId, nowSeconds);
  }

  async findRevokeBefore(userTypeId: number, userId: number): Promise<number | null> {
    const value = await this.db.fetchOne(
      `SELECT revoke_before FROM ${this.db.getTableName('jwt_auth_revoked')} WHERE user_type_id = ? AND user_id = ?`,
      [userTypeId, userId],
    );
    return value === undefined || value === null ? null : Number(value);
  }

  /** The value always changes, so "rows affected" means "the row exists" on either database. */
  private async advance(userTypeId: number, userId: number, nowSeconds: number): Promise<boolean> {
    const result = await this.db.execute(
      `UPDATE ${this.db.getTableName('jwt_auth_revoked')}
        SET revoke_before = CASE WHEN revoke_before >= ? THEN revoke_before + 1 ELSE ? END
        WHERE user_type_id = ? AND user_id = ?`,
      [nowSeconds, nowSeconds, userTypeId, userId],
    );
    return result.affectedRows > 0;
  }
}
