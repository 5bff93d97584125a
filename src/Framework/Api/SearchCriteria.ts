import type { DataInterfaceDeclaration } from '../Webapi/ServiceContract.ts';

/** Magento's `Magento\Framework\Api\Filter` (snake_case on the wire). */
export interface Filter {
  field: string;
  value?: string;
  condition_type?: string;
}

export interface FilterGroup {
  filters?: Filter[];
}

export interface SortOrder {
  field: string;
  direction?: string;
}

/** Magento's `Magento\Framework\Api\SearchCriteriaInterface`. */
export interface SearchCriteria {
  filter_groups?: FilterGroup[];
  sort_orders?: SortOrder[];
  page_size?: number;
  current_page?: number;
}

/** Magento's search-result shape: `{"items":[…],"search_criteria":{…},"total_count":N}`. */
export interface SearchResults<T> {
  items: T[];
  search_criteria: SearchCriteria;
  total_count: number;
}

export const SEARCH_CRITERIA_INTERFACE = 'Magento\\Framework\\Api\\SearchCriteriaInterface';

/**
 * Data interface declarations for the framework's search types, registered with every contract. `required` follows
 * the getters' `@return` types, which decide what Magento's output processor writes when a value is null:
 * Filter `field` and `value` and SortOrder `field` and `direction` are `string` (written as null), `condition_type`
 * is `string|null`; SearchCriteria's `getFilterGroups()` and FilterGroup's `getFilters()` return `[]` for none, so
 * `filter_groups` is always in the echoed criteria (ServiceInputProcessor fills both in).
 * (✔ lib/internal/Magento/Framework/Api/Filter.php, SortOrder.php, SearchCriteria.php, Search/FilterGroup.php)
 */
export const SEARCH_CRITERIA_DATA_TYPES: readonly DataInterfaceDeclaration[] = Object.freeze([
  {
    name: 'Magento\\Framework\\Api\\Filter',
    fields: [
      { name: 'field', type: 'string', required: true },
      { name: 'value', type: 'string', required: true },
      { name: 'condition_type', type: 'string' },
    ],
  },
  {
    name: 'Magento\\Framework\\Api\\Search\\FilterGroup',
    fields: [{ name: 'filters', type: 'Magento\\Framework\\Api\\Filter[]' }],
  },
  {
    name: 'Magento\\Framework\\Api\\SortOrder',
    fields: [
      { name: 'field', type: 'string', required: true },
      { name: 'direction', type: 'string', required: true },
    ],
  },
  {
    name: SEARCH_CRITERIA_INTERFACE,
    fields: [
      { name: 'filter_groups', type: 'Magento\\Framework\\Api\\Search\\FilterGroup[]', required: true },
      { name: 'sort_orders', type: 'Magento\\Framework\\Api\\SortOrder[]' },
      { name: 'page_size', type: 'int' },
      { name: 'current_page', type: 'int' },
    ],
  },
]);
