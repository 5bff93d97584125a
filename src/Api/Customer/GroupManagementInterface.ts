import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { GROUP_INTERFACE, type GroupData } from './Data/GroupInterface.ts';

/** Magento's `Magento\Customer\Api\GroupManagementInterface` (the methods its webapi.xml routes). */
export interface GroupManagementInterface {
  isReadonly(groupId: number): Promise<boolean>;
  getDefaultGroup(storeId?: number | null): Promise<GroupData>;
}

export const GroupManagementContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\GroupManagementInterface',
  methods: {
    isReadonly: {
      description: 'Check if customer group can be deleted.',
      parameters: [{ name: 'id', type: 'int', required: true }],
      returns: 'bool',
    },
    getDefaultGroup: {
      description: 'Get default customer group.',
      parameters: [{ name: 'storeId', type: 'int', required: false }],
      returns: GROUP_INTERFACE,
    },
  },
};
