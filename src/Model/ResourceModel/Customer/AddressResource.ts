import { inject, injectable } from 'inversify';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** A `customer_address_entity` row as this service reads it (street lines are joined with "\n", as Magento stores them). */
export interface AddressRow {
  entity_id: number;
  parent_id: number | null;
  city: string;
  company: string | null;
  country_id: string;
  fax: string | null;
  firstname: string;
  lastname: string;
  middlename: string | null;
  postcode: string | null;
  prefix: string | null;
  region: string | null;
  region_id: number | null;
  street: string;
  suffix: string | null;
  telephone: string;
  vat_id: string | null;
}

export type AddressWrite = Omit<AddressRow, 'entity_id'>;

const COLUMNS = [
  'entity_id', 'parent_id', 'city', 'company', 'country_id', 'fax', 'firstname', 'lastname', 'middlename', 'postcode',
  'prefix', 'region', 'region_id', 'street', 'suffix', 'telephone', 'vat_id',
] as const;
const INT_COLUMNS = new Set(['entity_id', 'parent_id', 'region_id']);

function toRow(r: Record<string, unknown>): AddressRow {
  const out: Record<string, unknown> = {};
  for (const c of COLUMNS) {
    const v = r[c];
    out[c] = v === null || v === undefined ? null : INT_COLUMNS.has(c) ? Number(v) : String(v);
  }
  return out as unknown as AddressRow;
}

/** Every SQL statement on `customer_address_entity` (Magento's `Magento\Customer\Model\ResourceModel\Address`). */
@injectable()
export class AddressResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** Runs `work` in one transaction, with a resource bound to it (a customer's address set changes as one). */
  async transaction<T>(work: (resource: AddressResource) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new AddressResource(tx)));
  }

  private get table(): string {
    return this.db.getTableName('customer_address_entity');
  }

  async loadById(addressId: number): Promise<AddressRow | undefined> {
    const row = await this.db.fetchRow(`SELECT ${COLUMNS.join(', ')} FROM ${this.table} WHERE entity_id = ?`, [addressId]);
    return row ? toRow(row) : undefined;
  }

  /** The addresses of these customers, oldest first. */
  async loadByCustomers(customerIds: readonly number[]): Promise<AddressRow[]> {
    if (customerIds.length === 0) return [];
    const rows = await this.db.fetchAll(
      `SELECT ${COLUMNS.join(', ')} FROM ${this.table} WHERE parent_id IN (${customerIds.map(() => '?').join(', ')}) ORDER BY entity_id`,
      [...customerIds],
    );
    return rows.map(toRow);
  }

  async insert(row: AddressWrite, now: string): Promise<number> {
    return (await this.db.insert('customer_address_entity', { ...row, created_at: now, updated_at: now })).insertId;
  }

  async update(addressId: number, row: AddressWrite, now: string): Promise<void> {
    const values: Record<string, SqlValue> = { ...row, updated_at: now };
    const names = Object.keys(values);
    await this.db.execute(
      `UPDATE ${this.table} SET ${names.map((n) => `${this.db.quoteIdentifier(n)} = ?`).join(', ')} WHERE entity_id = ?`,
      [...names.map((n) => values[n] as SqlValue), addressId],
    );
  }

  async delete(addressIds: readonly number[]): Promise<void> {
    if (addressIds.length === 0) return;
    await this.db.execute(`DELETE FROM ${this.table} WHERE entity_id IN (${addressIds.map(() => '?').join(', ')})`, [...addressIds]);
  }

  /**
   * Magento's address DeleteRelation: a customer whose default billing or shipping address is gone has none.
   */
  async clearCustomerDefaults(customerId: number, addressIds: readonly number[]): Promise<void> {
    if (addressIds.length === 0) return;
    const customer = this.db.getTableName('customer_entity');
    const list = addressIds.map(() => '?').join(', ');
    for (const column of ['default_billing', 'default_shipping']) {
      await this.db.execute(`UPDATE ${customer} SET ${column} = NULL WHERE entity_id = ? AND ${column} IN (${list})`, [customerId, ...addressIds]);
    }
  }

  /** Writes the customer's default address ids (Magento's address Relation after an address save). */
  async setCustomerDefaults(customerId: number, defaults: { default_billing: number | null; default_shipping: number | null }): Promise<void> {
    await this.db.execute(
      `UPDATE ${this.db.getTableName('customer_entity')} SET default_billing = ?, default_shipping = ? WHERE entity_id = ?`,
      [defaults.default_billing, defaults.default_shipping, customerId],
    );
  }
}
