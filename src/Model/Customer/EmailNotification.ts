import { inject, injectable } from 'inversify';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { Logger } from '../../Framework/App/Logger.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';

/** Config paths of the templates Magento's `EmailNotification` / `AccountManagement` send (Customer etc/config.xml). */
export const EMAIL_TEMPLATES = Object.freeze({
  forgot: 'customer/password/forgot_email_template',
  remind: 'customer/password/remind_email_template',
  resetPassword: 'customer/password/reset_password_template',
  confirmation: 'customer/create_account/email_confirmation_template',
  confirmed: 'customer/create_account/email_confirmed_template',
  registered: 'customer/create_account/email_template',
  registeredNoPassword: 'customer/create_account/email_no_password_template',
});

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;

/** The log line's message; tests and log scrapers match on it. */
export const EMAIL_NOT_SENT = 'customer email not sent';

/**
 * Magento's `Magento\Customer\Model\EmailNotification`, without a mail transport: this service sends no e-mail.
 * Each e-mail Magento would send is one log line `customer email not sent` with the template path, the template
 * id configured for the customer's store, the recipient customer id and the store id. Never the address, the
 * reset token or a link carrying it.
 */
@injectable()
export class EmailNotification {
  constructor(
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** `storeId`: the store whose template and sender apply (the customer's store when not given). */
  async send(template: EmailTemplate, customer: CustomerData, storeId: number = customer.store_id ?? 0): Promise<void> {
    const path = EMAIL_TEMPLATES[template];
    const templateId = storeId ? await this.config.getValue(path, 'stores', storeId) : await this.config.getValue(path);
    this.logger.info(
      { event: 'customer_email', templatePath: path, templateId, customerId: customer.id ?? null, storeId },
      EMAIL_NOT_SENT,
    );
  }
}
