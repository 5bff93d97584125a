/** Magento's `Magento\Authorization\Model\UserContextInterface` user types. */
export enum UserType {
  INTEGRATION = 1,
  ADMIN = 2,
  CUSTOMER = 3,
  GUEST = 4,
}

export interface UserContext {
  readonly userId: number | null;
  readonly userType: UserType;
}

export const GUEST: UserContext = Object.freeze({ userId: null, userType: UserType.GUEST });

/**
 * The request as authentication needs it, independent of the web framework: a bearer token needs only the
 * Authorization header; an OAuth 1.0a signature also covers the method, the URL as the client addressed it
 * and, for form-encoded bodies, the body's parameters.
 */
export interface AuthenticationRequest {
  /** `GET`, `POST` … as received. */
  readonly method: string;
  /** `scheme://host[:port]/path?query`: the scheme the client used, its Host header and the raw request URI. */
  readonly url: string;
  header(name: string): string | undefined;
  /** The raw body, read on demand (and then kept for the request's own use). */
  readBody?(): Promise<Buffer>;
}

/**
 * Turns a request into a caller. A bad bearer token never throws (the caller is a guest); a request signed
 * with OAuth 1.0a that fails its checks throws Magento's OAuth exception, as Magento's OauthUserContext does.
 */
export interface UserContextResolver {
  resolve(request: AuthenticationRequest): Promise<UserContext>;
}

/** A request carrying only an Authorization header (tests, internal callers). */
export function authorizationOnly(authorization: string | undefined, url = 'http://localhost/'): AuthenticationRequest {
  return {
    method: 'GET',
    url,
    header: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined),
  };
}
