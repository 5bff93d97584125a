import { SEARCH_CRITERIA_INTERFACE, type SearchResults } from '../../../Framework/Api/SearchCriteria.ts';
import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const GROUP_INTERFACE = 'Magento\\Customer\\Api\\Data\\GroupInterface';
export const GROUP_SEARCH_RESULTS_INTERFACE = 'Magento\\Customer\\Api\\Data\\GroupSearchResultsInterface';
const GROUP_EXTENSION_INTERFACE = 'Magento\\Customer\\Api\\Data\\GroupExtensionInterface';

/** Magento's `Magento\Customer\Api\Data\GroupInterface` on the wire. */
export interface GroupData {
  id?: number;
  code?: string;
  tax_class_id?: number;
  tax_class_name?: string;
  extension_attributes?: Record<string, unknown>;
}

export type GroupSearchResults = SearchResults<GroupData>;

export const GroupInterfaceDeclaration: DataInterfaceDeclaration = {
  name: GROUP_INTERFACE,
  description: 'Customer group interface.',
  fields: [
    { name: 'id', type: 'int' },
    { name: 'code', type: 'string', required: true },
    { name: 'tax_class_id', type: 'int', required: true },
    { name: 'tax_class_name', type: 'string' },
    { name: 'extension_attributes', type: GROUP_EXTENSION_INTERFACE },
  ],
};

export const GroupExtensionInterfaceDeclaration: DataInterfaceDeclaration = { name: GROUP_EXTENSION_INTERFACE, fields: [] };

export const GroupSearchResultsInterfaceDeclaration: DataInterfaceDeclaration = {
  name: GROUP_SEARCH_RESULTS_INTERFACE,
  fields: [
    { name: 'items', type: `${GROUP_INTERFACE}[]`, required: true },
    { name: 'search_criteria', type: SEARCH_CRITERIA_INTERFACE, required: true },
    { name: 'total_count', type: 'int', required: true },
  ],
};
