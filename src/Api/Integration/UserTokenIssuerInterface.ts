import type { UserContext } from '../../Framework/Authentication/UserContext.ts';

/** Magento 2.4.4+ `Magento\Integration\Api\UserTokenIssuerInterface`: issues a JWT for a user. */
export interface UserTokenIssuerInterface {
  /** Returns the compact JWT; lifetime from `webapi/jwtauth/{admin,customer}_expiration`. */
  create(user: UserContext, params?: { forcedIssuedTime?: number }): Promise<string>;
}
