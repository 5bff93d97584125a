import { inject, injectable } from 'inversify';
import type { LogSearchResults } from '../../Api/LoginAsCustomer/Data/LogSearchResultsInterface.ts';
import type { GetLogsListInterface } from '../../Api/LoginAsCustomer/GetLogsListInterface.ts';
import type { SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';
import { AuditLogResource } from '../ResourceModel/LoginAsCustomer/AuditLogResource.ts';

/** `GET /V1/login-as-customer/log?searchCriteria…`: Magento's search-result shape over the audit log. */
@injectable()
export class GetLogsList implements GetLogsListInterface {
  constructor(@inject(AuditLogResource) private readonly resource: AuditLogResource) {}

  async execute(searchCriteria?: SearchCriteria | null): Promise<LogSearchResults> {
    const criteria = searchCriteria ?? {};
    const { items, total } = await this.resource.search(criteria);
    return { items, search_criteria: criteria, total_count: total };
  }
}
