import type { UserContext } from '../../../Framework/Authentication/UserContext.ts';

/** Magento's `Magento\Integration\Api\Data\UserToken`: who a bearer token names and when it was issued. */
export interface UserToken {
  readonly user: UserContext;
  /** Unix seconds (`iat`, or `oauth_token.created_at`). */
  readonly issuedAt: number;
  /** Unix seconds; null when the token never expires (integration access tokens). */
  readonly expiresAt: number | null;
  readonly kind: 'jwt' | 'opaque';
}
