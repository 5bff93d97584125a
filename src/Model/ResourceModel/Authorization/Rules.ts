import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { CacheGeneration } from '../Cache/CacheGeneration.ts';

export type Permission = 'allow' | 'deny';

export interface RuleRow {
  rule_id: number;
  role_id: number;
  resource_id: string | null;
  permission: string | null;
}

/** Every SQL statement on `authorization_rule` (Magento's `Magento\Authorization\Model\ResourceModel\Rules`). */
@injectable()
export class Rules {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(CacheGeneration) private readonly generations: CacheGeneration,
  ) {}

  private get table(): string {
    return this.db.getTableName('authorization_rule');
  }

  /**
   * Rules in insertion order (when a role has two rules for one resource, the later one wins), only
   * for `resourceIds` when given: a Magento database holds one row per role and per resource of
   * every installed module, most of which this service never asks about.
   */
  async loadAll(resourceIds?: readonly string[]): Promise<RuleRow[]> {
    const where = resourceIds ? `WHERE resource_id IN (${resourceIds.map(() => '?').join(', ')})` : '';
    const rows = await this.db.fetchAll(
      `SELECT rule_id, role_id, resource_id, permission FROM ${this.table} ${where} ORDER BY rule_id`,
      resourceIds ? [...resourceIds] : [],
    );
    return rows.map((r) => ({
      rule_id: Number(r.rule_id),
      role_id: Number(r.role_id),
      resource_id: r.resource_id === null || r.resource_id === undefined ? null : String(r.resource_id),
      permission: r.permission === null || r.permission === undefined ? null : String(r.permission),
    }));
  }

  /**
   * Magento's `Rules::saveRel`: replaces the role's rules in one transaction. Only the root resource
   * posted → one `allow` row for it; otherwise one row per ACL resource, `allow` for the posted ones
   * (plus `Magento_Backend::admin`, which Magento always grants) and `deny` for the rest.
   */
  async saveRel(
    roleId: number,
    resources: readonly string[],
    allResourceIds: readonly string[],
    rootResourceId: string,
    adminResourceId: string,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.generations.bump(['acl'], tx);
      const table = tx.getTableName('authorization_rule');
      await tx.execute(`DELETE FROM ${table} WHERE role_id = ?`, [roleId]);
      if (resources.length === 0) return;
      if (resources.length === 1 && resources[0] === rootResourceId) {
        await tx.insert('authorization_rule', { role_id: roleId, resource_id: rootResourceId, privileges: '', permission: 'allow' });
        return;
      }
      const allowed = new Set([...resources, adminResourceId]);
      for (const resourceId of allResourceIds) {
        await tx.insert('authorization_rule', {
          role_id: roleId,
          resource_id: resourceId,
          privileges: '',
          permission: allowed.has(resourceId) ? 'allow' : 'deny',
        });
      }
    });
  }

  /** Sets one rule of a role (replacing the role's earlier rules for that resource). */
  async setRule(roleId: number, resourceId: string, permission: Permission): Promise<void> {
    await this.db.transaction(async (tx) => {
      const table = tx.getTableName('authorization_rule');
      await tx.execute(`DELETE FROM ${table} WHERE role_id = ? AND resource_id = ?`, [roleId, resourceId]);
      await this.generations.bump(['acl'], tx);
      await tx.insert('authorization_rule', { role_id: roleId, resource_id: resourceId, privileges: '', permission });
    });
  }
}
