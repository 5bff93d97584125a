import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import type { StoreData } from './Data/StoreInterface.ts';

export interface StoreRepositoryInterface {
  getList(): Promise<StoreData[]>;
}

export const StoreRepositoryContract: ServiceContract = {
  name: 'Magento\\Store\\Api\\StoreRepositoryInterface',
  methods: {
    getList: { parameters: [], returns: 'Magento\\Store\\Api\\Data\\StoreInterface[]', description: 'Retrieve list of all stores' },
  },
};
