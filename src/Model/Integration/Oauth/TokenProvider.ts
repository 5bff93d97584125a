import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { __ } from '../../../Framework/Exception/Phrase.ts';
import { OauthException } from '../../../Framework/Oauth/OauthException.ts';
import type { OauthConsumer, OauthTokenPair, TokenProviderInterface } from '../../../Framework/Oauth/TokenProviderInterface.ts';
import { parseDbDate, type Clock } from '../../../Framework/Stdlib/Clock.ts';
import { OauthConsumerResource, type IntegrationTokenRow, type OauthConsumerRow } from '../../ResourceModel/Integration/OauthConsumerResource.ts';
import { OAUTH_LENGTH, OauthHelper } from './OauthHelper.ts';
import { timingSafeEqual } from 'node:crypto';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Magento's `oauth/consumer/expiration_period` default (seconds). */
const DEFAULT_CONSUMER_EXPIRATION = 300;

/**
 * Magento's `Magento\Integration\Model\Oauth\Token\Provider`, with its messages. The one integration token row
 * moves verifier → request → access with a conditional UPDATE, so a request token is exchanged once even when
 * two instances race.
 */
@injectable()
export class TokenProvider implements TokenProviderInterface {
  constructor(
    @inject(OauthConsumerResource) private readonly resource: OauthConsumerResource,
    @inject(OauthHelper) private readonly helper: OauthHelper,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async validateConsumer(consumer: OauthConsumer): Promise<void> {
    const configured = Number.parseInt((await this.config.getValue('oauth/consumer/expiration_period')) ?? '', 10);
    const expiry = Number.isFinite(configured) ? configured : DEFAULT_CONSUMER_EXPIRATION;
    const updated = consumer.updatedAt ?? 0;
    if (!(expiry > (this.clock.now() - updated) / 1000)) throw new OauthException(__('Consumer key has expired'));
  }

  async createRequestToken(consumer: OauthConsumer): Promise<OauthTokenPair> {
    const token = await this.getIntegrationTokenByConsumerId(consumer.id);
    const refused = (): OauthException =>
      new OauthException(__('Cannot create request token because consumer token is not a verifier token'));
    if (token.type !== 'verifier') throw refused();
    const pair = { oauth_token: this.helper.generate(), oauth_token_secret: this.helper.generate() };
    const moved = await this.resource.advanceToken(token.entity_id, 'verifier', 'request', pair.oauth_token, pair.oauth_token_secret, consumer.callbackUrl || 'oob');
    if (!moved) throw refused();
    return pair;
  }

  async validateRequestToken(requestToken: string, consumer: OauthConsumer, verifier: string | undefined): Promise<string> {
    const token = await this.getToken(requestToken);
    if (token.consumer_id !== consumer.id) {
      throw new OauthException(__('Request token is not associated with the specified consumer'));
    }
    if (token.type !== 'request') throw new OauthException(__('Token is already being used'));
    if (typeof verifier !== 'string') throw new OauthException(__('Verifier is invalid'));
    if (!this.validateOauthToken(verifier)) throw new OauthException(__('Verifier is not the correct length'));
    if (!sameString(token.verifier ?? '', verifier)) {
      throw new OauthException(__('Token verifier and verifier token do not match'));
    }
    return token.secret;
  }

  async getAccessToken(consumer: OauthConsumer): Promise<OauthTokenPair> {
    const token = await this.getIntegrationTokenByConsumerId(consumer.id);
    const refused = (): OauthException =>
      new OauthException(__('Cannot get access token because consumer token is not a request token'));
    if (token.type !== 'request') throw refused();
    const pair = { oauth_token: this.helper.generate(), oauth_token_secret: this.helper.generate() };
    if (!(await this.resource.advanceToken(token.entity_id, 'request', 'access', pair.oauth_token, pair.oauth_token_secret, null))) {
      throw refused();
    }
    return pair;
  }

  async validateAccessTokenRequest(accessToken: string, consumer: OauthConsumer): Promise<string> {
    const token = await this.getToken(accessToken);
    if (token.consumer_id !== consumer.id) throw new OauthException(__('Token is not associated with the specified consumer'));
    if (token.type !== 'access') throw new OauthException(__('Token is not an access token'));
    if (token.revoked) throw new OauthException(__('Access token has been revoked'));
    return token.secret;
  }

  validateOauthToken(token: string): boolean {
    return Buffer.byteLength(token, 'utf8') === OAUTH_LENGTH;
  }

  async getConsumerByKey(consumerKey: string): Promise<OauthConsumer> {
    if (Buffer.byteLength(consumerKey, 'utf8') !== OAUTH_LENGTH) {
      throw new OauthException(__('Consumer key is not the correct length'));
    }
    // Keys are 32 characters of 0-9a-z; anything outside printable ASCII cannot match and is not sent to the database.
    const row = PRINTABLE_ASCII.test(consumerKey) ? await this.resource.loadConsumerByKey(consumerKey) : undefined;
    // A case-insensitive collation may match another spelling of the key: Magento's lookup would too, but the
    // signature is checked against that consumer's secret, so only the exact key is taken here.
    if (!row || row.key !== consumerKey) throw new OauthException(__('A consumer having the specified key does not exist'));
    return toConsumer(row);
  }

  /** Magento's `getIntegrationTokenByConsumerId`. */
  async getIntegrationTokenByConsumerId(consumerId: number): Promise<IntegrationTokenRow> {
    const token = await this.resource.loadIntegrationToken(consumerId);
    if (!token) throw new OauthException(__('A token with consumer ID %1 does not exist', [consumerId]));
    return token;
  }

  private async getToken(value: string): Promise<IntegrationTokenRow> {
    if (!this.validateOauthToken(value)) throw new OauthException(__('Token is not the correct length'));
    const token = PRINTABLE_ASCII.test(value) ? await this.resource.loadTokenByValue(value) : undefined;
    if (!token || token.token !== value) throw new OauthException(__('Specified token does not exist'));
    return token;
  }
}

export function toConsumer(row: OauthConsumerRow): OauthConsumer {
  return {
    id: row.entity_id,
    key: row.key,
    secret: row.secret,
    callbackUrl: row.callback_url,
    updatedAt: row.updated_at === null ? null : parseDbDate(row.updated_at),
  };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
