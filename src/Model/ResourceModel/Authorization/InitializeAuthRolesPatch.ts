import type { ModuleDataPatch } from '../../../Framework/App/ModuleDescriptor.ts';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { UserType } from '../../../Framework/Authentication/UserContext.ts';

/**
 * Magento_Authorization's `InitializeAuthRoles` data patch: the "Administrators" group role with an
 * `allow` on `Magento_Backend::all`, which `admin:user:create` assigns. Skipped when the role exists
 * (always, on a Magento database).
 */
export class InitializeAuthRolesPatch implements ModuleDataPatch {
  readonly name = 'Magento\\Authorization\\Setup\\Patch\\Data\\InitializeAuthRoles';

  async apply(connection: ConnectionInterface): Promise<void> {
    const roles = connection.getTableName('authorization_role');
    const existing = await connection.fetchOne(
      `SELECT role_id FROM ${roles} WHERE parent_id = 0 AND tree_level = 1 AND role_type = ? AND role_name = ?`,
      ['G', 'Administrators'],
    );
    if (existing !== undefined) return;
    await connection.transaction(async (tx) => {
      const { insertId } = await tx.insert('authorization_role', {
        parent_id: 0,
        tree_level: 1,
        sort_order: 1,
        role_type: 'G',
        user_id: 0,
        user_type: String(UserType.ADMIN),
        role_name: 'Administrators',
      });
      await tx.insert('authorization_rule', {
        role_id: insertId,
        resource_id: 'Magento_Backend::all',
        privileges: null,
        permission: 'allow',
      });
    });
  }
}
