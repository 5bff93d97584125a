import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

const TABLE = 'login_as_customer_assistance_allowed';

/**
 * Every SQL statement on Magento's `login_as_customer_assistance_allowed` (LoginAsCustomerAssistance's
 * Get/Save/DeleteLoginAsCustomerAssistanceAllowed): a row present means the customer allows assistance.
 */
@injectable()
export class AssistanceAllowedResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async isAllowed(customerId: number): Promise<boolean> {
    const found = await this.db.fetchOne(`SELECT customer_id FROM ${this.db.getTableName(TABLE)} WHERE customer_id = ?`, [
      customerId,
    ]);
    return found !== undefined;
  }

  /** Which of the customers allow assistance. */
  async filterAllowed(customerIds: readonly number[]): Promise<Set<number>> {
    const allowed = new Set<number>();
    // Bounded IN lists keep the statement size sane for large customer searches.
    for (let i = 0; i < customerIds.length; i += 500) {
      const chunk = customerIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.db.fetchAll(
        `SELECT customer_id FROM ${this.db.getTableName(TABLE)} WHERE customer_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) allowed.add(Number(r.customer_id));
    }
    return allowed;
  }

  async allow(customerId: number): Promise<void> {
    await this.db.insertIgnore(TABLE, { customer_id: customerId });
  }

  async deny(customerId: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.db.getTableName(TABLE)} WHERE customer_id = ?`, [customerId]);
  }
}
