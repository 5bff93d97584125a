import { inject, injectable } from 'inversify';
import type { GroupData } from '../../Api/Customer/Data/GroupInterface.ts';
import type { GroupManagementInterface } from '../../Api/Customer/GroupManagementInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { GroupResource } from '../ResourceModel/Customer/GroupResource.ts';
import { StoreManager } from '../Store/StoreManager.ts';
import { GroupRepository, NOT_LOGGED_IN_ID, noSuchGroup } from './GroupRepository.ts';

/**
 * Magento's `Magento\Customer\Model\GroupManagement`: `isReadonly` (group 0 and default groups cannot be deleted;
 * an unknown group is `No such entity with groupId = <id>`) and `getDefaultGroup` (the store's
 * `customer/create_account/default_group`; an unknown store is `No such entity with storeId = <id>`).
 */
@injectable()
export class GroupManagement implements GroupManagementInterface {
  constructor(
    @inject(GroupRepository) private readonly groups: GroupRepository,
    @inject(GroupResource) private readonly resource: GroupResource,
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async isReadonly(groupId: number): Promise<boolean> {
    if (!Number.isSafeInteger(groupId) || groupId < 0 || !(await this.resource.loadById(groupId))) throw noSuchGroup('groupId', groupId);
    return groupId === NOT_LOGGED_IN_ID || (await this.groups.usesAsDefault(groupId));
  }

  async getDefaultGroup(storeId?: number | null): Promise<GroupData> {
    const id = storeId ?? this.requestContext.current()?.storeId ?? (await this.stores.getDefaultStoreView())?.store_id ?? 1;
    if (!(await this.stores.getStoreById(id))) throw noSuchGroup('storeId', id);
    const groupId = Number(await this.config.getValue('customer/create_account/default_group', 'stores', id));
    try {
      return await this.groups.getById(groupId);
    } catch (error) {
      if (!(error instanceof NoSuchEntityException)) throw error;
      throw new NoSuchEntityException(
        __('No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', {
          fieldName: 'groupId',
          fieldValue: groupId,
          field2Name: 'storeId',
          field2Value: id,
        }),
        { cause: error },
      );
    }
  }
}
