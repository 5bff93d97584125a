import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Store\Api\Data\WebsiteInterface` on the wire. */
export interface WebsiteData {
  id: number;
  code: string;
  name: string;
  default_group_id: number;
}

export const WebsiteInterface: DataInterfaceDeclaration = {
  name: 'Magento\\Store\\Api\\Data\\WebsiteInterface',
  fields: [
    { name: 'id', type: 'int', required: true },
    { name: 'code', type: 'string', required: true },
    { name: 'name', type: 'string', required: true },
    { name: 'default_group_id', type: 'int', required: true },
  ],
};
