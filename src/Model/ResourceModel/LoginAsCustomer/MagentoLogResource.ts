import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** A row of Magento's `magento_login_as_customer_log` (LoginAsCustomerLog's `LogInterface`). */
export interface MagentoLogRow {
  time: string;
  user_id: number;
  user_name: string | null;
  customer_id: number;
  customer_email: string | null;
}

const TABLE = 'magento_login_as_customer_log';
/** `user_name` and `customer_email` are varchar(40) in Magento's schema. */
const MAX_TEXT = 40;

/**
 * Every SQL statement on Magento's `magento_login_as_customer_log`, written where Magento writes it:
 * when an admin actually gets logged in as the customer (here: a successful exchange), so Magento's
 * admin grid "Login as Customer Log" shows sessions opened through this service too.
 */
@injectable()
export class MagentoLogResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async save(row: MagentoLogRow, db: ConnectionInterface = this.db): Promise<void> {
    await db.insert(TABLE, {
      time: row.time,
      user_id: row.user_id,
      user_name: truncate(row.user_name),
      customer_id: row.customer_id,
      customer_email: truncate(row.customer_email),
    });
  }

  async findByCustomer(customerId: number): Promise<Array<MagentoLogRow & { log_id: number }>> {
    const rows = await this.db.fetchAll(
      `SELECT log_id, ${this.db.quoteIdentifier('time')} AS log_time, user_id, user_name, customer_id, customer_email FROM ${this.db.getTableName(TABLE)} WHERE customer_id = ? ORDER BY log_id`,
      [customerId],
    );
    return rows.map((r) => ({
      log_id: Number(r.log_id),
      time: String(r.log_time),
      user_id: Number(r.user_id),
      user_name: r.user_name === null ? null : String(r.user_name),
      customer_id: Number(r.customer_id),
      customer_email: r.customer_email === null ? null : String(r.customer_email),
    }));
  }
}

/** MySQL in Magento's (non-strict) mode truncates; strict servers would refuse, so cut here. */
function truncate(value: string | null): string | null {
  if (value === null) return null;
  return [...value].slice(0, MAX_TEXT).join('');
}
