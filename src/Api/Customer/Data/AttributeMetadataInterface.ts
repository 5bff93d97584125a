import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Customer\Api\Data\ValidationRuleInterface`. */
export interface ValidationRule {
  name: string;
  value: string;
}

/** Magento's `Magento\Customer\Api\Data\OptionInterface`. */
export interface AttributeOption {
  label: string;
  value?: string;
  options?: AttributeOption[];
}

/** Magento's `Magento\Customer\Api\Data\AttributeMetadataInterface` on the wire, keys in its getter order. */
export interface AttributeMetadata {
  attribute_code: string;
  frontend_input: string;
  input_filter: string;
  store_label: string | null;
  validation_rules: ValidationRule[];
  multiline_count: number;
  visible: boolean;
  required: boolean;
  data_model: string;
  options: AttributeOption[];
  frontend_class: string;
  user_defined: boolean;
  sort_order: number;
  frontend_label: string | null;
  note: string;
  system: boolean;
  backend_type: string;
  is_used_in_grid: boolean;
  is_visible_in_grid: boolean;
  is_filterable_in_grid: boolean;
  is_searchable_in_grid: boolean;
}

export const ATTRIBUTE_METADATA_INTERFACE = 'Magento\\Customer\\Api\\Data\\AttributeMetadataInterface';
export const VALIDATION_RULE_INTERFACE = 'Magento\\Customer\\Api\\Data\\ValidationRuleInterface';
export const OPTION_INTERFACE = 'Magento\\Customer\\Api\\Data\\OptionInterface';

export const AttributeMetadataInterfaceDeclaration: DataInterfaceDeclaration = {
  name: ATTRIBUTE_METADATA_INTERFACE,
  description: 'Customer attribute metadata interface.',
  fields: [
    { name: 'attribute_code', type: 'string', required: true },
    { name: 'frontend_input', type: 'string', required: true },
    { name: 'input_filter', type: 'string', required: true },
    { name: 'store_label', type: 'string' },
    { name: 'validation_rules', type: `${VALIDATION_RULE_INTERFACE}[]`, required: true },
    { name: 'multiline_count', type: 'int', required: true },
    { name: 'visible', type: 'bool', required: true },
    { name: 'required', type: 'bool', required: true },
    { name: 'data_model', type: 'string', required: true },
    { name: 'options', type: `${OPTION_INTERFACE}[]`, required: true },
    { name: 'frontend_class', type: 'string', required: true },
    { name: 'user_defined', type: 'bool', required: true },
    { name: 'sort_order', type: 'int', required: true },
    { name: 'frontend_label', type: 'string' },
    { name: 'note', type: 'string', required: true },
    { name: 'system', type: 'bool', required: true },
    { name: 'backend_type', type: 'string', required: true },
    { name: 'is_used_in_grid', type: 'bool' },
    { name: 'is_visible_in_grid', type: 'bool' },
    { name: 'is_filterable_in_grid', type: 'bool' },
    { name: 'is_searchable_in_grid', type: 'bool' },
  ],
};

export const ValidationRuleInterfaceDeclaration: DataInterfaceDeclaration = {
  name: VALIDATION_RULE_INTERFACE,
  description: 'Validation rule interface.',
  fields: [
    { name: 'name', type: 'string', required: true },
    { name: 'value', type: 'string', required: true },
  ],
};

export const OptionInterfaceDeclaration: DataInterfaceDeclaration = {
  name: OPTION_INTERFACE,
  description: 'Option interface.',
  fields: [
    { name: 'label', type: 'string', required: true },
    { name: 'value', type: 'string' },
    { name: 'options', type: `${OPTION_INTERFACE}[]` },
  ],
};
