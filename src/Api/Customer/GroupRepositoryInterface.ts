import { SEARCH_CRITERIA_INTERFACE, type SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';
import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { GROUP_INTERFACE, GROUP_SEARCH_RESULTS_INTERFACE, type GroupData, type GroupSearchResults } from './Data/GroupInterface.ts';

/** Magento's `Magento\Customer\Api\GroupRepositoryInterface`. */
export interface GroupRepositoryInterface {
  save(group: GroupData): Promise<GroupData>;
  getById(id: number): Promise<GroupData>;
  getList(searchCriteria: SearchCriteria): Promise<GroupSearchResults>;
  deleteById(id: number): Promise<boolean>;
}

export const GroupRepositoryContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\GroupRepositoryInterface',
  methods: {
    save: {
      description: 'Save customer group.',
      parameters: [{ name: 'group', type: GROUP_INTERFACE, required: true }],
      returns: GROUP_INTERFACE,
    },
    getById: {
      description: 'Get customer group by group ID.',
      parameters: [{ name: 'id', type: 'int', required: true }],
      returns: GROUP_INTERFACE,
    },
    getList: {
      description: 'Retrieve customer groups.',
      parameters: [{ name: 'searchCriteria', type: SEARCH_CRITERIA_INTERFACE, required: true }],
      returns: GROUP_SEARCH_RESULTS_INTERFACE,
    },
    deleteById: {
      description: 'Delete customer group by ID.',
      parameters: [{ name: 'id', type: 'int', required: true }],
      returns: 'bool',
    },
  },
};
