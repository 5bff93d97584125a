import { timingSafeEqual } from 'node:crypto';
import { __, type Phrase } from '../Exception/Phrase.ts';
import { hmacSign, SUPPORTED_SIGNATURE_METHODS, type OauthParam } from './HmacSignature.ts';
import type { NonceGeneratorInterface } from './NonceGeneratorInterface.ts';
import { OauthException } from './OauthException.ts';
import { OauthInputException } from './OauthInputException.ts';
import type { OauthRequestParams } from './OauthRequestHelper.ts';
import type { OauthConsumer, OauthTokenPair, TokenProviderInterface } from './TokenProviderInterface.ts';

const REQUEST_TOKEN_REQUIRED = ['oauth_consumer_key', 'oauth_signature', 'oauth_signature_method', 'oauth_nonce', 'oauth_timestamp'];
const ACCESS_TOKEN_REQUIRED = [...REQUEST_TOKEN_REQUIRED, 'oauth_token', 'oauth_verifier'];
const API_REQUEST_REQUIRED = [...REQUEST_TOKEN_REQUIRED, 'oauth_token'];

/**
 * Magento's `Magento\Framework\Oauth\Oauth`, in Magento's order of checks:
 * version → required parameters → token length → signature method → consumer → timestamp and nonce (the
 * nonce is recorded here, before the signature is checked, as Magento does) → token → signature.
 * Input problems are OauthInputException (400), the rest OauthException (401).
 */
export class Oauth {
  constructor(
    private readonly tokenProvider: TokenProviderInterface,
    private readonly nonceGenerator: NonceGeneratorInterface,
  ) {}

  /** `POST /oauth/token/request`: a request token for a consumer holding a verifier token. */
  async getRequestToken(request: OauthRequestParams, requestUrl: string, httpMethod: string): Promise<OauthTokenPair> {
    const params = await this.validateProtocolParams(request.protocol, REQUEST_TOKEN_REQUIRED);
    const consumer = await this.tokenProvider.getConsumerByKey(params.oauth_consumer_key);
    await this.tokenProvider.validateConsumer(consumer);
    this.validateSignature(request.signed, params, consumer.secret, httpMethod, requestUrl, '');
    return this.tokenProvider.createRequestToken(consumer);
  }

  /** `POST /oauth/token/access`: the request token and verifier exchanged for the access token. */
  async getAccessToken(request: OauthRequestParams, requestUrl: string, httpMethod: string): Promise<{ consumer: OauthConsumer; token: OauthTokenPair }> {
    const params = await this.validateProtocolParams(request.protocol, ACCESS_TOKEN_REQUIRED);
    const consumer = await this.tokenProvider.getConsumerByKey(params.oauth_consumer_key);
    const tokenSecret = await this.tokenProvider.validateRequestToken(params.oauth_token as string, consumer, params.oauth_verifier);
    this.validateSignature(request.signed, params, consumer.secret, httpMethod, requestUrl, tokenSecret);
    return { consumer, token: await this.tokenProvider.getAccessToken(consumer) };
  }

  /** A signed API request; returns the consumer id. */
  async validateAccessTokenRequest(request: OauthRequestParams, requestUrl: string, httpMethod: string): Promise<number> {
    const params = await this.validateProtocolParams(request.protocol, API_REQUEST_REQUIRED);
    const consumer = await this.tokenProvider.getConsumerByKey(params.oauth_consumer_key);
    const tokenSecret = await this.tokenProvider.validateAccessTokenRequest(params.oauth_token as string, consumer);
    this.validateSignature(request.signed, params, consumer.secret, httpMethod, requestUrl, tokenSecret);
    return consumer.id;
  }

  private async validateProtocolParams(
    protocol: ReadonlyMap<string, string>,
    required: readonly string[],
  ): Promise<Record<string, string> & { oauth_consumer_key: string; oauth_signature_method: string; oauth_nonce: string; oauth_timestamp: string }> {
    const version = protocol.get('oauth_version');
    if (version !== undefined && !isVersion10(version)) {
      throw new OauthInputException(__('The "%1" Oauth version isn\'t supported.', [version]));
    }
    const missing: Phrase[] = required
      .filter((name) => !protocol.has(name))
      .map((name) => __('"%fieldName" is required. Enter and try again.', { fieldName: name }));
    if (missing.length > 0) throw OauthInputException.fromPhrases(missing);
    const token = protocol.get('oauth_token');
    if (token !== undefined && !this.tokenProvider.validateOauthToken(token)) {
      throw new OauthInputException(__('The token length is invalid. Check the length and try again.'));
    }
    const params = Object.fromEntries(protocol) as Record<string, string> & {
      oauth_consumer_key: string;
      oauth_signature_method: string;
      oauth_nonce: string;
      oauth_timestamp: string;
    };
    assertSignatureMethod(params.oauth_signature_method);
    const consumer = await this.tokenProvider.getConsumerByKey(params.oauth_consumer_key);
    await this.nonceGenerator.validateNonce(consumer, params.oauth_nonce, params.oauth_timestamp);
    return params;
  }

  private validateSignature(
    signed: readonly OauthParam[],
    params: Readonly<Record<string, string>>,
    consumerSecret: string,
    httpMethod: string,
    requestUrl: string,
    tokenSecret: string,
  ): void {
    const method = params.oauth_signature_method as string;
    assertSignatureMethod(method);
    const expected = hmacSign(signed, method, consumerSecret, tokenSecret, httpMethod, requestUrl);
    if (!sameString(expected, params.oauth_signature ?? '')) {
      throw new OauthException(__('The signature is invalid. Verify and try again.'));
    }
  }
}

function assertSignatureMethod(method: string): void {
  if (!SUPPORTED_SIGNATURE_METHODS.includes(method)) {
    throw new OauthInputException(__('Signature method %1 is not supported', [method]));
  }
}

/** PHP's `'1.0' != $version`: numeric strings compare as numbers (`1`, `1.00` pass), others as strings. */
function isVersion10(version: string): boolean {
  const numeric = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(version);
  return numeric ? Number(version) === 1 : version === '1.0';
}

/** Magento's `Security::compareStrings`: constant time for equal lengths. */
function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
