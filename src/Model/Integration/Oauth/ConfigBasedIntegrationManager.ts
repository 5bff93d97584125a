import { inject, injectable } from 'inversify';
import { ROOT_RESOURCE_ID } from '../../Authorization/AclBuilder.ts';
import { INTEGRATION_SETUP_TYPE_CONFIG, INTEGRATION_STATUS_RECREATED } from '../../ResourceModel/Integration/IntegrationResource.ts';
import { Rules } from '../../ResourceModel/Authorization/Rules.ts';
import { IntegrationRoleResource } from '../../ResourceModel/Integration/IntegrationRoleResource.ts';
import type { DeclaredIntegration } from './IntegrationConfigReader.ts';
import { IntegrationAuthorizationService } from './IntegrationAuthorizationService.ts';
import { IntegrationService } from './IntegrationService.ts';

export type ProcessedIntegration = { readonly name: string; readonly outcome: 'created' | 'recreated' | 'unchanged' };

/**
 * Magento's `ConfigBasedIntegrationManager::processConfigBasedIntegrations`, run by setup: each declared
 * integration is created (setup type "config", inactive until someone activates it); one that exists and is
 * unchanged (email, endpoint, identity link URL, resources) is left alone; one that changed is deleted and
 * created again with status "recreated" — its old credentials stop working, as in Magento.
 */
@injectable()
export class ConfigBasedIntegrationManager {
  constructor(
    @inject(IntegrationService) private readonly integrations: IntegrationService,
    @inject(IntegrationRoleResource) private readonly roles: IntegrationRoleResource,
    @inject(Rules) private readonly rules: Rules,
    @inject(IntegrationAuthorizationService) private readonly authorization: IntegrationAuthorizationService,
  ) {}

  async process(declared: ReadonlyMap<string, DeclaredIntegration>): Promise<ProcessedIntegration[]> {
    const out: ProcessedIntegration[] = [];
    for (const integration of declared.values()) {
      const existing = await this.integrations.findByName(integration.name);
      let outcome: ProcessedIntegration['outcome'] = 'created';
      if (existing) {
        const unchanged =
          existing.email === integration.email &&
          existing.endpoint === integration.endpointUrl &&
          existing.identity_link_url === integration.identityLinkUrl &&
          existing.setup_type === INTEGRATION_SETUP_TYPE_CONFIG &&
          sameSet(await this.allowedResources(existing.integration_id), this.authorization.expectedAllowed(integration.resources));
        if (unchanged) {
          out.push({ name: integration.name, outcome: 'unchanged' });
          continue;
        }
        await this.integrations.delete(existing.integration_id);
        outcome = 'recreated';
      }
      const created = await this.integrations.create({
        name: integration.name,
        email: integration.email,
        endpoint: integration.endpointUrl,
        identityLinkUrl: integration.identityLinkUrl,
        resources: integration.resources.includes(ROOT_RESOURCE_ID) ? 'all' : integration.resources,
        setupType: INTEGRATION_SETUP_TYPE_CONFIG,
      });
      if (outcome === 'recreated') await this.integrations.setStatus(created.id, INTEGRATION_STATUS_RECREATED);
      out.push({ name: integration.name, outcome });
    }
    return out;
  }

  /** Magento's `AclRetriever::getAllowedResourcesByUser` for an integration: its role's `allow` rules. */
  private async allowedResources(integrationId: number): Promise<string[]> {
    const roleId = await this.roles.findRoleId(integrationId);
    if (roleId === null) return [];
    const rules = await this.rules.loadAll();
    return rules.filter((r) => r.role_id === roleId && r.permission === 'allow' && r.resource_id !== null).map((r) => r.resource_id as string);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
