import type { UserContext } from '../../Framework/Authentication/UserContext.ts';

/** The resource tree as the ACL needs it (AclResourceTree satisfies it). */
export interface AclResourceHierarchy {
  has(id: string): boolean;
  parentOf(id: string): string | null;
}

/** Roles and rules read from `authorization_role` / `authorization_rule`. */
export interface AclData {
  /** role id → parent role id (null for none). */
  readonly parents: ReadonlyMap<number, number | null>;
  /** role id → resource id → allowed; only resources of the tree. */
  readonly rules: ReadonlyMap<number, ReadonlyMap<string, boolean>>;
  /** Roles with an `allow` on the root resource: allowed everything not explicitly denied. */
  readonly globalAllow: ReadonlySet<number>;
  /** `${userType}:${userId}` → the user's role id (Magento's WebapiRoleLocator). */
  readonly userRoles: ReadonlyMap<string, number>;
}

/**
 * Magento's ACL (laminas-permissions-acl as `Magento\Framework\Acl` fills it) evaluated for one
 * privilege-less question: may this role use this resource?
 *  - A rule on the resource decides, looked up on the role first, then on its parents (depth first).
 *  - With no rule on the resource, the parent resource is asked, up to the top; then the role's
 *    global rules (an `allow` on `Magento_Backend::all` is one); then deny.
 *  - A resource that is not in the tree (`self` for an admin, say) is decided by the global rules
 *    only, as Magento's `AclPolicy` falls back to `isAllowed($role, null)`.
 * Immutable; built from one database snapshot.
 */
export class Acl {
  constructor(
    private readonly data: AclData,
    private readonly tree: AclResourceHierarchy,
  ) {}

  static userKey(userType: number, userId: number): string {
    return `${userType}:${userId}`;
  }

  /** The role of a caller, or null (customers, guests, users without a role). */
  roleOf(user: UserContext): number | null {
    if (user.userId === null) return null;
    return this.data.userRoles.get(Acl.userKey(user.userType, user.userId)) ?? null;
  }

  isAllowed(roleId: number | null, resource: string): boolean {
    if (roleId === null) return false;
    if (this.tree.has(resource)) {
      for (let current: string | null = resource; current !== null; current = this.tree.parentOf(current)) {
        const decided = this.ruleFor(roleId, current);
        if (decided !== null) return decided;
      }
    }
    return this.ruleFor(roleId, null) ?? false;
  }

  /** Depth-first over the role and its ancestors; null when none has a rule for `resource` (null = global). */
  private ruleFor(roleId: number, resource: string | null): boolean | null {
    const stack = [roleId];
    const visited = new Set<number>();
    while (stack.length > 0) {
      const role = stack.pop() as number;
      if (visited.has(role)) continue;
      visited.add(role);
      if (resource === null) {
        if (this.data.globalAllow.has(role)) return true;
      } else {
        const rule = this.data.rules.get(role)?.get(resource);
        if (rule !== undefined) return rule;
      }
      const parent = this.data.parents.get(role);
      if (parent !== null && parent !== undefined) stack.push(parent);
    }
    return null;
  }
}
