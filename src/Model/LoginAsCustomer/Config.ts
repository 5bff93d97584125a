import { inject, injectable } from 'inversify';
import type { ConfigInterface } from '../../Api/LoginAsCustomer/ConfigInterface.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';

const XML_PATH_ENABLED = 'login_as_customer/general/enabled';
const XML_PATH_STORE_VIEW_MANUAL_CHOICE_ENABLED = 'login_as_customer/general/store_view_manual_choice_enabled';
const XML_PATH_AUTHENTICATION_DATA_EXPIRATION_TIME = 'login_as_customer/general/authentication_data_expiration_time';
const XML_PATH_ACCOUNT_SHARE_SCOPE = 'customer/account_share/scope';

/** etc/config.xml's default for the secret lifetime, used when the stored value is not a positive integer. */
const DEFAULT_EXPIRATION_TIME = 60;

/**
 * Magento's `Magento\LoginAsCustomer\Model\Config`: every path is read at default scope, as Magento reads
 * them (scope-less getValue; the admin fields are default-scope only).
 */
@injectable()
export class Config implements ConfigInterface {
  constructor(@inject(TYPES.ScopeConfig) private readonly scopeConfig: ScopeConfigInterface) {}

  isEnabled(): Promise<boolean> {
    return this.scopeConfig.isSetFlag(XML_PATH_ENABLED);
  }

  isStoreManualChoiceEnabled(): Promise<boolean> {
    return this.scopeConfig.isSetFlag(XML_PATH_STORE_VIEW_MANUAL_CHOICE_ENABLED);
  }

  async getAuthenticationDataExpirationTime(): Promise<number> {
    const raw = await this.scopeConfig.getValue(XML_PATH_AUTHENTICATION_DATA_EXPIRATION_TIME);
    const seconds = raw === null ? NaN : Number(raw.trim());
    return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : DEFAULT_EXPIRATION_TIME;
  }

  async isGlobalAccountShare(): Promise<boolean> {
    // Magento's Customer\Model\Config\Share: 0 = global, 1 = per website (the default).
    const raw = await this.scopeConfig.getValue(XML_PATH_ACCOUNT_SHARE_SCOPE);
    return raw !== null && raw.trim() === '0';
  }
}
