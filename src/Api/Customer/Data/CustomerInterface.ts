import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';
import { ADDRESS_INTERFACE, type AddressData } from './AddressInterface.ts';

export { ADDRESS_INTERFACE };

/**
 * Magento's `Magento\Customer\Api\Data\CustomerInterface` as a plain object with snake_case keys,
 * exactly as it travels on the wire. Null/undefined optional fields are left out of responses.
 */
export interface CustomerExtensionData {
  is_subscribed?: boolean;
  /** LoginAsCustomerAssistance: 2 = allowed, 1 = not allowed (Magento's values on save). */
  assistance_allowed?: number;
  [key: string]: unknown;
}

export interface CustomerData {
  id?: number;
  group_id?: number;
  default_billing?: string;
  default_shipping?: string;
  confirmation?: string;
  created_at?: string;
  updated_at?: string;
  created_in?: string;
  dob?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  middlename?: string;
  prefix?: string;
  suffix?: string;
  gender?: number;
  store_id?: number;
  taxvat?: string;
  website_id?: number;
  addresses?: AddressData[];
  disable_auto_group_change?: number;
  extension_attributes?: CustomerExtensionData;
  custom_attributes?: Array<{ attribute_code: string; value: unknown }>;
}

export const CUSTOMER_INTERFACE = 'Magento\\Customer\\Api\\Data\\CustomerInterface';

export const CUSTOMER_EXTENSION_INTERFACE = 'Magento\\Customer\\Api\\Data\\CustomerExtensionInterface';
export const ATTRIBUTE_INTERFACE = 'Magento\\Framework\\Api\\AttributeInterface';

/**
 * `Magento\Customer\Api\Data\CustomerInterface` fields in Magento's getter order (the order of keys in
 * its JSON). Addresses are stored in `customer_address_entity` (CustomerAddresses); custom attributes are
 * accepted on input and not stored (absent on output).
 */
export const CustomerInterfaceDeclaration: DataInterfaceDeclaration = {
  name: CUSTOMER_INTERFACE,
  description: 'Customer entity',
  fields: [
    { name: 'id', type: 'int' },
    { name: 'group_id', type: 'int' },
    { name: 'default_billing', type: 'string' },
    { name: 'default_shipping', type: 'string' },
    { name: 'confirmation', type: 'string' },
    { name: 'created_at', type: 'string' },
    { name: 'updated_at', type: 'string' },
    { name: 'created_in', type: 'string' },
    { name: 'dob', type: 'string' },
    { name: 'email', type: 'string', required: true },
    { name: 'firstname', type: 'string', required: true },
    { name: 'lastname', type: 'string', required: true },
    { name: 'middlename', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'suffix', type: 'string' },
    { name: 'gender', type: 'int' },
    { name: 'store_id', type: 'int' },
    { name: 'taxvat', type: 'string' },
    { name: 'website_id', type: 'int' },
    { name: 'addresses', type: `${ADDRESS_INTERFACE}[]` },
    { name: 'disable_auto_group_change', type: 'int' },
    { name: 'extension_attributes', type: CUSTOMER_EXTENSION_INTERFACE },
    { name: 'custom_attributes', type: `${ATTRIBUTE_INTERFACE}[]` },
  ],
};

/**
 * Extension attributes other modules add to customers (Magento generates this interface from
 * extension_attributes.xml): `is_subscribed` (Magento_Newsletter, not stored here) and
 * `assistance_allowed` (Magento_LoginAsCustomerAssistance, stored by the LoginAsCustomer module).
 */
export const CustomerExtensionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: CUSTOMER_EXTENSION_INTERFACE,
  fields: [
    { name: 'is_subscribed', type: 'bool' },
    { name: 'assistance_allowed', type: 'int' },
  ],
};

/** Magento's `AddressInterface` (with its `RegionInterface`) lives in AddressInterface.ts. */
export { AddressInterfaceDeclaration } from './AddressInterface.ts';

/** Magento's `Magento\Framework\Api\AttributeInterface` (custom attributes). */
export const AttributeInterfaceDeclaration: DataInterfaceDeclaration = {
  name: ATTRIBUTE_INTERFACE,
  fields: [
    { name: 'attribute_code', type: 'string', required: true },
    { name: 'value', type: 'mixed', required: true },
  ],
};
