import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { RequestLog } from '../ResourceModel/Integration/RequestLog.ts';
import { ACCOUNT_SIGN_IN_FAILED } from '../User/AdminUserManagement.ts';

/** `oauth_token_request_log.user_name` is a varchar(255). */
const USER_NAME_LENGTH = 255;

/**
 * The log's key for a user name: lower-cased, trailing spaces dropped (MySQL's PAD SPACE collations ignore
 * them, SQLite's NOCASE does not), cut to the column's length. Callers pass the name the account is stored
 * under when the typed name reaches one, so every spelling that reaches an account — other case, trailing
 * spaces, and on MySQL accents — shares its counter on both databases; an unknown name is keyed the same way.
 */
function throttleKey(userName: string): string {
  const key = withoutTrailingSpaces(userName.toLowerCase());
  if (key.length <= USER_NAME_LENGTH) return key;
  let cut = '';
  let chars = 0;
  for (const char of key) {
    if (chars++ === USER_NAME_LENGTH) break;
    cut += char;
  }
  return withoutTrailingSpaces(cut);
}

/** A loop, not `/ +$/`: that regex backtracks quadratically over a long run of spaces followed by anything else. */
function withoutTrailingSpaces(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x20) end -= 1;
  return value.slice(0, end);
}

/**
 * Magento's `Magento\Integration\Model\Oauth\Token\RequestThrottler`: at most
 * `oauth/authentication_lock/max_failures_count` token requests per user name in a row that did not
 * succeed, until the lock (`oauth/authentication_lock/timeout` seconds after the last of them) expires.
 * The log's user types are its own: customer 2, admin 3.
 *
 * Unlike Magento, which reads the count, checks the password and then writes a failure, an attempt is
 * counted before its password is checked, in one statement that also decides whether it may go on: so
 * concurrent requests, on one process or several, never check more than the limit's passwords per lock
 * window. A success deletes the count, as in Magento; any other outcome leaves the attempt counted.
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

  /** Counts one attempt for the user name, or refuses it with Magento's sign-in message when the lock is full. */
  async claimAttempt(userName: string, userType: number): Promise<void> {
    const max = await this.intConfig('oauth/authentication_lock/max_failures_count');
    // Magento would lock everyone out at 0; a non-positive limit is read as "no throttling".
    if (max <= 0) return;
    const now = this.clock.now();
    const timeout = await this.intConfig('oauth/authentication_lock/timeout');
    const claimed = await this.log.claimAttempt(throttleKey(userName), userType, max, formatDbDate(now), formatDbDate(now + timeout * 1000));
    if (!claimed) throw new AuthenticationException(__(ACCOUNT_SIGN_IN_FAILED));
  }

  async resetAuthenticationFailuresCount(userName: string, userType: number): Promise<void> {
    await this.log.resetFailuresCount(throttleKey(userName), userType);
  }

  private async intConfig(path: string): Promise<number> {
    const value = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    return Number.isFinite(value) ? value : 0;
  }
}
