/**
 * Magento's `Magento\LoginAsCustomerApi\Api\ConfigInterface`, plus the secret lifetime that Magento
 * keeps in config but no longer reads (`authentication_data_expiration_time`, live here).
 */
export interface ConfigInterface {
  /** `login_as_customer/general/enabled`. */
  isEnabled(): Promise<boolean>;
  /** `login_as_customer/general/store_view_manual_choice_enabled`. */
  isStoreManualChoiceEnabled(): Promise<boolean>;
  /** `login_as_customer/general/authentication_data_expiration_time`, seconds (at least 1). */
  getAuthenticationDataExpirationTime(): Promise<number>;
  /** `customer/account_share/scope` is 0: one customer account for all websites. */
  isGlobalAccountShare(): Promise<boolean>;
}
