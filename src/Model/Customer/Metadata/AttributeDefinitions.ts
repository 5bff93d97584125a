/**
 * The customer and customer-address EAV attributes a Magento 2.4 install ships, as data — the one place this
 * service declares them. Magento keeps them in `eav_attribute` / `customer_eav_attribute` / `customer_form_attribute`;
 * their values here are those the install leaves there, from:
 *  - `Customer/Setup/CustomerSetup::getDefaultEntities` (label, input, required, visible, system, `position` → sort
 *    order, validate rules, multiline count, the `adminhtml_only` / `admin_checkout` flags that choose the forms);
 *  - `…/Patch/Data/UpdateCustomerAttributesMetadata` (the four grid flags);
 *  - `…/Patch/Data/UpdateCustomerAttributeInputFilters` (`trim` on the name parts);
 *  - `…/Patch/Data/AddNonSpecifiedGenderAttributeOption` (gender option 3);
 *  - `…/Patch/Data/RemoveCheckoutRegisterAndUpdateAttributes` (no `checkout_register` form);
 *  - `…/Patch/Data/AddCustomerUpdatedAtAttribute`, `AddSecurityTrackingAttributes` (its `lock_expires` label really is
 *    "Failures Number"), `UpdateVATNumber` (the address `vat_id` label) and the address VAT request attributes;
 *    labels and `is_required` checked against a real install's `eav_attribute` dump.
 * Magento's api-functional CustomerMetadataTest pins firstname, gender and website_id exactly.
 */
export type EntityType = 'customer' | 'customer_address';

/** Where a select attribute's options come from (Magento's source models). */
export type OptionSource = 'gender' | 'website' | 'store' | 'group' | 'country' | 'region';

export interface AttributeDefinition {
  readonly code: string;
  /** null for the attributes Magento installs without a label (password_hash, rp_token, rp_token_created_at). */
  readonly label: string | null;
  readonly input: string;
  readonly required: boolean;
  readonly visible: boolean;
  readonly system: boolean;
  readonly sortOrder: number;
  readonly inputFilter: string;
  /** In the order Magento's JSON `validate_rules` lists them. */
  readonly validateRules: readonly (readonly [string, string])[];
  readonly multilineCount: number;
  readonly dataModel: string;
  readonly options?: OptionSource;
  /** [is_used_in_grid, is_visible_in_grid, is_filterable_in_grid, is_searchable_in_grid] */
  readonly grid: readonly [boolean, boolean, boolean, boolean];
  readonly forms: readonly string[];
}

interface Spec {
  label?: string;
  input: string;
  required?: boolean;
  visible?: boolean;
  system?: boolean;
  position?: number;
  inputFilter?: string;
  rules?: readonly (readonly [string, string])[];
  multiline?: number;
  dataModel?: string;
  options?: OptionSource;
  grid?: readonly [boolean, boolean, boolean, boolean];
  adminhtmlOnly?: boolean;
  adminCheckout?: boolean;
  /** Added by a later data patch without forms. */
  noForms?: boolean;
}

const NAME_RULES = [['max_text_length', '255'], ['min_text_length', '1']] as const;
const NO_GRID = [false, false, false, false] as const;

const CUSTOMER: Readonly<Record<string, Spec>> = {
  website_id: { label: 'Associate to Website', input: 'select', position: 10, options: 'website', adminhtmlOnly: true, grid: [true, true, true, false] },
  store_id: { label: 'Create In', input: 'select', visible: false, options: 'store', adminhtmlOnly: true },
  created_in: { label: 'Created From', input: 'text', required: false, position: 20, adminhtmlOnly: true, grid: [true, true, false, true] },
  prefix: { label: 'Name Prefix', input: 'text', required: false, visible: false, system: false, position: 30 },
  firstname: { label: 'First Name', input: 'text', position: 40, inputFilter: 'trim', rules: NAME_RULES },
  middlename: { label: 'Middle Name/Initial', input: 'text', required: false, visible: false, system: false, position: 50, inputFilter: 'trim' },
  lastname: { label: 'Last Name', input: 'text', position: 60, inputFilter: 'trim', rules: NAME_RULES },
  suffix: { label: 'Name Suffix', input: 'text', required: false, visible: false, system: false, position: 70 },
  email: { label: 'Email', input: 'text', position: 80, rules: [['input_validation', 'email']], adminCheckout: true, grid: [true, true, true, true] },
  group_id: { label: 'Group', input: 'select', position: 25, options: 'group', adminhtmlOnly: true, adminCheckout: true, grid: [true, true, true, false] },
  dob: {
    label: 'Date of Birth', input: 'date', required: false, visible: false, system: false, position: 90, inputFilter: 'date',
    rules: [['input_validation', 'date']], adminCheckout: true, grid: [true, true, true, false],
  },
  password_hash: { input: 'hidden', required: false, visible: false },
  rp_token: { input: 'hidden', required: false, visible: false },
  rp_token_created_at: { input: 'date', required: false, visible: false, rules: [['input_validation', 'date']] },
  default_billing: { label: 'Default Billing Address', input: 'text', required: false, visible: false },
  default_shipping: { label: 'Default Shipping Address', input: 'text', required: false, visible: false },
  taxvat: {
    label: 'Tax/VAT Number', input: 'text', required: false, visible: false, system: false, position: 100,
    rules: [['max_text_length', '255']], adminCheckout: true, grid: [true, true, false, true],
  },
  confirmation: { label: 'Is Confirmed', input: 'text', required: false, visible: false, grid: [true, true, true, false] },
  created_at: { label: 'Created At', input: 'date', required: false, visible: false, system: false, grid: [true, true, true, false] },
  gender: {
    label: 'Gender', input: 'select', required: false, visible: false, system: false, position: 110, options: 'gender',
    adminCheckout: true, grid: [true, true, true, false],
  },
  disable_auto_group_change: { label: 'Disable Automatic Group Change Based on VAT ID', input: 'boolean', required: false, position: 28, adminhtmlOnly: true },
  updated_at: { label: 'Updated At', input: 'date', required: false, visible: false, system: false, noForms: true },
  failures_num: { label: 'Failures Number', input: 'hidden', required: false, visible: false, noForms: true },
  first_failure: { label: 'First Failure Date', input: 'date', required: false, visible: false, noForms: true },
  lock_expires: { label: 'Failures Number', input: 'date', required: false, visible: false, noForms: true },
};

const ADDRESS: Readonly<Record<string, Spec>> = {
  prefix: { label: 'Name Prefix', input: 'text', required: false, visible: false, system: false, position: 10 },
  firstname: { label: 'First Name', input: 'text', position: 20, inputFilter: 'trim', rules: NAME_RULES },
  middlename: { label: 'Middle Name/Initial', input: 'text', required: false, visible: false, system: false, position: 30, inputFilter: 'trim' },
  lastname: { label: 'Last Name', input: 'text', position: 40, inputFilter: 'trim', rules: NAME_RULES },
  suffix: { label: 'Name Suffix', input: 'text', required: false, visible: false, system: false, position: 50 },
  company: { label: 'Company', input: 'text', required: false, position: 60, rules: NAME_RULES, grid: [true, false, false, true] },
  street: { label: 'Street Address', input: 'multiline', position: 70, multiline: 2, rules: NAME_RULES, grid: [true, false, false, true] },
  city: { label: 'City', input: 'text', position: 80, rules: NAME_RULES, grid: [true, false, false, true] },
  country_id: { label: 'Country', input: 'select', position: 90, options: 'country', grid: [true, true, true, false] },
  region: { label: 'State/Province', input: 'text', required: false, position: 100, grid: [true, true, false, true] },
  region_id: { label: 'State/Province', input: 'hidden', required: false, position: 100, options: 'region', grid: [true, false, true, false] },
  postcode: {
    label: 'Zip/Postal Code', input: 'text', required: false, position: 110,
    dataModel: 'Magento\\Customer\\Model\\Attribute\\Data\\Postcode', grid: [true, true, true, true],
  },
  telephone: { label: 'Phone Number', input: 'text', position: 120, rules: NAME_RULES, grid: [true, true, true, true] },
  fax: { label: 'Fax', input: 'text', required: false, position: 130, rules: NAME_RULES, grid: [true, false, false, true] },
  vat_id: { label: 'VAT Number', input: 'text', required: false, position: 140 },
  vat_is_valid: { label: 'VAT number validity', input: 'text', required: false, visible: false },
  vat_request_id: { label: 'VAT number validation request ID', input: 'text', required: false, visible: false },
  vat_request_date: { label: 'VAT number validation request date', input: 'text', required: false, visible: false },
  vat_request_success: { label: 'VAT number validation request success', input: 'text', required: false, visible: false },
};

const CUSTOMER_FORMS = ['customer_account_create', 'customer_account_edit', 'adminhtml_customer'];
const ADDRESS_FORMS = ['adminhtml_customer_address', 'customer_address_edit', 'customer_register_address'];

/** `CustomerSetup::installCustomerForms`: which forms an attribute is used in. */
function forms(entity: EntityType, spec: Spec, system: boolean, visible: boolean): string[] {
  if (spec.noForms || (system && !visible)) return [];
  if (entity === 'customer_address') return [...ADDRESS_FORMS];
  const used = spec.adminhtmlOnly ? ['adminhtml_customer'] : [...CUSTOMER_FORMS];
  if (spec.adminCheckout) used.push('adminhtml_checkout');
  return used;
}

function define(entity: EntityType, table: Readonly<Record<string, Spec>>): readonly AttributeDefinition[] {
  return Object.freeze(
    Object.entries(table).map(([code, spec]) => {
      // EavSetup/CustomerSetup defaults: required, visible and system unless said otherwise.
      const required = spec.required ?? true;
      const visible = spec.visible ?? true;
      const system = spec.system ?? true;
      return Object.freeze({
        code,
        label: spec.label ?? null,
        input: spec.input,
        required,
        visible,
        system,
        sortOrder: spec.position ?? 0,
        inputFilter: spec.inputFilter ?? '',
        validateRules: spec.rules ?? [],
        multilineCount: spec.multiline ?? 0,
        dataModel: spec.dataModel ?? '',
        ...(spec.options ? { options: spec.options } : {}),
        grid: spec.grid ?? NO_GRID,
        forms: Object.freeze(forms(entity, spec, system, visible)),
      });
    }),
  );
}

export const ATTRIBUTE_DEFINITIONS: Readonly<Record<EntityType, readonly AttributeDefinition[]>> = Object.freeze({
  customer: define('customer', CUSTOMER),
  customer_address: define('customer_address', ADDRESS),
});
