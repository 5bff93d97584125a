import { inject, injectable } from 'inversify';
import type { AclResourceTree } from '../../../Framework/Acl/AclResourceTree.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { LocalizedException } from '../../../Framework/Exception/LocalizedException.ts';
import { __ } from '../../../Framework/Exception/Phrase.ts';
import { AclBuilder, ROOT_RESOURCE_ID } from '../../Authorization/AclBuilder.ts';
import { ADMIN_RESOURCE_ID } from '../../Authorization/RoleManagement.ts';
import { Rules } from '../../ResourceModel/Authorization/Rules.ts';
import { IntegrationRoleResource } from '../../ResourceModel/Integration/IntegrationRoleResource.ts';

/**
 * Magento's `Magento\Integration\Model\AuthorizationService`: an integration's ACL is a user role of user
 * type 1 whose rules `saveRel` writes — `Magento_Backend::all` alone for "all resources", else allow/deny
 * rows over the whole tree. Named resources bring their ancestors, as the admin panel's tree posts them.
 */
@injectable()
export class IntegrationAuthorizationService {
  constructor(
    @inject(IntegrationRoleResource) private readonly roles: IntegrationRoleResource,
    @inject(Rules) private readonly rules: Rules,
    @inject(TYPES.AclResourceProvider) private readonly tree: AclResourceTree,
    @inject(AclBuilder) private readonly aclBuilder: AclBuilder,
  ) {}

  async grantPermissions(integrationId: number, resources: readonly string[]): Promise<void> {
    const posted = this.expand(resources);
    const roleId = (await this.roles.findRoleId(integrationId)) ?? (await this.roles.createRole(integrationId));
    await this.rules.saveRel(roleId, posted, this.tree.ids(), ROOT_RESOURCE_ID, ADMIN_RESOURCE_ID);
    this.aclBuilder.clean();
  }

  async grantAllPermissions(integrationId: number): Promise<void> {
    await this.grantPermissions(integrationId, [ROOT_RESOURCE_ID]);
  }

  async removePermissions(integrationId: number): Promise<void> {
    await this.roles.deleteRoles(integrationId);
    this.aclBuilder.clean();
  }

  /** What `saveRel` will `allow` for these resources: the root alone, or them with their ancestors and Magento_Backend::admin. */
  expectedAllowed(resources: readonly string[]): string[] {
    const posted = this.expand(resources);
    if (posted.length === 1 && posted[0] === ROOT_RESOURCE_ID) return posted;
    return [...new Set([...posted, ADMIN_RESOURCE_ID])];
  }

  private expand(resources: readonly string[]): string[] {
    for (const resource of resources) {
      if (resource !== ROOT_RESOURCE_ID && !this.tree.has(resource)) {
        throw new LocalizedException(__('The "%1" ACL resource doesn\'t exist.', [resource]));
      }
    }
    if (resources.includes(ROOT_RESOURCE_ID)) return [ROOT_RESOURCE_ID];
    const out = new Set<string>();
    for (const resource of resources) {
      out.add(resource);
      for (const ancestor of this.tree.ancestorsOf(resource)) out.add(ancestor);
    }
    return [...out];
  }
}
