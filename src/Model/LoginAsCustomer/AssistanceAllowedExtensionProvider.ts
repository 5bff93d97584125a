import { inject, injectable } from 'inversify';
import type { CustomerExtensionProviderInterface } from '../../Api/Customer/CustomerExtensionProviderInterface.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import { ASSISTANCE_ALLOWED, ASSISTANCE_DENIED } from '../../Api/LoginAsCustomer/IsAssistanceEnabledInterface.ts';
import type { SetAssistanceInterface } from '../../Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { RequestAuthorizer } from '../../Framework/Acl/RequestAuthorizer.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AssistanceAllowedResource } from '../ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';

export const ALLOW_SHOPPING_ASSISTANCE_RESOURCE = 'Magento_LoginAsCustomer::allow_shopping_assistance';

/**
 * `extension_attributes.assistance_allowed` on customers (LoginAsCustomerAssistance's CustomerPlugin):
 * on save, a truthy value sets the opt-in (2 allows, anything else denies; 0 or absent changes nothing).
 * Admin and integration callers need `Magento_LoginAsCustomer::allow_shopping_assistance`, and without it
 * the value is silently ignored, as in Magento; customers and guests (account creation) may always set it.
 * On load the attribute is filled from the table (2 or 1) — Magento fills it only for its admin form.
 */
@injectable()
export class AssistanceAllowedExtensionProvider implements CustomerExtensionProviderInterface {
  constructor(
    @inject(AssistanceAllowedResource) private readonly resource: AssistanceAllowedResource,
    @inject(TYPES.LacSetAssistance) private readonly setAssistance: SetAssistanceInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  async afterLoad(customers: CustomerData[]): Promise<void> {
    const ids = customers.map((c) => c.id).filter((id): id is number => typeof id === 'number');
    if (ids.length === 0) return;
    const allowed = await this.resource.filterAllowed(ids);
    for (const customer of customers) {
      if (typeof customer.id !== 'number') continue;
      customer.extension_attributes = {
        ...customer.extension_attributes,
        assistance_allowed: allowed.has(customer.id) ? ASSISTANCE_ALLOWED : ASSISTANCE_DENIED,
      };
    }
  }

  async afterSave(saved: CustomerData, input: CustomerData): Promise<void> {
    if (typeof saved.id !== 'number') return;
    const requested = Number(input.extension_attributes?.assistance_allowed ?? 0);
    if (!requested || !(await this.mayChange())) return;
    const isEnabled = requested === ASSISTANCE_ALLOWED;
    await this.setAssistance.execute(saved.id, isEnabled);
    saved.extension_attributes = {
      ...saved.extension_attributes,
      assistance_allowed: isEnabled ? ASSISTANCE_ALLOWED : ASSISTANCE_DENIED,
    };
  }

  private async mayChange(): Promise<boolean> {
    const user = this.requestContext.getUser();
    if (user.userType !== UserType.ADMIN && user.userType !== UserType.INTEGRATION) return true;
    return this.authorizer.isAllowed(user, [ALLOW_SHOPPING_ASSISTANCE_RESOURCE]);
  }
}
