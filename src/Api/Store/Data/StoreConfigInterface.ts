import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const STORE_CONFIG_INTERFACE = 'Magento\\Store\\Api\\Data\\StoreConfigInterface';

/** Magento's `Magento\Store\Api\Data\StoreConfigInterface` on the wire. */
export interface StoreConfigData {
  id: number;
  code: string;
  website_id: number;
  locale: string | null;
  base_currency_code: string | null;
  default_display_currency_code: string | null;
  timezone: string | null;
  weight_unit: string | null;
  base_url: string;
  base_link_url: string;
  base_static_url: string;
  base_media_url: string;
  secure_base_url: string;
  secure_base_link_url: string;
  secure_base_static_url: string;
  secure_base_media_url: string;
}

export const StoreConfigInterfaceDeclaration: DataInterfaceDeclaration = {
  name: STORE_CONFIG_INTERFACE,
  description: 'StoreConfig interface',
  fields: [
    { name: 'id', type: 'int', required: true },
    { name: 'code', type: 'string', required: true },
    { name: 'website_id', type: 'int', required: true },
    { name: 'locale', type: 'string', required: true },
    { name: 'base_currency_code', type: 'string', required: true },
    { name: 'default_display_currency_code', type: 'string', required: true },
    { name: 'timezone', type: 'string', required: true },
    { name: 'weight_unit', type: 'string', required: true },
    { name: 'base_url', type: 'string', required: true },
    { name: 'base_link_url', type: 'string', required: true },
    { name: 'base_static_url', type: 'string', required: true },
    { name: 'base_media_url', type: 'string', required: true },
    { name: 'secure_base_url', type: 'string', required: true },
    { name: 'secure_base_link_url', type: 'string', required: true },
    { name: 'secure_base_static_url', type: 'string', required: true },
    { name: 'secure_base_media_url', type: 'string', required: true },
    { name: 'extension_attributes', type: 'Magento\\Store\\Api\\Data\\StoreConfigExtensionInterface' },
  ],
};

export const StoreConfigExtensionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: 'Magento\\Store\\Api\\Data\\StoreConfigExtensionInterface',
  fields: [],
};
