import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { ADDRESS_INTERFACE, type AddressData } from './Data/AddressInterface.ts';
import { CUSTOMER_INTERFACE, type CustomerData } from './Data/CustomerInterface.ts';

/** Magento's `Magento\Customer\Api\AccountManagementInterface` (the parts this service offers). */
export interface AccountManagementInterface {
  /** Registers a customer, checking the password against `customer/password/*` like Magento. */
  createAccount(customer: CustomerData, password?: string | null, redirectUrl?: string | null): Promise<CustomerData>;
  /** The customer with this e-mail (current website) and password; throws AuthenticationException otherwise. */
  authenticate(email: string, password: string): Promise<CustomerData>;
  /** The customer's default billing address, null when none (NoSuchEntityException for an unknown customer). */
  getDefaultBillingAddress(customerId: number): Promise<AddressData | null>;
  /** The customer's default shipping address, null when none. */
  getDefaultShippingAddress(customerId: number): Promise<AddressData | null>;
}

export const AccountManagementContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\AccountManagementInterface',
  methods: {
    createAccount: {
      description: 'Create customer account. Perform necessary business operations like sending email.',
      parameters: [
        { name: 'customer', type: CUSTOMER_INTERFACE, required: true },
        { name: 'password', type: 'string', required: false },
        { name: 'redirectUrl', type: 'string', required: false },
      ],
      returns: CUSTOMER_INTERFACE,
    },
    authenticate: {
      description: 'Authenticate a customer by username and password',
      parameters: [
        { name: 'email', type: 'string', required: true },
        { name: 'password', type: 'string', required: true },
      ],
      returns: CUSTOMER_INTERFACE,
    },
    getDefaultBillingAddress: {
      description: 'Retrieve default billing address for the given customerId.',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: ADDRESS_INTERFACE,
    },
    getDefaultShippingAddress: {
      description: 'Retrieve default shipping address for the given customerId.',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: ADDRESS_INTERFACE,
    },
  },
};
