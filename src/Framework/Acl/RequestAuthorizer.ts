import type { UserContext } from '../Authentication/UserContext.ts';

/**
 * The front controller's ACL step: all listed resources must be allowed (`anonymous` → everyone,
 * `self` → a customer token, anything else → the caller's role).
 */
export interface RequestAuthorizer {
  isAllowed(user: UserContext, resources: readonly string[]): Promise<boolean>;
}
