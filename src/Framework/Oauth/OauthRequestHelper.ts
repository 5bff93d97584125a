import type { OauthParam } from './HmacSignature.ts';
import { rawurldecode, urldecode } from './OauthEncoding.ts';

/** What the OAuth checks need from an HTTP request; no web framework types. */
export interface OauthHttpRequest {
  readonly method: string;
  /** `scheme://host[:port]/path?query` as the client addressed it (Host header and request URI). */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** The raw body, only needed (and only read) for `application/x-www-form-urlencoded` requests. */
  readonly body?: () => Promise<string>;
}

/** The OAuth parameters of a request: protocol parameters by name, and every parameter to sign. */
export interface OauthRequestParams {
  readonly protocol: ReadonlyMap<string, string>;
  readonly signed: readonly OauthParam[];
}

const FORM_URLENCODED = 'application/x-www-form-urlencoded';

/** Magento's `Helper\Request::_isProtocolParameter` (unanchored on purpose, as Magento's pattern is). */
export function isProtocolParameter(name: string): boolean {
  return /oauth_[a-z_-]+/.test(name);
}

/**
 * Magento's `Magento\Framework\Oauth\Helper\Request::prepareRequest`:
 * - without `OAuth ` in the Authorization header (any case, anywhere in it) the request is not an OAuth
 *   request (null);
 * - the header's `name="value"` pairs give the protocol parameters (only names looking like `oauth_…`);
 * - a form-encoded body adds its other parameters, and its `oauth_…` ones only when the header had none;
 * - the query string's other parameters are signed too (`searchCriteria[…]` names included, decoded as
 *   a form would be: `+` is a space). Magento never reads protocol parameters from the query string.
 */
export async function prepareOauthRequest(request: OauthHttpRequest): Promise<OauthRequestParams | null> {
  const header = request.authorization ?? '';
  const at = header.toLowerCase().indexOf('oauth ');
  if (header === '' || at === -1) return null;
  const protocol = new Map<string, string>();
  for (const piece of header.slice(at + 6).split(',')) {
    const trimmed = piece.trim();
    const eq = trimmed.indexOf('=');
    if (eq === -1) continue;
    const name = trimmed.slice(0, eq);
    if (!isProtocolParameter(name)) continue;
    protocol.set(rawurldecode(name), rawurldecode(trimQuotes(trimmed.slice(eq + 1))));
  }
  const others: OauthParam[] = [];
  if (request.contentType !== undefined && request.contentType.startsWith(FORM_URLENCODED) && request.body) {
    const headerHadNone = protocol.size === 0;
    for (const [name, value] of parseForm(await request.body())) {
      if (!isProtocolParameter(name)) others.push([name, value]);
      else if (headerHadNone) protocol.set(name, value);
    }
  }
  const queryStart = request.url.indexOf('?');
  if (queryStart !== -1) {
    const hash = request.url.indexOf('#', queryStart);
    for (const [name, value] of parseForm(request.url.slice(queryStart + 1, hash === -1 ? undefined : hash))) {
      if (!isProtocolParameter(name)) others.push([name, value]);
    }
  }
  return { protocol, signed: [...protocol.entries(), ...others] };
}

/** `a=1&b=2` → pairs, form-decoded; a name without `=` has the empty value; empty pieces are skipped. */
export function parseForm(text: string): OauthParam[] {
  const out: OauthParam[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    out.push(eq === -1 ? [urldecode(piece), ''] : [urldecode(piece.slice(0, eq)), urldecode(piece.slice(eq + 1))]);
  }
  return out;
}

/** PHP `trim($value, '"')`. */
function trimQuotes(value: string): string {
  return value.replace(/^"+|"+$/g, '');
}
