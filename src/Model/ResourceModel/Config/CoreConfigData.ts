import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { CacheGeneration } from '../Cache/CacheGeneration.ts';
import type { ScopeType } from '../../../Framework/Config/ScopeConfigInterface.ts';

export interface ConfigRow {
  scope: ScopeType;
  scope_id: number;
  path: string;
  value: string | null;
}

/** Every SQL statement on `core_config_data` (Magento's `Magento\Config\Model\ResourceModel\Config`). */
@injectable()
export class CoreConfigData {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(CacheGeneration) private readonly generations: CacheGeneration,
  ) {}

  async loadAll(): Promise<ConfigRow[]> {
    const rows = await this.db.fetchAll(
      `SELECT scope, scope_id, path, value FROM ${this.db.getTableName('core_config_data')}`,
    );
    return rows.map((r) => ({
      scope: String(r.scope) as ScopeType,
      scope_id: Number(r.scope_id),
      path: String(r.path),
      value: r.value === null || r.value === undefined ? null : String(r.value),
    }));
  }

  async save(path: string, value: string | null, scope: ScopeType, scopeId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insertOnDuplicate('core_config_data', { scope, scope_id: scopeId, path, value }, ['value']);
      await this.generations.bump(['config'], tx);
    });
  }

  async delete(path: string, scope: ScopeType, scopeId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${tx.getTableName('core_config_data')} WHERE scope = ? AND scope_id = ? AND path = ?`, [
        scope,
        scopeId,
        path,
      ]);
      await this.generations.bump(['config'], tx);
    });
  }
}
