import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { STORE_CONFIG_INTERFACE, type StoreConfigData } from './Data/StoreConfigInterface.ts';

/** Magento's `Magento\Store\Api\StoreConfigManagerInterface`. */
export interface StoreConfigManagerInterface {
  getStoreConfigs(storeCodes?: string[] | null): Promise<StoreConfigData[]>;
}

export const StoreConfigManagerContract: ServiceContract = {
  name: 'Magento\\Store\\Api\\StoreConfigManagerInterface',
  methods: {
    getStoreConfigs: {
      description: 'Get store configs',
      parameters: [{ name: 'storeCodes', type: 'string[]', required: false }],
      returns: `${STORE_CONFIG_INTERFACE}[]`,
    },
  },
};
