import type { UserToken } from './Data/UserToken.ts';

/**
 * Magento's `Magento\Integration\Api\UserTokenReaderInterface` (its CompositeTokenReader: JWT first,
 * then the legacy opaque tokens of `oauth_token`). Returns null for anything it cannot read; expiry
 * and revocation are checked separately (UserTokenValidatorInterface).
 */
export interface UserTokenReaderInterface {
  read(token: string): Promise<UserToken | null>;
}
