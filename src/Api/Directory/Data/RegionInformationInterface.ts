import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const REGION_INFORMATION_INTERFACE = 'Magento\\Directory\\Api\\Data\\RegionInformationInterface';

/** Magento's `RegionInformationInterface` on the wire. */
export interface RegionInformation {
  id: string;
  code: string | null;
  name: string | null;
}

export const RegionInformationInterfaceDeclaration: DataInterfaceDeclaration = {
  name: REGION_INFORMATION_INTERFACE,
  description: 'Region Information interface.',
  fields: [
    { name: 'id', type: 'string', required: true },
    { name: 'code', type: 'string', required: true },
    { name: 'name', type: 'string', required: true },
    { name: 'extension_attributes', type: 'Magento\\Directory\\Api\\Data\\RegionInformationExtensionInterface' },
  ],
};

export const RegionInformationExtensionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: 'Magento\\Directory\\Api\\Data\\RegionInformationExtensionInterface',
  fields: [],
};
