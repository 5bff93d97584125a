import { inject, injectable } from 'inversify';
import { Customer } from '../Customer/Customer.ts';

/**
 * Reads `customer_entity.is_active`, which Magento's customer data interface does not expose: an
 * exchange must not open a session on a deactivated account. Through the customer resource, so a customer already
 * read in this request (with its token, or by the repository) costs no statement.
 */
@injectable()
export class CustomerStateResource {
  constructor(@inject(Customer) private readonly customers: Customer) {}

  /** undefined when the customer does not exist. */
  async isActive(customerId: number): Promise<boolean | undefined> {
    const row = await this.customers.loadById(customerId);
    if (row === undefined) return undefined;
    return row.is_active === null || row.is_active === undefined ? true : Number(row.is_active) !== 0;
  }
}
