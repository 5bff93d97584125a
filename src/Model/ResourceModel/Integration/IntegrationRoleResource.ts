import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { CacheGeneration } from '../Cache/CacheGeneration.ts';

const INTEGRATION_USER_TYPE = '1';

/**
 * The integration rows of `authorization_role`, written as Magento's `Integration\Model\AuthorizationService`
 * does: one user role (`role_type` U, parent 0, tree level 1, `user_type` 1, `user_id` and `role_name` the
 * integration id) whose rules `Rules::saveRel` writes.
 */
@injectable()
export class IntegrationRoleResource {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(CacheGeneration) private readonly generations: CacheGeneration,
  ) {}

  async findRoleId(integrationId: number): Promise<number | null> {
    const id = await this.db.fetchOne(
      `SELECT role_id FROM ${this.db.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ? ORDER BY role_id LIMIT 1`,
      [integrationId, INTEGRATION_USER_TYPE],
    );
    return id === undefined || id === null ? null : Number(id);
  }

  /** Every instance's ACL cache sees the role at its next request (the generation moves in the same transaction). */
  async createRole(integrationId: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const result = await tx.insert('authorization_role', {
      parent_id: 0,
      tree_level: 1,
      sort_order: 0,
      role_type: 'U',
      user_id: integrationId,
      user_type: INTEGRATION_USER_TYPE,
      role_name: String(integrationId),
      });
      await this.generations.bump(['acl'], tx);
      return result.insertId;
    });
  }

  /** Rules go with the role (authorization_rule's foreign key cascades). */
  async deleteRoles(integrationId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${tx.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ?`, [
        integrationId,
        INTEGRATION_USER_TYPE,
      ]);
      await this.generations.bump(['acl'], tx);
    });
  }
}
