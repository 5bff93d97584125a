import { inject, injectable } from 'inversify';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { SecurityViolationException } from '../../Framework/Exception/SecurityViolationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, parseDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { PasswordResetRequestEvent, type RequestEventFilter } from '../ResourceModel/Security/PasswordResetRequestEvent.ts';

/** `PasswordResetRequestEvent::CUSTOMER_PASSWORD_RESET_REQUEST`. */
export const CUSTOMER_PASSWORD_RESET_REQUEST = 0;

/** `Security\Model\Config::LIMITATION_TIME_PERIOD`: the window `max_number_password_reset_requests` counts in. */
const LIMITATION_TIME_PERIOD_MS = 3600_000;
/** `ResetMethod`: 1 by IP and e-mail (either matches), 2 by IP, 3 by e-mail, 0 none. */
const BY_IP_AND_EMAIL = 1;
const BY_IP = 2;
const BY_EMAIL = 3;

/**
 * Magento_Security's `SecurityManager::performSecurityCheck` as its `AccountManagement` plugin runs it before
 * `initiatePasswordReset`, with the storefront settings `customer/password/*`:
 *  - Frequency: a matching request less than `min_time_between_password_reset_requests` minutes ago →
 *    `We received too many requests for password resets. Please wait and try again later or contact %1.`;
 *  - Quantity: `max_number_password_reset_requests` matching requests within the hour →
 *    `Too many password reset requests. Please wait and try again or contact %1.`;
 * %1 is `contact/email/recipient_email`. A request that passes is recorded in `password_reset_request_event`
 * (before the e-mail is looked up, so unknown addresses count too).
 *
 * Unlike Magento, which checks and then inserts, the request is recorded first and the checks exclude it; a refused
 * request removes its row again. Concurrent requests therefore cannot all pass the limits at once. The e-mail is kept
 * lower-cased (MySQL's collation compares it so; SQLite would not), the IP cut to the column's 15 characters as
 * Magento's `SQL_MODE=''` connection does.
 */
@injectable()
export class SecurityManager {
  constructor(
    @inject(PasswordResetRequestEvent) private readonly events: PasswordResetRequestEvent,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async performSecurityCheck(requestType: number, accountReference: string): Promise<void> {
    const protection = await this.intConfig('customer/password/password_reset_protection_type');
    const ip = (this.requestContext.current()?.ip ?? '').slice(0, 15);
    const reference = accountReference.trim().toLowerCase().slice(0, 255);
    const now = this.clock.now();
    const id = await this.events.insert(requestType, reference, ip, formatDbDate(now));
    if (protection === 0) return;
    const filter: RequestEventFilter = {
      requestType,
      accountReference: protection === BY_IP_AND_EMAIL || protection === BY_EMAIL ? reference : null,
      ip: protection === BY_IP_AND_EMAIL || protection === BY_IP ? ip : null,
    };
    try {
      const minGapMs = (await this.intConfig('customer/password/min_time_between_password_reset_requests')) * 60_000;
      if (minGapMs > 0) {
        const { latest } = await this.events.countSince(filter, formatDbDate(now - minGapMs), id);
        if (latest !== null && now - parseDbDate(latest) < minGapMs) {
          throw new SecurityViolationException(
            __('We received too many requests for password resets. Please wait and try again later or contact %1.', [await this.contact()]),
          );
        }
      }
      const maxRequests = await this.intConfig('customer/password/max_number_password_reset_requests');
      if (maxRequests > 0) {
        const { count } = await this.events.countSince(filter, formatDbDate(now - LIMITATION_TIME_PERIOD_MS), id);
        if (count >= maxRequests) {
          throw new SecurityViolationException(
            __('Too many password reset requests. Please wait and try again or contact %1.', [await this.contact()]),
          );
        }
      }
    } catch (error) {
      await this.events.delete(id);
      throw error;
    }
  }

  private async contact(): Promise<string> {
    const storeId = this.requestContext.current()?.storeId;
    return (storeId ? await this.config.getValue('contact/email/recipient_email', 'stores', storeId) : await this.config.getValue('contact/email/recipient_email')) ?? '';
  }

  private async intConfig(path: string): Promise<number> {
    const value = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    return Number.isFinite(value) ? value : 0;
  }
}
