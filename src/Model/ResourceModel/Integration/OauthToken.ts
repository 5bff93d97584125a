import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

export interface OauthTokenRow {
  entity_id: number;
  consumer_id: number | null;
  admin_id: number | null;
  customer_id: number | null;
  type: string;
  revoked: number;
  user_type: number | null;
  created_at: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Every SQL statement on `oauth_token` (Magento's `Magento\Integration\Model\ResourceModel\Oauth\Token`). */
@injectable()
export class OauthToken {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private get table(): string {
    return this.db.getTableName('oauth_token');
  }

  /** Magento's `Token::load($token, 'token')`; `type` is checked by the caller. */
  async loadByToken(token: string): Promise<OauthTokenRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT entity_id, consumer_id, admin_id, customer_id, type, revoked, user_type, created_at FROM ${this.table} WHERE token = ?`,
      [token],
    );
    if (!r) return undefined;
    return {
      entity_id: Number(r.entity_id),
      consumer_id: num(r.consumer_id),
      admin_id: num(r.admin_id),
      customer_id: num(r.customer_id),
      type: String(r.type),
      revoked: Number(r.revoked),
      user_type: num(r.user_type),
      created_at: String(r.created_at),
    };
  }

  /** Marks every access token of the admin revoked. */
  async revokeForAdmin(adminId: number): Promise<void> {
    await this.db.execute(`UPDATE ${this.table} SET revoked = 1 WHERE admin_id = ? AND revoked = 0`, [adminId]);
  }

  /** Marks every access token of the customer revoked. */
  async revokeForCustomer(customerId: number): Promise<void> {
    await this.db.execute(`UPDATE ${this.table} SET revoked = 1 WHERE customer_id = ? AND revoked = 0`, [customerId]);
  }
}
