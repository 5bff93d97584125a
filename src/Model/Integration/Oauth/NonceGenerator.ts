import { inject, injectable } from 'inversify';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { __ } from '../../../Framework/Exception/Phrase.ts';
import type { NonceGeneratorInterface } from '../../../Framework/Oauth/NonceGeneratorInterface.ts';
import { OauthException } from '../../../Framework/Oauth/OauthException.ts';
import { OauthInputException } from '../../../Framework/Oauth/OauthInputException.ts';
import type { OauthConsumer } from '../../../Framework/Oauth/TokenProviderInterface.ts';
import { unixSeconds, type Clock } from '../../../Framework/Stdlib/Clock.ts';
import { OauthNonce } from '../../ResourceModel/Integration/OauthNonce.ts';
import { OAUTH_LENGTH } from './OauthHelper.ts';

/** Magento's `Nonce\Generator::TIME_DEVIATION`: a timestamp may run this many seconds ahead of the server. */
export const TIME_DEVIATION = 600;

/**
 * Magento's `Magento\Integration\Model\Oauth\Nonce\Generator::validateNonce`: the timestamp (read as PHP's
 * `(int)` reads a string) must be positive and at most TIME_DEVIATION seconds in the future — Magento sets no
 * lower bound — and the nonce must be new for this consumer; it is then recorded. A nonce the column cannot
 * hold (over 32 characters, which MySQL refuses) gets Magento's generic failure on both databases.
 */
@injectable()
export class NonceGenerator implements NonceGeneratorInterface {
  constructor(
    @inject(OauthNonce) private readonly nonces: OauthNonce,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async validateNonce(consumer: OauthConsumer, nonce: string, timestamp: string): Promise<void> {
    const seconds = phpInt(timestamp);
    if (seconds <= 0 || seconds > unixSeconds(this.clock) + TIME_DEVIATION) {
      throw new OauthInputException(__('Incorrect timestamp value in the oauth_timestamp parameter'));
    }
    if ([...nonce].length > OAUTH_LENGTH) throw new OauthException(__('An error occurred validating the nonce'));
    let recorded: boolean;
    try {
      recorded = await this.nonces.use(nonce, consumer.id, seconds);
    } catch (error) {
      throw new OauthException(__('An error occurred validating the nonce'), { cause: error });
    }
    if (!recorded) {
      throw new OauthException(__('The nonce is already being used by the consumer with ID %1', [consumer.id]));
    }
  }
}

/** PHP's `(int)$string`: optional leading whitespace and sign, then digits; anything else is 0. */
function phpInt(value: string): number {
  const match = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(value);
  if (!match) return 0;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : n > 0 ? Number.MAX_SAFE_INTEGER : 0;
}
