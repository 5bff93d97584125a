import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const ADDRESS_INTERFACE = 'Magento\\Customer\\Api\\Data\\AddressInterface';
export const REGION_INTERFACE = 'Magento\\Customer\\Api\\Data\\RegionInterface';
export const ADDRESS_EXTENSION_INTERFACE = 'Magento\\Customer\\Api\\Data\\AddressExtensionInterface';
export const REGION_EXTENSION_INTERFACE = 'Magento\\Customer\\Api\\Data\\RegionExtensionInterface';
const ATTRIBUTE = 'Magento\\Framework\\Api\\AttributeInterface';

/** Magento's `Magento\Customer\Api\Data\RegionInterface` on the wire. */
export interface RegionData {
  region_code?: string | null;
  region?: string | null;
  region_id?: number | null;
  extension_attributes?: Record<string, unknown>;
}

/** Magento's `Magento\Customer\Api\Data\AddressInterface` on the wire (snake_case keys). */
export interface AddressData {
  id?: number;
  customer_id?: number;
  region?: RegionData | null;
  region_id?: number | null;
  country_id?: string;
  street?: string[];
  company?: string;
  telephone?: string;
  fax?: string;
  postcode?: string;
  city?: string;
  firstname?: string;
  lastname?: string;
  middlename?: string;
  prefix?: string;
  suffix?: string;
  vat_id?: string;
  default_shipping?: boolean;
  default_billing?: boolean;
  extension_attributes?: Record<string, unknown>;
  custom_attributes?: Array<{ attribute_code: string; value: unknown }>;
}

/** `RegionInterface`: getters in Magento's order (`region_code`, `region`, `region_id`). */
export const RegionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: REGION_INTERFACE,
  description: 'Customer address region interface.',
  fields: [
    { name: 'region_code', type: 'string', required: true },
    { name: 'region', type: 'string', required: true },
    { name: 'region_id', type: 'int', required: true },
    { name: 'extension_attributes', type: REGION_EXTENSION_INTERFACE },
  ],
};

/**
 * `AddressInterface`: getters in Magento's order, which is the order of keys in its JSON
 * (`isDefaultShipping`/`isDefaultBilling` give `default_shipping`/`default_billing`).
 */
export const AddressInterfaceDeclaration: DataInterfaceDeclaration = {
  name: ADDRESS_INTERFACE,
  description: 'Customer address interface.',
  fields: [
    { name: 'id', type: 'int' },
    { name: 'customer_id', type: 'int' },
    { name: 'region', type: REGION_INTERFACE },
    { name: 'region_id', type: 'int' },
    { name: 'country_id', type: 'string' },
    { name: 'street', type: 'string[]' },
    { name: 'company', type: 'string' },
    { name: 'telephone', type: 'string' },
    { name: 'fax', type: 'string' },
    { name: 'postcode', type: 'string' },
    { name: 'city', type: 'string' },
    { name: 'firstname', type: 'string' },
    { name: 'lastname', type: 'string' },
    { name: 'middlename', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'suffix', type: 'string' },
    { name: 'vat_id', type: 'string' },
    { name: 'default_shipping', type: 'bool' },
    { name: 'default_billing', type: 'bool' },
    { name: 'extension_attributes', type: ADDRESS_EXTENSION_INTERFACE },
    { name: 'custom_attributes', type: `${ATTRIBUTE}[]` },
  ],
};

/** Magento generates these from extension_attributes.xml; no module here adds an attribute to them. */
export const AddressExtensionInterfaceDeclaration: DataInterfaceDeclaration = { name: ADDRESS_EXTENSION_INTERFACE, fields: [] };
export const RegionExtensionInterfaceDeclaration: DataInterfaceDeclaration = { name: REGION_EXTENSION_INTERFACE, fields: [] };
