import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { LOG_SEARCH_RESULTS_INTERFACE, type LogSearchResults } from './Data/LogSearchResultsInterface.ts';
import { SEARCH_CRITERIA_INTERFACE, type SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';

export const GET_LOGS_LIST_INTERFACE = 'Magento\\LoginAsCustomerLog\\Api\\GetLogsListInterface';

/** Magento's `GetLogsListInterface` over this service's audit log (`GET /V1/login-as-customer/log`). */
export interface GetLogsListInterface {
  execute(searchCriteria?: SearchCriteria | null): Promise<LogSearchResults>;
}

export const GetLogsListContract: ServiceContract = {
  name: GET_LOGS_LIST_INTERFACE,
  methods: {
    execute: {
      description: 'Search the Login as Customer audit log.',
      parameters: [{ name: 'searchCriteria', type: SEARCH_CRITERIA_INTERFACE, required: false }],
      returns: LOG_SEARCH_RESULTS_INTERFACE,
    },
  },
};
