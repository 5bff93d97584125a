import { inject, injectable } from 'inversify';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** Which earlier requests count against a new one (Magento's `ResetMethod` and `CollectionFactory`). */
export interface RequestEventFilter {
  requestType: number;
  /** null: not filtered by it. Both given: a row matching either counts (`filterByIpOrAccountReference`). */
  accountReference: string | null;
  ip: string | null;
}

/** Every SQL statement on `password_reset_request_event` (Magento_Security's `ResourceModel\PasswordResetRequestEvent`). */
@injectable()
export class PasswordResetRequestEvent {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private get table(): string {
    return this.db.getTableName('password_reset_request_event');
  }

  async insert(requestType: number, accountReference: string, ip: string, createdAt: string): Promise<number> {
    return (await this.db.insert('password_reset_request_event', { request_type: requestType, account_reference: accountReference, ip, created_at: createdAt }))
      .insertId;
  }

  async delete(id: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE id = ?`, [id]);
  }

  /** Other matching rows created after `since`: how many, and the latest creation time. */
  async countSince(filter: RequestEventFilter, since: string, excludeId: number): Promise<{ count: number; latest: string | null }> {
    const { where, params } = this.where(filter);
    const row = await this.db.fetchRow(
      `SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM ${this.table} WHERE ${where} AND created_at > ? AND id <> ?`,
      [...params, since, excludeId],
    );
    const latest = row?.latest;
    return {
      count: Number(row?.n ?? 0),
      latest: latest === null || latest === undefined ? null : String(latest),
    };
  }

  private where(filter: RequestEventFilter): { where: string; params: SqlValue[] } {
    const params: SqlValue[] = [filter.requestType];
    let where = 'request_type = ?';
    if (filter.accountReference !== null && filter.ip !== null) {
      where += ' AND (ip = ? OR account_reference = ?)';
      params.push(filter.ip, filter.accountReference);
    } else if (filter.ip !== null) {
      where += ' AND ip = ?';
      params.push(filter.ip);
    } else if (filter.accountReference !== null) {
      where += ' AND account_reference = ?';
      params.push(filter.accountReference);
    }
    return { where, params };
  }
}
