import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

export interface StoreRow {
  store_id: number;
  code: string;
  website_id: number;
  group_id: number;
  name: string;
  sort_order: number;
  is_active: number;
}

export interface WebsiteRow {
  website_id: number;
  code: string;
  name: string;
  sort_order: number;
  default_group_id: number;
  is_default: number;
}

export interface StoreGroupRow {
  group_id: number;
  website_id: number;
  name: string;
  root_category_id: number;
  default_store_id: number;
  code: string;
}

const num = (v: unknown): number => Number(v);

/** Every SQL statement on `store`, `store_group` and `store_website`. */
@injectable()
export class StoreResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async loadStores(): Promise<StoreRow[]> {
    const rows = await this.db.fetchAll(
      `SELECT store_id, code, website_id, group_id, name, sort_order, is_active FROM ${this.db.getTableName('store')} ORDER BY sort_order, store_id`,
    );
    return rows.map((r) => ({
      store_id: num(r.store_id),
      code: String(r.code),
      website_id: num(r.website_id),
      group_id: num(r.group_id),
      name: String(r.name),
      sort_order: num(r.sort_order),
      is_active: num(r.is_active),
    }));
  }

  async loadWebsites(): Promise<WebsiteRow[]> {
    const rows = await this.db.fetchAll(
      `SELECT website_id, code, name, sort_order, default_group_id, is_default FROM ${this.db.getTableName('store_website')} ORDER BY sort_order, website_id`,
    );
    return rows.map((r) => ({
      website_id: num(r.website_id),
      code: String(r.code),
      name: String(r.name),
      sort_order: num(r.sort_order),
      default_group_id: num(r.default_group_id),
      is_default: num(r.is_default),
    }));
  }

  async loadGroups(): Promise<StoreGroupRow[]> {
    const rows = await this.db.fetchAll(
      `SELECT group_id, website_id, name, root_category_id, default_store_id, code FROM ${this.db.getTableName('store_group')} ORDER BY group_id`,
    );
    return rows.map((r) => ({
      group_id: num(r.group_id),
      website_id: num(r.website_id),
      name: String(r.name),
      root_category_id: num(r.root_category_id),
      default_store_id: num(r.default_store_id),
      code: String(r.code),
    }));
  }
}
