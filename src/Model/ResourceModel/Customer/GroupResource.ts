import { inject, injectable } from 'inversify';
import type { SearchCriteria } from '../../../Framework/Api/SearchCriteria.ts';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { buildSearchCriteriaSql, pageLimit } from '../../../Framework/Db/SearchCriteriaQuery.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** A `customer_group` row joined with its `tax_class` name. */
export interface GroupRow {
  customer_group_id: number;
  customer_group_code: string;
  tax_class_id: number;
  class_name: string | null;
}

export interface TaxClassRow {
  class_id: number;
  class_name: string;
  class_type: string;
}

/** searchCriteria field → column, as Magento's GroupRepository::translateField maps them. */
const SEARCHABLE: Readonly<Record<string, string>> = Object.freeze({
  id: 'g.customer_group_id',
  customer_group_id: 'g.customer_group_id',
  code: 'g.customer_group_code',
  customer_group_code: 'g.customer_group_code',
  tax_class_id: 'g.tax_class_id',
  tax_class_name: 't.class_name',
  class_name: 't.class_name',
});

function toRow(r: Record<string, unknown>): GroupRow {
  return {
    customer_group_id: Number(r.customer_group_id),
    customer_group_code: String(r.customer_group_code),
    tax_class_id: Number(r.tax_class_id),
    class_name: r.class_name === null || r.class_name === undefined ? null : String(r.class_name),
  };
}

/** Every SQL statement on `customer_group` (Magento's `Magento\Customer\Model\ResourceModel\Group`) and `tax_class`. */
@injectable()
export class GroupResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private select(): string {
    return (
      `SELECT g.customer_group_id, g.customer_group_code, g.tax_class_id, t.class_name ` +
      `FROM ${this.db.getTableName('customer_group')} g LEFT JOIN ${this.db.getTableName('tax_class')} t ON t.class_id = g.tax_class_id`
    );
  }

  async loadById(id: number): Promise<GroupRow | undefined> {
    const row = await this.db.fetchRow(`${this.select()} WHERE g.customer_group_id = ?`, [id]);
    return row ? toRow(row) : undefined;
  }

  /** Another group with this code (Magento compares codes case-insensitively, as MySQL's collation does). */
  async codeTaken(code: string, excludeId: number | null): Promise<boolean> {
    const table = this.db.getTableName('customer_group');
    const eq = this.db.platform === 'sqlite' ? 'customer_group_code = ? COLLATE NOCASE' : 'customer_group_code = ?';
    const params = excludeId === null ? [code] : [code, excludeId];
    const sql = `SELECT customer_group_id FROM ${table} WHERE ${eq}${excludeId === null ? '' : ' AND customer_group_id <> ?'} LIMIT 1`;
    return (await this.db.fetchOne(sql, params)) !== undefined;
  }

  async insert(code: string, taxClassId: number): Promise<number> {
    return (await this.db.insert('customer_group', { customer_group_code: code, tax_class_id: taxClassId })).insertId;
  }

  async update(id: number, code: string, taxClassId: number): Promise<void> {
    await this.db.execute(
      `UPDATE ${this.db.getTableName('customer_group')} SET customer_group_code = ?, tax_class_id = ? WHERE customer_group_id = ?`,
      [code, taxClassId, id],
    );
  }

  async delete(id: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.db.getTableName('customer_group')} WHERE customer_group_id = ?`, [id]);
  }

  async loadTaxClass(id: number): Promise<TaxClassRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT class_id, class_name, class_type FROM ${this.db.getTableName('tax_class')} WHERE class_id = ?`,
      [id],
    );
    return r ? { class_id: Number(r.class_id), class_name: String(r.class_name), class_type: String(r.class_type) } : undefined;
  }

  async getList(criteria: SearchCriteria): Promise<{ rows: GroupRow[]; total: number }> {
    const sql = buildSearchCriteriaSql(criteria, SEARCHABLE);
    const from =
      `FROM ${this.db.getTableName('customer_group')} g LEFT JOIN ${this.db.getTableName('tax_class')} t ON t.class_id = g.tax_class_id`;
    const total = Number(await this.db.fetchOne(`SELECT COUNT(*) AS n ${from} ${sql.where}`, sql.whereParams));
    const orderBy = sql.orderBy ? `${sql.orderBy}, g.customer_group_id ASC` : 'ORDER BY g.customer_group_id ASC';
    const rows = await this.db.fetchAll(`${this.select()} ${sql.where} ${orderBy} ${pageLimit(sql, total)}`, sql.whereParams);
    return { rows: rows.map(toRow), total };
  }
}
