import { inject, injectable } from 'inversify';
import type { AclResourceTree } from '../../Framework/Acl/AclResourceTree.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { CacheGenerations } from '../Cache/CacheGenerations.ts';
import { SharedCache } from '../Cache/SharedCache.ts';
import { Role, ROLE_TYPE_GROUP, ROLE_TYPE_USER, type RoleRow } from '../ResourceModel/Authorization/Role.ts';
import { Rules, type RuleRow } from '../ResourceModel/Authorization/Rules.ts';
import { Acl, type AclData } from './Acl.ts';

/** Magento's root resource: an `allow` on it is a global allow. */
export const ROOT_RESOURCE_ID = 'Magento_Backend::all';

/**
 * Magento's `Magento\Framework\Acl\Builder`: the ACL built from acl.xml and the role/rule tables.
 * Built once and shared until the `acl` cache generation moves (Magento caches it until an admin saves a role):
 * every write to `authorization_role`/`authorization_rule` through Role or Rules bumps it, so a role change made by
 * any instance or the CLI is honoured by the next request on every instance (CacheGenerations).
 */
@injectable()
export class AclBuilder {
  private readonly cache: SharedCache<Acl>;

  constructor(
    @inject(Role) private readonly roles: Role,
    @inject(Rules) private readonly rules: Rules,
    @inject(TYPES.AclResourceProvider) private readonly tree: AclResourceTree,
    @inject(CacheGenerations) generations: CacheGenerations,
  ) {
    this.cache = new SharedCache(generations, () => this.load());
  }

  getAcl(): Promise<Acl> {
    return this.cache.get();
  }

  /** Forget the cached ACL (after a role change made by this process). */
  clean(): void {
    this.cache.clean();
  }

  private async load(): Promise<Acl> {
    const resourceIds = [...new Set([ROOT_RESOURCE_ID, ...this.tree.ids()])];
    const [roles, rules] = await Promise.all([this.roles.loadAll(), this.rules.loadAll(resourceIds)]);
    return new Acl(AclBuilder.toData(roles, rules, (id) => this.tree.has(id)), this.tree);
  }

  /** Magento's role and rule loaders, as plain data. Rules on unknown resources are ignored. */
  static toData(roles: readonly RoleRow[], rules: readonly RuleRow[], has: (resource: string) => boolean): AclData {
    const parents = new Map<number, number | null>();
    const userRoles = new Map<string, number>();
    for (const role of roles) {
      if (role.role_type !== ROLE_TYPE_GROUP && role.role_type !== ROLE_TYPE_USER) continue;
      parents.set(role.role_id, role.parent_id > 0 ? role.parent_id : null);
      if (role.role_type === ROLE_TYPE_USER && role.user_type !== null && /^\d+$/.test(role.user_type)) {
        const key = Acl.userKey(Number(role.user_type), role.user_id);
        const existing = userRoles.get(key);
        if (existing === undefined || role.role_id < existing) userRoles.set(key, role.role_id);
      }
    }
    const byRole = new Map<number, Map<string, boolean>>();
    const globalAllow = new Set<number>();
    for (const rule of rules) {
      if (rule.resource_id === null || !has(rule.resource_id)) continue;
      let map = byRole.get(rule.role_id);
      if (!map) byRole.set(rule.role_id, (map = new Map()));
      if (rule.permission === 'allow') {
        if (rule.resource_id === ROOT_RESOURCE_ID) globalAllow.add(rule.role_id);
        map.set(rule.resource_id, true);
      } else if (rule.permission === 'deny') {
        map.set(rule.resource_id, false);
      }
    }
    return { parents, rules: byRole, globalAllow, userRoles };
  }
}
