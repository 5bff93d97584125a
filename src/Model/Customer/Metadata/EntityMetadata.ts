import type { AttributeMetadata } from '../../../Api/Customer/Data/AttributeMetadataInterface.ts';
import { ADDRESS_INTERFACE, CUSTOMER_INTERFACE } from '../../../Api/Customer/Data/CustomerInterface.ts';
import type { MetadataInterface } from '../../../Api/Customer/MetadataInterface.ts';
import { NoSuchEntityException } from '../../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../../Framework/Exception/Phrase.ts';
import type { ContractRegistry } from '../../../Framework/Webapi/ServiceContract.ts';
import type { AttributeDefinition, EntityType } from './AttributeDefinitions.ts';
import type { AttributeMetadataProvider } from './AttributeMetadataProvider.ts';

/**
 * The attribute codes Magento's own data interfaces have a getter (`get…` / `is…`) for: the test
 * `getCustomAttributesMetadata` makes with `method_exists`. Another interface falls back to its declaration here.
 */
const INTERFACE_GETTERS: Readonly<Record<string, readonly string[]>> = {
  [CUSTOMER_INTERFACE]: [
    'id', 'group_id', 'default_billing', 'default_shipping', 'confirmation', 'created_at', 'updated_at', 'created_in', 'dob',
    'email', 'firstname', 'lastname', 'middlename', 'prefix', 'suffix', 'gender', 'store_id', 'taxvat', 'website_id',
    'addresses', 'disable_auto_group_change', 'extension_attributes',
  ],
  [ADDRESS_INTERFACE]: [
    'id', 'customer_id', 'region', 'region_id', 'country_id', 'street', 'company', 'telephone', 'fax', 'postcode', 'city',
    'firstname', 'lastname', 'middlename', 'prefix', 'suffix', 'vat_id', 'default_shipping', 'default_billing',
    'extension_attributes',
  ],
};

/** Attributes Magento lists as custom although the data interface has a getter for them. */
const ALWAYS_CUSTOM = new Set(['disable_auto_group_change']);

/**
 * Magento's `Model\Metadata\CustomerMetadata` / `AddressMetadata` over the attribute definitions, with their
 * refusals: an unknown attribute is 404 `No such entity with %fieldName = %fieldValue, %field2Name = %field2Value`
 * (entityType, attributeCode); a form no attribute is used in is 404 `No such entity with %fieldName = %fieldValue`
 * (formCode). Lists are in sort order.
 */
export abstract class EntityMetadata implements MetadataInterface {
  protected constructor(
    private readonly entity: EntityType,
    private readonly dataInterface: string,
    private readonly provider: AttributeMetadataProvider,
    private readonly contracts: ContractRegistry,
  ) {}

  async getAttributes(formCode: string): Promise<AttributeMetadata[]> {
    const used = this.sorted().filter((definition) => definition.forms.includes(formCode));
    if (used.length === 0) {
      throw new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'formCode', fieldValue: formCode }));
    }
    return Promise.all(used.map((definition) => this.provider.build(definition)));
  }

  async getAttributeMetadata(attributeCode: string): Promise<AttributeMetadata> {
    const definition = this.provider.definitions(this.entity).find((candidate) => candidate.code === attributeCode);
    if (!definition) {
      throw new NoSuchEntityException(
        __('No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', {
          fieldName: 'entityType',
          fieldValue: this.entity,
          field2Name: 'attributeCode',
          field2Value: attributeCode,
        }),
      );
    }
    return this.provider.build(definition);
  }

  async getAllAttributesMetadata(): Promise<AttributeMetadata[]> {
    return Promise.all(this.sorted().map((definition) => this.provider.build(definition)));
  }

  /**
   * `getCustomAttributesMetadata`: attributes the data interface has no field for, that are not system attributes
   * (or are `disable_auto_group_change`). An unknown interface has no fields.
   */
  async getCustomAttributesMetadata(dataObjectClassName?: string | null): Promise<AttributeMetadata[]> {
    const className = dataObjectClassName || this.dataInterface;
    const fields = new Set(INTERFACE_GETTERS[className] ?? this.contracts.dataTypes.get(className)?.fields.map((field) => field.name) ?? []);
    const custom = this.sorted().filter(
      (definition) => !fields.has(definition.code) && (!definition.system || ALWAYS_CUSTOM.has(definition.code)),
    );
    return Promise.all(custom.map((definition) => this.provider.build(definition)));
  }

  private sorted(): AttributeDefinition[] {
    return [...this.provider.definitions(this.entity)].sort((a, b) => a.sortOrder - b.sortOrder);
  }
}
