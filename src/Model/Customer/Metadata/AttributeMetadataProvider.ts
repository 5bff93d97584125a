import { inject, injectable } from 'inversify';
import type { AttributeMetadata, AttributeOption } from '../../../Api/Customer/Data/AttributeMetadataInterface.ts';
import { countryName } from '../../Directory/CountryName.ts';
import { DirectoryData } from '../../Directory/DirectoryData.ts';
import { GroupResource } from '../../ResourceModel/Customer/GroupResource.ts';
import { StoreManager } from '../../Store/StoreManager.ts';
import { ATTRIBUTE_DEFINITIONS, type AttributeDefinition, type EntityType, type OptionSource } from './AttributeDefinitions.ts';

/** `Table` source of `gender` with its empty first option (`getAllOptions(true)`), as Magento's metadata lists it. */
const GENDER_OPTIONS: readonly AttributeOption[] = [
  { label: ' ', value: '' },
  { label: 'Male', value: '1' },
  { label: 'Female', value: '2' },
  { label: 'Not Specified', value: '3' },
];


/**
 * Builds Magento's `AttributeMetadataInterface` for an attribute definition (`AttributeMetadataConverter`):
 * the label is both store and frontend label, `frontend_class` is what the EAV frontend's `getClass` gives
 * (`required-entry` for a required attribute, `validate-email` for e-mail input validation), options come from
 * the attribute's source: `group_id` lists the logged-in customer groups of `customer_group` (every group but NOT
 * LOGGED IN, as Magento's group source does), `country_id` the allowed countries named in the store's locale. Region
 * options are left empty.
 */
@injectable()
export class AttributeMetadataProvider {
  constructor(
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(GroupResource) private readonly groups: GroupResource,
    @inject(DirectoryData) private readonly directory: DirectoryData,
  ) {}

  definitions(entity: EntityType): readonly AttributeDefinition[] {
    return ATTRIBUTE_DEFINITIONS[entity];
  }

  async build(definition: AttributeDefinition): Promise<AttributeMetadata> {
    const classes: string[] = [];
    if (definition.required) classes.push('required-entry');
    if (definition.validateRules.some(([name, value]) => name === 'input_validation' && value === 'email')) classes.push('validate-email');
    const [usedInGrid, visibleInGrid, filterableInGrid, searchableInGrid] = definition.grid;
    return {
      attribute_code: definition.code,
      frontend_input: definition.input,
      input_filter: definition.inputFilter,
      store_label: definition.label,
      validation_rules: definition.validateRules.map(([name, value]) => ({ name, value })),
      multiline_count: definition.multilineCount,
      visible: definition.visible,
      required: definition.required,
      data_model: definition.dataModel,
      options: definition.options ? await this.options(definition.options) : [],
      frontend_class: classes.join(' '),
      user_defined: false,
      sort_order: definition.sortOrder,
      frontend_label: definition.label,
      note: '',
      system: definition.system,
      backend_type: 'static',
      is_used_in_grid: usedInGrid,
      is_visible_in_grid: visibleInGrid,
      is_filterable_in_grid: filterableInGrid,
      is_searchable_in_grid: searchableInGrid,
    };
  }

  private async options(source: OptionSource): Promise<AttributeOption[]> {
    switch (source) {
      case 'gender':
        return GENDER_OPTIONS.map((o) => ({ ...o }));
      case 'group':
        return (await this.groups.getList({})).rows
          .filter((g) => g.customer_group_id !== 0)
          .map((g) => ({ label: g.customer_group_code, value: String(g.customer_group_id) }));
      case 'country': {
        const locale = await this.directory.getLocale(null);
        return (await this.directory.getAllowedCountries(null))
          .map((c) => ({ label: countryName(c.country_id, locale), value: c.country_id }))
          .sort((a, b) => a.label.localeCompare(b.label, locale.replace('_', '-')));
      }
      case 'website':
        return (await this.stores.getWebsites()).map((w) => ({ label: w.name, value: String(w.website_id) }));
      case 'store':
        return (await this.stores.getStores()).map((s) => ({ label: s.name, value: String(s.store_id) }));
      default:
        return [];
    }
  }
}
