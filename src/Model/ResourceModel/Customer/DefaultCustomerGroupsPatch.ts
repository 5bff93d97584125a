import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import type { DataPatch } from '../../../Framework/Db/Schema/DataPatch.ts';

/**
 * Magento's default tax classes (Magento_Tax's AddTaxAttributeAndTaxClasses: 2 "Taxable Goods" PRODUCT,
 * 3 "Retail Customer" CUSTOMER) and customer groups (Magento_Customer's DefaultCustomerGroupsAndAttributes:
 * 0 NOT LOGGED IN, 1 General, 2 Wholesale, 3 Retailer, all with tax class 3). Rows already present — a Magento
 * database, an earlier start, a concurrent installer — are left alone (INSERT IGNORE on the primary keys).
 */
export class DefaultCustomerGroupsPatch implements DataPatch {
  readonly name = 'Magento\\Customer\\Setup\\Patch\\Data\\DefaultCustomerGroupsAndAttributes';

  async apply(connection: ConnectionInterface): Promise<void> {
    const groups = connection.getTableName('customer_group');
    if ((await connection.fetchOne(`SELECT customer_group_id FROM ${groups} LIMIT 1`)) !== undefined) return;
    await connection.transaction(async (tx) => {
      await tx.insertIgnore('tax_class', { class_id: 2, class_name: 'Taxable Goods', class_type: 'PRODUCT' });
      await tx.insertIgnore('tax_class', { class_id: 3, class_name: 'Retail Customer', class_type: 'CUSTOMER' });
      const rows: Array<[number, string]> = [[0, 'NOT LOGGED IN'], [1, 'General'], [2, 'Wholesale'], [3, 'Retailer']];
      for (const [id, code] of rows) {
        await tx.insertIgnore('customer_group', { customer_group_id: id, customer_group_code: code, tax_class_id: 3 });
      }
    });
  }
}
