import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** Magento's `Integration::STATUS_*` and `TYPE_*` values. */
export const INTEGRATION_STATUS_INACTIVE = 0;
export const INTEGRATION_STATUS_ACTIVE = 1;
/** Re-created from etc/integration/*.xml after its definition changed; must be activated again. */
export const INTEGRATION_STATUS_RECREATED = 2;
export const INTEGRATION_SETUP_TYPE_MANUAL = 0;
export const INTEGRATION_SETUP_TYPE_CONFIG = 1;

export interface IntegrationRow {
  readonly integration_id: number;
  readonly name: string;
  readonly email: string;
  readonly endpoint: string | null;
  readonly identity_link_url: string | null;
  readonly status: number;
  readonly consumer_id: number | null;
  readonly setup_type: number;
  readonly created_at: string;
}

const COLUMNS = 'integration_id, name, email, endpoint, identity_link_url, status, consumer_id, setup_type, created_at';

function toRow(r: Record<string, unknown>): IntegrationRow {
  return {
    integration_id: Number(r.integration_id),
    name: String(r.name),
    email: String(r.email),
    endpoint: r.endpoint === null || r.endpoint === undefined ? null : String(r.endpoint),
    identity_link_url: r.identity_link_url === null || r.identity_link_url === undefined ? null : String(r.identity_link_url),
    status: Number(r.status),
    consumer_id: r.consumer_id === null || r.consumer_id === undefined ? null : Number(r.consumer_id),
    setup_type: Number(r.setup_type),
    created_at: String(r.created_at),
  };
}

/** Every SQL statement on `integration` (Magento's `Magento\Integration\Model\ResourceModel\Integration`). */
@injectable()
export class IntegrationResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  private get table(): string {
    return this.db.getTableName('integration');
  }

  async insert(row: {
    name: string;
    email: string;
    endpoint: string | null;
    identity_link_url: string | null;
    status: number;
    setup_type: number;
    now: string;
  }): Promise<number> {
    const { now, ...columns } = row;
    const result = await this.db.insert('integration', { ...columns, created_at: now, updated_at: now });
    return result.insertId;
  }

  async loadById(integrationId: number): Promise<IntegrationRow | undefined> {
    const r = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE integration_id = ?`, [integrationId]);
    return r ? toRow(r) : undefined;
  }

  async loadByName(name: string): Promise<IntegrationRow | undefined> {
    const r = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE name = ?`, [name]);
    return r ? toRow(r) : undefined;
  }

  async loadByConsumerId(consumerId: number): Promise<IntegrationRow | undefined> {
    const r = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE consumer_id = ?`, [consumerId]);
    return r ? toRow(r) : undefined;
  }

  /** Magento's `loadActiveIntegrationByConsumerId`. */
  async loadActiveByConsumerId(consumerId: number): Promise<IntegrationRow | undefined> {
    const r = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE consumer_id = ? AND status = ?`, [
      consumerId,
      INTEGRATION_STATUS_ACTIVE,
    ]);
    return r ? toRow(r) : undefined;
  }

  async loadAll(): Promise<IntegrationRow[]> {
    const rows = await this.db.fetchAll(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY integration_id`);
    return rows.map(toRow);
  }

  async setConsumer(integrationId: number, consumerId: number): Promise<void> {
    await this.db.execute(`UPDATE ${this.table} SET consumer_id = ? WHERE integration_id = ?`, [consumerId, integrationId]);
  }

  async setStatus(integrationId: number, status: number, now: string): Promise<void> {
    await this.db.execute(`UPDATE ${this.table} SET status = ?, updated_at = ? WHERE integration_id = ?`, [status, now, integrationId]);
  }

  async delete(integrationId: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.table} WHERE integration_id = ?`, [integrationId]);
  }
}
