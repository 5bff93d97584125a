import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import type { WebsiteData } from './Data/WebsiteInterface.ts';

export interface WebsiteRepositoryInterface {
  getList(): Promise<WebsiteData[]>;
}

export const WebsiteRepositoryContract: ServiceContract = {
  name: 'Magento\\Store\\Api\\WebsiteRepositoryInterface',
  methods: {
    getList: { parameters: [], returns: 'Magento\\Store\\Api\\Data\\WebsiteInterface[]', description: 'Retrieve list of all websites' },
  },
};
