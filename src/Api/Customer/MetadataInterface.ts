import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { ATTRIBUTE_METADATA_INTERFACE, type AttributeMetadata } from './Data/AttributeMetadataInterface.ts';

/** Magento's `Magento\Customer\Api\MetadataInterface`, shared by the customer and address metadata services. */
export interface MetadataInterface {
  /** The attributes used in a form (`adminhtml_customer`, `customer_account_create` …). */
  getAttributes(formCode: string): Promise<AttributeMetadata[]>;
  getAttributeMetadata(attributeCode: string): Promise<AttributeMetadata>;
  getAllAttributesMetadata(): Promise<AttributeMetadata[]>;
  /** Attributes the data interface has no getter for (and that are not system attributes). */
  getCustomAttributesMetadata(dataObjectClassName?: string | null): Promise<AttributeMetadata[]>;
}

function metadataContract(name: string): ServiceContract {
  return {
    name,
    methods: {
      getAttributes: {
        description: 'Retrieve all attributes filtered by form code',
        parameters: [{ name: 'formCode', type: 'string', required: true }],
        returns: `${ATTRIBUTE_METADATA_INTERFACE}[]`,
      },
      getAttributeMetadata: {
        description: 'Retrieve attribute metadata.',
        parameters: [{ name: 'attributeCode', type: 'string', required: true }],
        returns: ATTRIBUTE_METADATA_INTERFACE,
      },
      getAllAttributesMetadata: {
        description: 'Get all attribute metadata.',
        parameters: [],
        returns: `${ATTRIBUTE_METADATA_INTERFACE}[]`,
      },
      getCustomAttributesMetadata: {
        description: 'Get custom attributes metadata for the given data interface.',
        parameters: [{ name: 'dataObjectClassName', type: 'string', required: false }],
        returns: `${ATTRIBUTE_METADATA_INTERFACE}[]`,
      },
    },
  };
}

/** `Magento\Customer\Api\CustomerMetadataInterface` (entity type `customer`). */
export const CustomerMetadataContract = metadataContract('Magento\\Customer\\Api\\CustomerMetadataInterface');
/** `Magento\Customer\Api\AddressMetadataInterface` (entity type `customer_address`). */
export const AddressMetadataContract = metadataContract('Magento\\Customer\\Api\\AddressMetadataInterface');
