import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { CURRENCY_INFORMATION_INTERFACE, type CurrencyInformation } from './Data/CurrencyInformationInterface.ts';

/** Magento's `Magento\Directory\Api\CurrencyInformationAcquirerInterface`. */
export interface CurrencyInformationAcquirerInterface {
  getCurrencyInfo(): Promise<CurrencyInformation>;
}

export const CurrencyInformationAcquirerContract: ServiceContract = {
  name: 'Magento\\Directory\\Api\\CurrencyInformationAcquirerInterface',
  methods: {
    getCurrencyInfo: {
      description: 'Get currency information for the store.',
      parameters: [],
      returns: CURRENCY_INFORMATION_INTERFACE,
    },
  },
};
