import { inject, injectable } from 'inversify';
import type { RequestAuthorizer } from '../../Framework/Acl/RequestAuthorizer.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { UserType, type UserContext } from '../../Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { Customer as CustomerResource } from '../ResourceModel/Customer/Customer.ts';
import { StoreManager } from '../Store/StoreManager.ts';
import { AclBuilder } from './AclBuilder.ts';

/** `Magento\Framework\Webapi\Authorization`'s two pseudo-resources. */
export const RESOURCE_ANONYMOUS = 'anonymous';
export const RESOURCE_SELF = 'self';

/**
 * Magento's `Magento\Framework\Authorization` with the web API plugins around it:
 *  - `anonymous` (GuestAuthorization): everyone;
 *  - `self` (CustomerAuthorization): a customer token, when the request's store view is one of the
 *    customer's shared stores (the customer's website's stores, or every store when accounts are
 *    global); any other caller falls through to the ACL, where only a global allow passes;
 *  - anything else: the caller's ACL role (AclBuilder). Customers and guests have none.
 * Several resources must all pass.
 */
@injectable()
export class Authorization implements RequestAuthorizer {
  constructor(
    @inject(AclBuilder) private readonly aclBuilder: AclBuilder,
    @inject(CustomerResource) private readonly customers: CustomerResource,
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async isAllowed(user: UserContext, resources: readonly string[]): Promise<boolean> {
    for (const resource of resources) {
      if (!(await this.isResourceAllowed(user, resource))) return false;
    }
    return true;
  }

  private async isResourceAllowed(user: UserContext, resource: string): Promise<boolean> {
    if (resource === RESOURCE_ANONYMOUS) return true;
    if (resource === RESOURCE_SELF && user.userType === UserType.CUSTOMER && user.userId) {
      if (await this.isCustomerInCurrentStore(user.userId)) return true;
    }
    if (user.userType === UserType.GUEST || user.userType === UserType.CUSTOMER || !user.userId) return false;
    const acl = await this.aclBuilder.getAcl();
    return acl.isAllowed(acl.roleOf(user), resource);
  }

  /** `Customer::getSharedStoreIds()` contains the current store. Outside a request, any store will do. */
  private async isCustomerInCurrentStore(customerId: number): Promise<boolean> {
    const customer = await this.customers.loadById(customerId);
    if (!customer) return false;
    const state = this.requestContext.current();
    if (state === undefined) return true;
    const store = await this.stores.getStoreById(state.storeId);
    if (!store || store.store_id === 0) return false;
    const perWebsite = (await this.config.getValue('customer/account_share/scope')) !== '0';
    return perWebsite ? store.website_id === customer.website_id : true;
  }
}
