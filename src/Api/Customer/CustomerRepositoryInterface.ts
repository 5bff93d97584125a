import { SEARCH_CRITERIA_INTERFACE, type SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';
import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { CUSTOMER_INTERFACE, type CustomerData } from './Data/CustomerInterface.ts';
import { CUSTOMER_SEARCH_RESULTS_INTERFACE, type CustomerSearchResults } from './Data/CustomerSearchResultsInterface.ts';

/** Magento's `Magento\Customer\Api\CustomerRepositoryInterface`. */
export interface CustomerRepositoryInterface {
  /** Creates (no id) or updates a customer; `passwordHash` is written as is when given. */
  save(customer: CustomerData, passwordHash?: string | null): Promise<CustomerData>;
  /** By e-mail in a website (the current one when omitted, ignored when accounts are global). */
  get(email: string, websiteId?: number | null): Promise<CustomerData>;
  getById(customerId: number): Promise<CustomerData>;
  getList(searchCriteria: SearchCriteria): Promise<CustomerSearchResults>;
  /** Deletes the customer (their addresses and tokens go with the row, by foreign key). */
  deleteById(customerId: number): Promise<boolean>;
}

export const CustomerRepositoryContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\CustomerRepositoryInterface',
  methods: {
    save: {
      description: 'Create or update a customer.',
      parameters: [
        { name: 'customer', type: CUSTOMER_INTERFACE, required: true },
        { name: 'passwordHash', type: 'string', required: false },
      ],
      returns: CUSTOMER_INTERFACE,
    },
    get: {
      description: 'Retrieve customer.',
      parameters: [
        { name: 'email', type: 'string', required: true },
        { name: 'websiteId', type: 'int', required: false },
      ],
      returns: CUSTOMER_INTERFACE,
    },
    getById: {
      description: 'Get customer by Customer ID.',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: CUSTOMER_INTERFACE,
    },
    getList: {
      description: 'Retrieve customers which match a specified criteria.',
      parameters: [{ name: 'searchCriteria', type: SEARCH_CRITERIA_INTERFACE, required: true }],
      returns: CUSTOMER_SEARCH_RESULTS_INTERFACE,
    },
    deleteById: {
      description: 'Delete customer by Customer ID.',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: 'bool',
    },
  },
};
