import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** A row of Magento's `login_as_customer`: one active admin → customer session. */
export interface SessionRow {
  /** Magento writes the HMAC of a random string here; this service writes the HMAC of the secret. */
  secret: string;
  customer_id: number;
  admin_id: number;
  /** `YYYY-MM-DD HH:MM:SS` UTC, or null when Magento left it empty. */
  created_at: string | null;
}

const TABLE = 'login_as_customer';

/**
 * Every SQL statement on Magento's `login_as_customer` (Magento's SaveAuthenticationData,
 * IsLoginAsCustomerSessionActive and DeleteAuthenticationDataForUser resource models). Magento treats
 * "a row for (customer_id, admin_id) exists" as "this session is active".
 */
@injectable()
export class AuthenticationDataResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /**
   * Replaces every session of the admin by the new one, in one transaction (Magento's admin action
   * deletes the admin's rows, then saves the new one).
   */
  async replaceForUser(row: SessionRow): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${tx.getTableName(TABLE)} WHERE admin_id = ?`, [row.admin_id]);
      await tx.insert(TABLE, {
        secret: row.secret,
        customer_id: row.customer_id,
        admin_id: row.admin_id,
        created_at: row.created_at,
      });
    });
  }

  /**
   * The admin's sessions on the customer (normally one). With `secret` (the HMAC this service writes as
   * the row's key): the row of that secret alone when it is there — found by Magento's primary key, the
   * only index Magento's table has besides `created_at` — and otherwise every row of the pair, as without
   * it. One statement either way: the second half only runs when the first finds nothing (MySQL and
   * SQLite evaluate the uncorrelated NOT EXISTS once), so a current secret of ours never scans the table.
   */
  async findSessions(adminId: number, customerId: number, secret?: string): Promise<SessionRow[]> {
    const t = this.db.getTableName(TABLE);
    const columns = 'secret, customer_id, admin_id, created_at';
    if (secret === undefined) {
      const rows = await this.db.fetchAll(`SELECT ${columns} FROM ${t} WHERE customer_id = ? AND admin_id = ?`, [customerId, adminId]);
      return rows.map(toSessionRow);
    }
    const rows = await this.db.fetchAll(
      `SELECT ${columns} FROM ${t} WHERE secret = ? AND admin_id = ? AND customer_id = ? ` +
        `UNION ALL SELECT ${columns} FROM ${t} WHERE customer_id = ? AND admin_id = ? ` +
        `AND NOT EXISTS (SELECT 1 FROM ${t} s WHERE s.secret = ? AND s.admin_id = ? AND s.customer_id = ?)`,
      [secret, adminId, customerId, customerId, adminId, secret, adminId, customerId],
    );
    return rows.map(toSessionRow);
  }

  /** The admin's sessions, all or the one on `customerId`. */
  async findForUser(adminId: number, customerId?: number): Promise<SessionRow[]> {
    const rows =
      customerId === undefined
        ? await this.db.fetchAll(
            `SELECT secret, customer_id, admin_id, created_at FROM ${this.db.getTableName(TABLE)} WHERE admin_id = ?`,
            [adminId],
          )
        : await this.db.fetchAll(
            `SELECT secret, customer_id, admin_id, created_at FROM ${this.db.getTableName(TABLE)} WHERE admin_id = ? AND customer_id = ?`,
            [adminId, customerId],
          );
    return rows.map(toSessionRow);
  }

  /** Deletes the admin's sessions (all, or the one on `customerId`); returns how many were deleted. */
  async deleteForUser(adminId: number, customerId?: number): Promise<number> {
    const result =
      customerId === undefined
        ? await this.db.execute(`DELETE FROM ${this.db.getTableName(TABLE)} WHERE admin_id = ?`, [adminId])
        : await this.db.execute(`DELETE FROM ${this.db.getTableName(TABLE)} WHERE admin_id = ? AND customer_id = ?`, [
            adminId,
            customerId,
          ]);
    return result.affectedRows;
  }
}

function toSessionRow(r: Record<string, unknown>): SessionRow {
  return {
    secret: String(r.secret),
    customer_id: Number(r.customer_id),
    admin_id: Number(r.admin_id),
    created_at: r.created_at === null || r.created_at === undefined ? null : String(r.created_at),
  };
}
