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

  async saveRevoked(userTypeId: number, userId: number, revokeBefore: number): Promise<void> {
    await this.db.insertOnDuplicate(
      'jwt_auth_revoked',
      { user_type_id: userTypeId, user_id: userId, revoke_before: revokeBefore },
      ['revoke_before'],
    );
  }

  async findRevokeBefore(userTypeId: number, userId: number): Promise<number | null> {
    const value = await this.db.fetchOne(
      `SELECT revoke_before FROM ${this.db.getTableName('jwt_auth_revoked')} WHERE user_type_id = ? AND user_id = ?`,
      [userTypeId, userId],
    );
    return value === undefined || value === null ? null : Number(value);
  }
}
