/**
 * The promise of a signature: any change to what was signed, and any other spelling of the signature, is
 * refused; a nonce is accepted once. Checked over generated requests and mutations against Magento's order of
 * checks (Framework\Oauth\Oauth) with an in-memory token provider and nonce store.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import { __ } from '../../../src/Framework/Exception/Phrase.ts';
import { hmacSign, type OauthParam } from '../../../src/Framework/Oauth/HmacSignature.ts';
import type { NonceGeneratorInterface } from '../../../src/Framework/Oauth/NonceGeneratorInterface.ts';
import { Oauth } from '../../../src/Framework/Oauth/Oauth.ts';
import { OauthException } from '../../../src/Framework/Oauth/OauthException.ts';
import { OauthInputException } from '../../../src/Framework/Oauth/OauthInputException.ts';
import { rawurlencode } from '../../../src/Framework/Oauth/OauthEncoding.ts';
import { prepareOauthRequest } from '../../../src/Framework/Oauth/OauthRequestHelper.ts';
import type { OauthConsumer, OauthTokenPair, TokenProviderInterface } from '../../../src/Framework/Oauth/TokenProviderInterface.ts';

const CONSUMER: OauthConsumer = { id: 7, key: 'k'.repeat(32), secret: 's'.repeat(32), callbackUrl: null, updatedAt: null };
const ACCESS = { token: 't'.repeat(32), secret: 'u'.repeat(32) };
const NOW = 1_800_000_000;

class Tokens implements TokenProviderInterface {
  validateConsumer(): Promise<void> {
    return Promise.resolve();
  }
  createRequestToken(): Promise<OauthTokenPair> {
    throw new Error('unused');
  }
  validateRequestToken(): Promise<string> {
    throw new Error('unused');
  }
  getAccessToken(): Promise<OauthTokenPair> {
    throw new Error('unused');
  }
  validateAccessTokenRequest(accessToken: string): Promise<string> {
    if (accessToken !== ACCESS.token) return Promise.reject(new OauthException(__('Specified token does not exist', [])));
    return Promise.resolve(ACCESS.secret);
  }
  validateOauthToken(token: string): boolean {
    return token.length === 32;
  }
  getConsumerByKey(key: string): Promise<OauthConsumer> {
    if (key !== CONSUMER.key) return Promise.reject(new OauthException(__('A consumer having the specified key does not exist', [])));
    return Promise.resolve(CONSUMER);
  }
}

class Nonces implements NonceGeneratorInterface {
  readonly used = new Set<string>();
  validateNonce(consumer: OauthConsumer, nonce: string, timestamp: string): Promise<void> {
    const seconds = Number.parseInt(timestamp, 10);
    if (!(seconds > 0) || seconds > NOW + 600) return Promise.reject(new OauthInputException());
    const key = `${consumer.id}:${nonce}`;
    if (this.used.has(key)) return Promise.reject(new OauthException(__('The nonce is already being used by the consumer with ID %1', [consumer.id])));
    this.used.add(key);
    return Promise.resolve();
  }
}

interface Signed {
  method: string;
  url: string;
  protocol: Record<string, string>;
}

function header(protocol: Readonly<Record<string, string>>): string {
  return `OAuth ${Object.entries(protocol)
    .map(([k, v]) => `${rawurlencode(k)}="${rawurlencode(v)}"`)
    .join(', ')}`;
}

function sign(method: string, url: string, query: readonly OauthParam[], nonce: string, timestamp: number, signatureMethod: string): Signed {
  const protocol: Record<string, string> = {
    oauth_consumer_key: CONSUMER.key,
    oauth_nonce: nonce,
    oauth_signature_method: signatureMethod,
    oauth_timestamp: String(timestamp),
    oauth_token: ACCESS.token,
    oauth_version: '1.0',
  };
  protocol.oauth_signature = hmacSign([...Object.entries(protocol), ...query], signatureMethod, CONSUMER.secret, ACCESS.secret, method, url);
  return { method, url, protocol };
}

async function verify(oauth: Oauth, request: Signed): Promise<number> {
  const params = await prepareOauthRequest({ method: request.method, url: request.url, authorization: header(request.protocol), contentType: undefined });
  assert.ok(params);
  return oauth.validateAccessTokenRequest(params, request.url, request.method);
}

const queryName = fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/), fc.nat(40).map((i) => `searchCriteria[filter_groups][${i}][filters][0][value]`));
const query = fc.uniqueArray(fc.tuple(queryName, fc.string({ unit: 'grapheme', maxLength: 12 })), { selector: ([n]) => n, maxLength: 4 });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.constantFrom('/rest/V1/customers/search', '/rest/default/V1/login-as-customer/secret', '/rest/V1/customers/42'),
  query,
  nonce: fc.stringMatching(/^[A-Za-z0-9]{8,32}$/),
  timestamp: fc.integer({ min: 1, max: NOW + 600 }),
  signatureMethod: fc.constantFrom('HMAC-SHA1', 'HMAC-SHA256'),
});

type RequestShape = typeof request extends fc.Arbitrary<infer T> ? T : never;

function build(r: RequestShape, host = 'shop.example.com:8080'): Signed {
  const qs = r.query.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&');
  const url = `http://${host}${r.path}${qs ? `?${qs}` : ''}`;
  return sign(r.method, url, r.query, r.nonce, r.timestamp, r.signatureMethod);
}

type Mutation = (signed: Signed) => Signed | null;
const withProtocol = (signed: Signed, name: string, value: string): Signed => ({ ...signed, protocol: { ...signed.protocol, [name]: value } });

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // any single bit of the signature's bytes
  fc.nat().map<Mutation>((bit) => (s) => {
    const bytes = Buffer.from(s.protocol.oauth_signature as string, 'base64');
    const i = bit % (bytes.length * 8);
    bytes[i >> 3] = (bytes[i >> 3] as number) ^ (1 << (i & 7));
    return withProtocol(s, 'oauth_signature', bytes.toString('base64'));
  }),
  // other spellings of the same bytes, or of nearly the same text
  fc.constantFrom<Mutation>(
    (s) => withProtocol(s, 'oauth_signature', Buffer.from(s.protocol.oauth_signature as string, 'base64').toString('base64url')),
    (s) => withProtocol(s, 'oauth_signature', (s.protocol.oauth_signature as string).replace(/=+$/, '')),
    (s) => withProtocol(s, 'oauth_signature', `${s.protocol.oauth_signature as string} `),
    (s) => withProtocol(s, 'oauth_signature', Buffer.from(s.protocol.oauth_signature as string, 'base64').toString('hex')),
    (s) => withProtocol(s, 'oauth_signature', ''),
  ),
  fc.nat().map<Mutation>((at) => (s) => {
    const sig = s.protocol.oauth_signature as string;
    const i = at % sig.length;
    const c = sig[i] as string;
    const swapped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
    return swapped === c ? null : withProtocol(s, 'oauth_signature', sig.slice(0, i) + swapped + sig.slice(i + 1));
  }),
  // what was signed
  fc.string({ minLength: 1, maxLength: 3 }).map<Mutation>((extra) => (s) => withProtocol(s, 'oauth_nonce', (s.protocol.oauth_nonce as string).slice(0, 32 - extra.length) + extra)),
  fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0).map<Mutation>((d) => (s) => withProtocol(s, 'oauth_timestamp', String(Number(s.protocol.oauth_timestamp) + d))),
  fc.constantFrom<Mutation>(
    (s) => withProtocol(s, 'oauth_signature_method', s.protocol.oauth_signature_method === 'HMAC-SHA1' ? 'HMAC-SHA256' : 'HMAC-SHA1'),
    (s) => ({ ...s, method: s.method === 'GET' ? 'POST' : 'GET' }),
    (s) => ({ ...s, url: s.url.replace('shop.example.com', 'shop.example.org') }),
    (s) => ({ ...s, url: s.url.replace(':8080', ':8081') }),
    (s) => ({ ...s, url: s.url.replace('http://', 'https://') }),
    (s) => ({ ...s, url: s.url.replace('/V1/', '/V2/') }),
    (s) => ({ ...s, url: `${s.url}${s.url.includes('?') ? '&' : '?'}extra=1` }),
    (s) => (s.url.includes('?') ? { ...s, url: s.url.slice(0, s.url.indexOf('?')) } : null),
    (s) => (s.url.includes('=') ? { ...s, url: s.url.replace(/=([^&]*)/, '=$1x') } : null),
    (s) => (s.url.includes('[') ? { ...s, url: s.url.replace('[filter_groups]', '[filterGroups]') } : null),
  ),
);

describe('OAuth 1.0a refusals (Framework\\Oauth\\Oauth)', () => {
  it('a signed request is accepted once; the same request again is refused (nonce already used)', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const oauth = new Oauth(new Tokens(), new Nonces());
        const signed = build(r);
        assert.equal(await verify(oauth, signed), CONSUMER.id);
        await assert.rejects(verify(oauth, signed), (e: unknown) => e instanceof OauthException && e.getRawMessage() === 'The nonce is already being used by the consumer with ID %1');
      }),
      { numRuns: 200 },
    );
  });

  it('any change to a signed part or to the signature is refused with a Magento OAuth exception', async () => {
    await fc.assert(
      fc.asyncProperty(request, mutations, async (r, mutate) => {
        const signed = build(r);
        const mutated = mutate(signed);
        fc.pre(mutated !== null && JSON.stringify(mutated) !== JSON.stringify(signed));
        const oauth = new Oauth(new Tokens(), new Nonces());
        await assert.rejects(verify(oauth, mutated as Signed), (e: unknown) => e instanceof OauthException || e instanceof OauthInputException);
      }),
      { numRuns: 400 },
    );
  });

  it('Magento messages: unsupported method, bad version, missing parameters, wrong token length', async () => {
    const oauth = new Oauth(new Tokens(), new Nonces());
    const signed = build({ method: 'GET', path: '/rest/V1/customers/42', query: [], nonce: 'abcdefgh', timestamp: NOW, signatureMethod: 'HMAC-SHA1' });
    const refused = async (s: Signed): Promise<LocalizedException> => {
      try {
        await verify(oauth, s);
      } catch (e) {
        assert.ok(e instanceof LocalizedException);
        return e;
      }
      assert.fail('accepted');
    };
    const method = await refused(withProtocol(signed, 'oauth_signature_method', 'PLAINTEXT'));
    assert.deepEqual([method instanceof OauthInputException, method.getRawMessage(), method.getParameters()], [true, 'Signature method %1 is not supported', ['PLAINTEXT']]);
    const version = await refused(withProtocol(signed, 'oauth_version', '2.0'));
    assert.deepEqual([version.getRawMessage(), version.getParameters()], ['The "%1" Oauth version isn\'t supported.', ['2.0']]);
    const { oauth_nonce: _n, oauth_timestamp: _t, ...rest } = signed.protocol;
    const missing = await refused({ ...signed, protocol: rest });
    assert.ok(missing instanceof OauthInputException);
    assert.equal(missing.getRawMessage(), 'One or more input exceptions have occurred.');
    assert.equal(missing.getAggregatedErrorMessage(), '"oauth_nonce" is required. Enter and try again, "oauth_timestamp" is required. Enter and try again');
    const length = await refused(withProtocol(signed, 'oauth_token', 'short'));
    assert.equal(length.getRawMessage(), 'The token length is invalid. Check the length and try again.');
  });
});
