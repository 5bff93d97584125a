import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { RequestLog } from '../ResourceModel/Integration/RequestLog.ts';
import { ACCOUNT_SIGN_IN_FAILED } from '../User/AdminUserManagement.ts';

/**
 * Magento's `Magento\Integration\Model\Oauth\Token\RequestThrottler`: token requests for a user name
 * are refused once `oauth/authentication_lock/max_failures_count` failures were logged and the lock
 * (`oauth/authentication_lock/timeout` seconds after the last failure) has not expired. The log's
 * user types are its own: customer 2, admin 3.
 */
@injectable()
export class RequestThrottler {
  static readonly USER_TYPE_CUSTOMER = 2;
  static readonly USER_TYPE_ADMIN = 3;

  constructor(
    @inject(RequestLog) private readonly log: RequestLog,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async throttle(userName: string, userType: number): Promise<void> {
    const max = await this.intConfig('oauth/authentication_lock/max_failures_count');
    // Magento would lock everyone out at 0; a non-positive limit is read as "no throttling".
    if (max <= 0) return;
    const count = await this.log.getFailuresCount(userName, userType, formatDbDate(this.clock.now()));
    if (count >= max) throw new AuthenticationException(__(ACCOUNT_SIGN_IN_FAILED));
  }

  async resetAuthenticationFailuresCount(userName: string, userType: number): Promise<void> {
    await this.log.resetFailuresCount(userName, userType);
  }

  async logAuthenticationFailure(userName: string, userType: number): Promise<void> {
    const now = this.clock.now();
    const timeout = await this.intConfig('oauth/authentication_lock/timeout');
    await this.log.incrementFailuresCount(userName, userType, formatDbDate(now), formatDbDate(now + timeout * 1000));
  }

  private async intConfig(path: string): Promise<number> {
    const value = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    return Number.isFinite(value) ? value : 0;
  }
}
