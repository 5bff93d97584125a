import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';
import { REGION_INFORMATION_INTERFACE, type RegionInformation } from './RegionInformationInterface.ts';

export const COUNTRY_INFORMATION_INTERFACE = 'Magento\\Directory\\Api\\Data\\CountryInformationInterface';

/** Magento's `CountryInformationInterface` on the wire; `available_regions` only for countries with regions. */
export interface CountryInformation {
  id: string;
  two_letter_abbreviation: string | null;
  three_letter_abbreviation: string | null;
  full_name_locale: string;
  full_name_english: string;
  available_regions?: RegionInformation[];
}

export const CountryInformationInterfaceDeclaration: DataInterfaceDeclaration = {
  name: COUNTRY_INFORMATION_INTERFACE,
  description: 'Country Information interface.',
  fields: [
    { name: 'id', type: 'string', required: true },
    { name: 'two_letter_abbreviation', type: 'string', required: true },
    { name: 'three_letter_abbreviation', type: 'string', required: true },
    { name: 'full_name_locale', type: 'string', required: true },
    { name: 'full_name_english', type: 'string', required: true },
    { name: 'available_regions', type: `${REGION_INFORMATION_INTERFACE}[]` },
    { name: 'extension_attributes', type: 'Magento\\Directory\\Api\\Data\\CountryInformationExtensionInterface' },
  ],
};

export const CountryInformationExtensionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: 'Magento\\Directory\\Api\\Data\\CountryInformationExtensionInterface',
  fields: [],
};
