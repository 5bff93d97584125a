import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/**
 * Reads `customer_entity.is_active`, which Magento's customer data interface does not expose: an
 * exchange must not open a session on a deactivated account.
 */
@injectable()
export class CustomerStateResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** undefined when the customer does not exist. */
  async isActive(customerId: number): Promise<boolean | undefined> {
    const row = await this.db.fetchRow(`SELECT is_active FROM ${this.db.getTableName('customer_entity')} WHERE entity_id = ?`, [
      customerId,
    ]);
    if (row === undefined) return undefined;
    return row.is_active === null || row.is_active === undefined ? true : Number(row.is_active) !== 0;
  }
}
