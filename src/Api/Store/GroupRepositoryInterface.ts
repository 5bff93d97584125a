import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import type { GroupData } from './Data/GroupInterface.ts';

export interface GroupRepositoryInterface {
  getList(): Promise<GroupData[]>;
}

export const GroupRepositoryContract: ServiceContract = {
  name: 'Magento\\Store\\Api\\GroupRepositoryInterface',
  methods: {
    getList: { parameters: [], returns: 'Magento\\Store\\Api\\Data\\GroupInterface[]', description: 'Retrieve list of all groups' },
  },
};
