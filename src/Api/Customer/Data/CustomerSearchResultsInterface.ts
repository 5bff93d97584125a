import { SEARCH_CRITERIA_INTERFACE, type SearchResults } from '../../../Framework/Api/SearchCriteria.ts';
import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';
import { CUSTOMER_INTERFACE, type CustomerData } from './CustomerInterface.ts';

export type CustomerSearchResults = SearchResults<CustomerData>;

export const CUSTOMER_SEARCH_RESULTS_INTERFACE = 'Magento\\Customer\\Api\\Data\\CustomerSearchResultsInterface';

/** Magento's `Magento\Customer\Api\Data\CustomerSearchResultsInterface`. */
export const CustomerSearchResultsInterfaceDeclaration: DataInterfaceDeclaration = {
  name: CUSTOMER_SEARCH_RESULTS_INTERFACE,
  fields: [
    { name: 'items', type: `${CUSTOMER_INTERFACE}[]`, required: true },
    { name: 'search_criteria', type: SEARCH_CRITERIA_INTERFACE, required: true },
    { name: 'total_count', type: 'int', required: true },
  ],
};
