import { createHmac } from 'node:crypto';
import { rawurlencode } from './OauthEncoding.ts';

export const SIGNATURE_SHA1 = 'HMAC-SHA1';
export const SIGNATURE_SHA256 = 'HMAC-SHA256';

/** Magento's `Oauth::getSupportedSignatureMethods()`. */
export const SUPPORTED_SIGNATURE_METHODS: readonly string[] = [SIGNATURE_SHA1, SIGNATURE_SHA256];

const HASH: Readonly<Record<string, string>> = { [SIGNATURE_SHA1]: 'sha1', [SIGNATURE_SHA256]: 'sha256' };

/** One request parameter (name and value decoded); a name may repeat. */
export type OauthParam = readonly [name: string, value: string];

/**
 * RFC 5849 §3.4.1.2 base string URI: scheme and host in lower case, the default port (80 for http, 443
 * for https) left out, the path as sent, no query or fragment.
 */
export function normalizeRequestUrl(url: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (!match) return url;
  const scheme = (match[1] as string).toLowerCase();
  let authority = (match[2] as string).toLowerCase();
  if ((scheme === 'http' && authority.endsWith(':80')) || (scheme === 'https' && authority.endsWith(':443'))) {
    authority = authority.slice(0, authority.lastIndexOf(':'));
  }
  const path = match[3] === '' ? '/' : (match[3] as string);
  return `${scheme}://${authority}${path}`;
}

/**
 * RFC 5849 §3.4.1 signature base string: `METHOD&url&params`, the parameters (every one but
 * `oauth_signature`) percent-encoded, sorted by encoded name then encoded value, joined `name=value` with `&`.
 */
export function signatureBaseString(httpMethod: string, url: string, params: readonly OauthParam[]): string {
  const pairs = params
    .filter(([name]) => name !== 'oauth_signature')
    .map(([name, value]) => [rawurlencode(name), rawurlencode(value)] as const)
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`);
  return `${httpMethod.toUpperCase()}&${rawurlencode(normalizeRequestUrl(url))}&${rawurlencode(pairs.join('&'))}`;
}

/** HMAC-SHA1 / HMAC-SHA256 signature (base64) with the key `encode(consumerSecret)&encode(tokenSecret)`. */
export function hmacSign(
  params: readonly OauthParam[],
  signatureMethod: string,
  consumerSecret: string,
  tokenSecret: string,
  httpMethod: string,
  url: string,
): string {
  const hash = HASH[signatureMethod];
  if (hash === undefined) throw new Error(`Unsupported signature method ${signatureMethod}`);
  const key = `${rawurlencode(consumerSecret)}&${rawurlencode(tokenSecret)}`;
  return createHmac(hash, key).update(signatureBaseString(httpMethod, url, params)).digest('base64');
}

/** Byte order of the encoded (ASCII) strings. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
