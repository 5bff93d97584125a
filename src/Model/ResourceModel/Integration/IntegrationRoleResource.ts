import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

const INTEGRATION_USER_TYPE = '1';

/**
 * The integration rows of `authorization_role`, written as Magento's `Integration\Model\AuthorizationService`
 * does: one user role (`role_type` U, parent 0, tree level 1, `user_type` 1, `user_id` and `role_name` the
 * integration id) whose rules `Rules::saveRel` writes.
 */
@injectable()
export class IntegrationRoleResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async findRoleId(integrationId: number): Promise<number | null> {
    const id = await this.db.fetchOne(
      `SELECT role_id FROM ${this.db.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ? ORDER BY role_id LIMIT 1`,
      [integrationId, INTEGRATION_USER_TYPE],
    );
    return id === undefined || id === null ? null : Number(id);
  }

  async createRole(integrationId: number): Promise<number> {
    const result = await this.db.insert('authorization_role', {
      parent_id: 0,
      tree_level: 1,
      sort_order: 0,
      role_type: 'U',
      user_id: integrationId,
      user_type: INTEGRATION_USER_TYPE,
      role_name: String(integrationId),
    });
    return result.insertId;
  }

  /** Rules go with the role (authorization_rule's foreign key cascades). */
  async deleteRoles(integrationId: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.db.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ?`, [
      integrationId,
      INTEGRATION_USER_TYPE,
    ]);
  }
}
