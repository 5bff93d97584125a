import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Store\Api\Data\GroupInterface` on the wire. */
export interface GroupData {
  id: number;
  website_id: number;
  root_category_id: number;
  default_store_id: number;
  name: string;
  code: string;
}

export const GroupInterface: DataInterfaceDeclaration = {
  name: 'Magento\\Store\\Api\\Data\\GroupInterface',
  fields: [
    { name: 'id', type: 'int', required: true },
    { name: 'website_id', type: 'int', required: true },
    { name: 'root_category_id', type: 'int', required: true },
    { name: 'default_store_id', type: 'int', required: true },
    { name: 'name', type: 'string', required: true },
    { name: 'code', type: 'string', required: true },
  ],
};
