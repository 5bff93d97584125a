import type { OauthConsumer } from './TokenProviderInterface.ts';

/** Magento's `Magento\Framework\Oauth\NonceGeneratorInterface` (the validating half). */
export interface NonceGeneratorInterface {
  /** Refuses a timestamp out of the window or a nonce this consumer used before; records the nonce. */
  validateNonce(consumer: OauthConsumer, nonce: string, timestamp: string): Promise<void>;
}
