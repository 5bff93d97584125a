import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Store\Api\Data\StoreInterface` on the wire. */
export interface StoreData {
  id: number;
  code: string;
  name: string;
  website_id: number;
  store_group_id: number;
  is_active: number;
}

export const StoreInterface: DataInterfaceDeclaration = {
  name: 'Magento\\Store\\Api\\Data\\StoreInterface',
  fields: [
    { name: 'id', type: 'int', required: true },
    { name: 'code', type: 'string', required: true },
    { name: 'name', type: 'string', required: true },
    { name: 'website_id', type: 'int', required: true },
    { name: 'store_group_id', type: 'int', required: true },
    { name: 'is_active', type: 'int', required: true },
  ],
};
