import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { CacheGeneration } from '../Cache/CacheGeneration.ts';

/** Magento's role types (`Magento\Authorization\Model\Acl\Role\Group::ROLE_TYPE` / `User::ROLE_TYPE`). */
export const ROLE_TYPE_GROUP = 'G';
export const ROLE_TYPE_USER = 'U';

export interface RoleRow {
  role_id: number;
  parent_id: number;
  tree_level: number;
  role_type: string;
  user_id: number;
  user_type: string | null;
  role_name: string | null;
}

function toRow(r: Record<string, unknown>): RoleRow {
  return {
    role_id: Number(r.role_id),
    parent_id: Number(r.parent_id),
    tree_level: Number(r.tree_level),
    role_type: String(r.role_type),
    user_id: Number(r.user_id),
    user_type: r.user_type === null || r.user_type === undefined ? null : String(r.user_type),
    role_name: r.role_name === null || r.role_name === undefined ? null : String(r.role_name),
  };
}

const COLUMNS = 'role_id, parent_id, tree_level, role_type, user_id, user_type, role_name';

/** Every SQL statement on `authorization_role` (Magento's `Magento\Authorization\Model\ResourceModel\Role`). */
@injectable()
export class Role {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(CacheGeneration) private readonly generations: CacheGeneration,
  ) {}

  private get table(): string {
    return this.db.getTableName('authorization_role');
  }

  /** All roles, ordered as Magento's role loader reads them (`ORDER BY tree_level`). */
  async loadAll(): Promise<RoleRow[]> {
    const rows = await this.db.fetchAll(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY tree_level, role_id`);
    return rows.map(toRow);
  }

  async loadById(roleId: number): Promise<RoleRow | undefined> {
    const row = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE role_id = ?`, [roleId]);
    return row ? toRow(row) : undefined;
  }

  /** A group role by name (the first one when names repeat, as Magento allows). */
  async findGroupByName(name: string): Promise<RoleRow | undefined> {
    const row = await this.db.fetchRow(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE role_type = ? AND role_name = ? ORDER BY role_id LIMIT 1`,
      [ROLE_TYPE_GROUP, name],
    );
    return row ? toRow(row) : undefined;
  }

  /**
   * The user role of (user_id, user_type) — Magento's role collection `setUserFilter(...)->getFirstItem()`.
   */
  async findUserRole(userId: number, userType: number): Promise<RoleRow | undefined> {
    const row = await this.db.fetchRow(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE user_id = ? AND user_type = ? ORDER BY role_id LIMIT 1`,
      [userId, String(userType)],
    );
    return row ? toRow(row) : undefined;
  }

  /** A top-level group role, as the admin panel saves one (tree_level 1, user_type admin). */
  async createGroup(name: string, userType: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const result = await tx.insert('authorization_role', {
      parent_id: 0,
      tree_level: 1,
      sort_order: 0,
      role_type: ROLE_TYPE_GROUP,
      user_id: 0,
      user_type: String(userType),
      role_name: name,
      });
      await this.generations.bump(['acl'], tx);
      return result.insertId;
    });
  }

  /**
   * Makes `parent` the only role of the user, as Magento's `User::_createUserRole` does: the user's
   * previous role rows go, one user role (tree_level = parent's + 1) comes in. Atomic.
   */
  async assignUser(userId: number, userType: number, parent: RoleRow, roleName: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${tx.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ?`, [
        userId,
        String(userType),
      ]);
      const result = await tx.insert('authorization_role', {
        parent_id: parent.role_id,
        tree_level: parent.tree_level + 1,
        sort_order: 0,
        role_type: ROLE_TYPE_USER,
        user_id: userId,
        user_type: String(userType),
        role_name: roleName,
      });
      await this.generations.bump(['acl'], tx);
      return result.insertId;
    });
  }

  async deleteUserRoles(userId: number, userType: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${tx.getTableName('authorization_role')} WHERE user_id = ? AND user_type = ?`, [userId, String(userType)]);
      await this.generations.bump(['acl'], tx);
    });
  }
}
