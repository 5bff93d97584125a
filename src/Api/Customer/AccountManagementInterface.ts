import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { ADDRESS_INTERFACE, type AddressData } from './Data/AddressInterface.ts';
import { CUSTOMER_INTERFACE, type CustomerData } from './Data/CustomerInterface.ts';
import { VALIDATION_RESULTS_INTERFACE, type ValidationResults } from './Data/ValidationResultsInterface.ts';

/** `AccountManagement::EMAIL_REMINDER` / `EMAIL_RESET`: the two templates `initiatePasswordReset` accepts. */
export const EMAIL_REMINDER = 'email_reminder';
export const EMAIL_RESET = 'email_reset';

/** `AccountManagement::ACCOUNT_CONFIRMED` … : what `getConfirmationStatus` returns. */
export const ACCOUNT_CONFIRMED = 'account_confirmed';
export const ACCOUNT_CONFIRMATION_REQUIRED = 'account_confirmation_required';
export const ACCOUNT_CONFIRMATION_NOT_REQUIRED = 'account_confirmation_not_required';

/**
 * Magento's `Magento\Customer\Api\AccountManagementInterface`, without `createAccountWithPasswordHash` and
 * `isCustomerInStore` (not web API methods) and the default-address getters (addresses).
 */
export interface AccountManagementInterface {
  /** Registers a customer, checking the password against `customer/password/*` like Magento. */
  createAccount(customer: CustomerData, password?: string | null, redirectUrl?: string | null): Promise<CustomerData>;
  /** The customer with this e-mail (current website) and password; throws AuthenticationException otherwise. */
  authenticate(email: string, password: string): Promise<CustomerData>;
  /** The customer's default billing address, null when none (NoSuchEntityException for an unknown customer). */
  getDefaultBillingAddress(customerId: number): Promise<AddressData | null>;
  /** The customer's default shipping address, null when none. */
  getDefaultShippingAddress(customerId: number): Promise<AddressData | null>;
  validate(customer: CustomerData): Promise<ValidationResults>;
  isReadonly(customerId: number): Promise<boolean>;
  activate(email: string, confirmationKey: string): Promise<CustomerData>;
  activateById(customerId: number, confirmationKey: string): Promise<CustomerData>;
  changePasswordById(customerId: number, currentPassword: string, newPassword: string): Promise<boolean>;
  initiatePasswordReset(email: string, template: string, websiteId?: number | null): Promise<boolean>;
  resetPassword(email: string, resetToken: string, newPassword: string): Promise<boolean>;
  validateResetPasswordLinkToken(customerId: number, resetPasswordLinkToken: string): Promise<boolean>;
  getConfirmationStatus(customerId: number): Promise<string>;
  resendConfirmation(email: string, websiteId: number, redirectUrl?: string | null): Promise<boolean>;
  isEmailAvailable(customerEmail: string, websiteId?: number | null): Promise<boolean>;
}

const param = (name: string, type: string, required = true) => ({ name, type, required });

export const AccountManagementContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\AccountManagementInterface',
  methods: {
    createAccount: {
      description: 'Create customer account. Perform necessary business operations like sending email.',
      parameters: [param('customer', CUSTOMER_INTERFACE), param('password', 'string', false), param('redirectUrl', 'string', false)],
      returns: CUSTOMER_INTERFACE,
    },
    authenticate: {
      description: 'Authenticate a customer by username and password',
      parameters: [param('email', 'string'), param('password', 'string')],
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
    validate: {
      description: 'Validate customer data.',
      parameters: [param('customer', CUSTOMER_INTERFACE)],
      returns: VALIDATION_RESULTS_INTERFACE,
    },
    isReadonly: {
      description: 'Check if customer can be deleted.',
      parameters: [param('customerId', 'int')],
      returns: 'bool',
    },
    activate: {
      description: 'Activate a customer account using a key that was sent in a confirmation email.',
      parameters: [param('email', 'string'), param('confirmationKey', 'string')],
      returns: CUSTOMER_INTERFACE,
    },
    activateById: {
      description: 'Activate a customer account using a key that was sent in a confirmation email.',
      parameters: [param('customerId', 'int'), param('confirmationKey', 'string')],
      returns: CUSTOMER_INTERFACE,
    },
    changePasswordById: {
      description: 'Change customer password.',
      parameters: [param('customerId', 'int'), param('currentPassword', 'string'), param('newPassword', 'string')],
      returns: 'bool',
    },
    initiatePasswordReset: {
      description: 'Send an email to the customer with a password reset link.',
      parameters: [param('email', 'string'), param('template', 'string'), param('websiteId', 'int', false)],
      returns: 'bool',
    },
    resetPassword: {
      description: 'Reset customer password.',
      parameters: [param('email', 'string'), param('resetToken', 'string'), param('newPassword', 'string')],
      returns: 'bool',
    },
    validateResetPasswordLinkToken: {
      description: 'Check if password reset token is valid.',
      parameters: [param('customerId', 'int'), param('resetPasswordLinkToken', 'string')],
      returns: 'bool',
    },
    getConfirmationStatus: {
      description: 'Gets the account confirmation status.',
      parameters: [param('customerId', 'int')],
      returns: 'string',
    },
    resendConfirmation: {
      description: 'Resend confirmation email.',
      parameters: [param('email', 'string'), param('websiteId', 'int'), param('redirectUrl', 'string', false)],
      returns: 'bool',
    },
    isEmailAvailable: {
      description: 'Check if given email is associated with a customer account in given website.',
      parameters: [param('customerEmail', 'string'), param('websiteId', 'int', false)],
      returns: 'bool',
    },
  },
};
