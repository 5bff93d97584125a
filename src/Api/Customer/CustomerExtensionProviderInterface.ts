import type { CustomerData } from './Data/CustomerInterface.ts';

/**
 * A module that adds extension attributes to customers (Magento does this with plugins on the
 * customer repository, e.g. LoginAsCustomerAssistance's `assistance_allowed`). The customer repository
 * calls every provider bound under TYPES.CustomerExtensionProviders.
 */
export interface CustomerExtensionProviderInterface {
  /** Fills `extension_attributes` of customers just loaded (they have ids). */
  afterLoad(customers: CustomerData[]): Promise<void>;
  /**
   * Persists this module's extension attributes from `input` for the customer just saved
   * (`saved.id` is set). Called for create and update.
   */
  afterSave(saved: CustomerData, input: CustomerData): Promise<void>;
}
