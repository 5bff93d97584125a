import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';
import { LOG_INTERFACE, type LogEntry } from './LogInterface.ts';
import { SEARCH_CRITERIA_INTERFACE, type SearchResults } from '../../../Framework/Api/SearchCriteria.ts';

export const LOG_SEARCH_RESULTS_INTERFACE = 'Magento\\LoginAsCustomerLog\\Api\\Data\\LogSearchResultsInterface';

/** Magento's search-result shape for the Login as Customer log. */
export type LogSearchResults = SearchResults<LogEntry>;

export const LogSearchResultsDeclaration: DataInterfaceDeclaration = {
  name: LOG_SEARCH_RESULTS_INTERFACE,
  fields: [
    { name: 'items', type: `${LOG_INTERFACE}[]`, required: true },
    { name: 'search_criteria', type: SEARCH_CRITERIA_INTERFACE, required: true },
    { name: 'total_count', type: 'int', required: true },
  ],
};
