import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { COUNTRY_INFORMATION_INTERFACE, type CountryInformation } from './Data/CountryInformationInterface.ts';

/** Magento's `Magento\Directory\Api\CountryInformationAcquirerInterface`. */
export interface CountryInformationAcquirerInterface {
  getCountriesInfo(): Promise<CountryInformation[]>;
  getCountryInfo(countryId: string): Promise<CountryInformation>;
}

export const CountryInformationAcquirerContract: ServiceContract = {
  name: 'Magento\\Directory\\Api\\CountryInformationAcquirerInterface',
  methods: {
    getCountriesInfo: {
      description: 'Get all countries and regions information for the store.',
      parameters: [],
      returns: `${COUNTRY_INFORMATION_INTERFACE}[]`,
    },
    getCountryInfo: {
      description: 'Get country and region information for the store.',
      parameters: [{ name: 'countryId', type: 'string', required: true }],
      returns: COUNTRY_INFORMATION_INTERFACE,
    },
  },
};
