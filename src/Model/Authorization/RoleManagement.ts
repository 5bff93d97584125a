import { inject, injectable } from 'inversify';
import type { AclResourceTree } from '../../Framework/Acl/AclResourceTree.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { Role, ROLE_TYPE_GROUP, type RoleRow } from '../ResourceModel/Authorization/Role.ts';
import { Rules, type Permission } from '../ResourceModel/Authorization/Rules.ts';
import { AclBuilder, ROOT_RESOURCE_ID } from './AclBuilder.ts';

/** `Magento\Backend\App\AbstractAction::ADMIN_RESOURCE`: Magento grants it to every restricted role. */
export const ADMIN_RESOURCE_ID = 'Magento_Backend::admin';

/** The role `setup:install` creates (Magento_Authorization's InitializeAuthRoles patch). */
export const ADMINISTRATORS_ROLE_NAME = 'Administrators';

/**
 * Writes admin roles the way Magento's admin panel and installer do (role rows, `saveRel` rules,
 * user assignment), then drops this process's cached ACL so the change applies at once.
 */
@injectable()
export class RoleManagement {
  constructor(
    @inject(Role) private readonly roles: Role,
    @inject(Rules) private readonly rules: Rules,
    @inject(TYPES.AclResourceProvider) private readonly tree: AclResourceTree,
    @inject(AclBuilder) private readonly aclBuilder: AclBuilder,
  ) {}

  /** The installer's "Administrators" group with `allow` on Magento_Backend::all, created when missing. */
  async ensureAdministratorsRole(): Promise<RoleRow> {
    const existing = await this.roles.findGroupByName(ADMINISTRATORS_ROLE_NAME);
    if (existing && existing.parent_id === 0 && existing.tree_level === 1) return existing;
    const roleId = await this.roles.createGroup(ADMINISTRATORS_ROLE_NAME, UserType.ADMIN);
    await this.rules.saveRel(roleId, [ROOT_RESOURCE_ID], this.tree.ids(), ROOT_RESOURCE_ID, ADMIN_RESOURCE_ID);
    this.aclBuilder.clean();
    return (await this.roles.loadById(roleId)) as RoleRow;
  }

  /**
   * A new group role allowed `resources`. As the admin panel's role tree posts them, a chosen
   * resource brings its descendants and ancestors; `Magento_Backend::all` alone means everything.
   */
  async createRole(name: string, resources: readonly string[]): Promise<RoleRow> {
    const trimmed = name.trim();
    if (trimmed === '') throw new LocalizedException(__('A role name is required.'));
    if (await this.roles.findGroupByName(trimmed)) {
      throw new LocalizedException(__('A role named "%1" already exists.', [trimmed]));
    }
    const posted = this.expand(resources);
    const roleId = await this.roles.createGroup(trimmed, UserType.ADMIN);
    await this.rules.saveRel(roleId, posted, this.tree.ids(), ROOT_RESOURCE_ID, ADMIN_RESOURCE_ID);
    this.aclBuilder.clean();
    return (await this.roles.loadById(roleId)) as RoleRow;
  }

  /** Makes the group role the admin's only role. */
  async assignAdmin(userId: number, roleId: number, roleName: string): Promise<void> {
    const role = await this.roles.loadById(roleId);
    if (!role || role.role_type !== ROLE_TYPE_GROUP) {
      throw new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'roleId', fieldValue: roleId }));
    }
    await this.roles.assignUser(userId, UserType.ADMIN, role, roleName);
    this.aclBuilder.clean();
  }

  /** Sets one rule of a role (replacing its earlier rule for that resource). */
  async setRule(roleId: number, resourceId: string, permission: Permission): Promise<void> {
    this.assertResource(resourceId);
    await this.rules.setRule(roleId, resourceId, permission);
    this.aclBuilder.clean();
  }

  async findRole(name: string): Promise<RoleRow | undefined> {
    return this.roles.findGroupByName(name);
  }

  private expand(resources: readonly string[]): string[] {
    for (const resource of resources) this.assertResource(resource);
    if (resources.includes(ROOT_RESOURCE_ID)) return [ROOT_RESOURCE_ID];
    const out = new Set<string>();
    const addDescendants = (id: string): void => {
      out.add(id);
      for (const child of this.tree.get(id)?.children ?? []) addDescendants(child.id);
    };
    for (const resource of resources) {
      addDescendants(resource);
      for (const ancestor of this.tree.ancestorsOf(resource)) out.add(ancestor);
    }
    return [...out];
  }

  private assertResource(resourceId: string): void {
    if (!this.tree.has(resourceId)) {
      throw new LocalizedException(__('The "%1" ACL resource doesn\'t exist.', [resourceId]));
    }
  }
}
