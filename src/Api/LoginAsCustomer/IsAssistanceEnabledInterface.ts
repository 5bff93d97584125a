/** Magento's `Magento\LoginAsCustomerAssistance\Api\IsAssistanceEnabledInterface`. */
export interface IsAssistanceEnabledInterface {
  /** A row in `login_as_customer_assistance_allowed` exists for the customer. */
  execute(customerId: number): Promise<boolean>;
}

/** `IsAssistanceEnabledInterface::DENIED` / `::ALLOWED`: the values of `extension_attributes.assistance_allowed`. */
export const ASSISTANCE_DENIED = 1;
export const ASSISTANCE_ALLOWED = 2;
