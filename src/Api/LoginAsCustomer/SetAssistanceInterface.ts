/** Magento's `Magento\LoginAsCustomerAssistance\Api\SetAssistanceInterface`. */
export interface SetAssistanceInterface {
  /** Inserts (allowed) or deletes (denied) the customer's `login_as_customer_assistance_allowed` row. */
  execute(customerId: number, isEnabled: boolean): Promise<void>;
}
