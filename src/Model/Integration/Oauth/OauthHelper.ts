import { inject, injectable } from 'inversify';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { Random } from '../../../Framework/Stdlib/Random.ts';

/** Magento's `Helper\Oauth::LENGTH_*`: keys, secrets, tokens, verifiers and nonces are all 32 characters. */
export const OAUTH_LENGTH = 32;

/** Magento's `Helper\Oauth::generateRandomString`: digits and lower-case letters. */
const CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Magento's `Magento\Framework\Oauth\Helper\Oauth`: the random values of consumers and tokens. */
@injectable()
export class OauthHelper {
  constructor(@inject(TYPES.Random) private readonly random: Random) {}

  generate(): string {
    return this.random.string(OAUTH_LENGTH, CHARS);
  }
}
