import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { LocalizedException } from '../../../Framework/Exception/LocalizedException.ts';
import { __ } from '../../../Framework/Exception/Phrase.ts';
import { OauthException } from '../../../Framework/Oauth/OauthException.ts';
import { formatDbDate, type Clock } from '../../../Framework/Stdlib/Clock.ts';
import {
  INTEGRATION_SETUP_TYPE_MANUAL,
  INTEGRATION_STATUS_ACTIVE,
  INTEGRATION_STATUS_INACTIVE,
  IntegrationResource,
  type IntegrationRow,
} from '../../ResourceModel/Integration/IntegrationResource.ts';
import { OauthConsumerResource } from '../../ResourceModel/Integration/OauthConsumerResource.ts';
import { IntegrationAuthorizationService } from './IntegrationAuthorizationService.ts';
import { OauthHelper } from './OauthHelper.ts';
import { toConsumer, TokenProvider } from './TokenProvider.ts';

export interface IntegrationData {
  readonly name: string;
  readonly email: string;
  readonly endpoint?: string | null;
  readonly identityLinkUrl?: string | null;
  /** ACL resource ids, or `all` for every resource. */
  readonly resources: readonly string[] | 'all';
  readonly setupType?: number;
}

export interface IntegrationCredentials {
  readonly id: number;
  readonly consumer_key: string;
  readonly consumer_secret: string;
}

/** `oauth/consumer/post_timeout` default, seconds. */
const POST_TIMEOUT_SECONDS = 5;

/**
 * Magento's `IntegrationService` and the integration half of `OauthService`: an integration row, its OAuth
 * consumer (`Integration<id>`), its ACL role; activation without an endpoint (verifier → request → access
 * token, status active) or the handshake's first step (a verifier token, the consumer's key and secret posted
 * to the endpoint). Secrets are returned to the caller, never logged.
 */
@injectable()
export class IntegrationService {
  constructor(
    @inject(IntegrationResource) private readonly integrations: IntegrationResource,
    @inject(OauthConsumerResource) private readonly consumers: OauthConsumerResource,
    @inject(IntegrationAuthorizationService) private readonly authorization: IntegrationAuthorizationService,
    @inject(TokenProvider) private readonly tokenProvider: TokenProvider,
    @inject(OauthHelper) private readonly helper: OauthHelper,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async create(data: IntegrationData): Promise<IntegrationCredentials> {
    const name = data.name.trim();
    if (name === '') throw new LocalizedException(__('"%fieldName" is required. Enter and try again.', { fieldName: 'name' }));
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(data.email)) throw new LocalizedException(__('Invalid email address.'));
    if (await this.integrations.loadByName(name)) {
      throw new LocalizedException(__("Integration with name '%1' exists.", [name]));
    }
    const now = formatDbDate(this.clock.now());
    const integrationId = await this.integrations.insert({
      name,
      email: data.email,
      endpoint: data.endpoint ?? null,
      identity_link_url: data.identityLinkUrl ?? null,
      status: INTEGRATION_STATUS_INACTIVE,
      setup_type: data.setupType ?? INTEGRATION_SETUP_TYPE_MANUAL,
      now,
    });
    try {
      const key = this.helper.generate();
      const secret = this.helper.generate();
      const consumerId = await this.consumers.insertConsumer({ name: `Integration${integrationId}`, key, secret, callback_url: null, now });
      await this.integrations.setConsumer(integrationId, consumerId);
      if (data.resources === 'all') await this.authorization.grantAllPermissions(integrationId);
      else await this.authorization.grantPermissions(integrationId, data.resources);
      return { id: integrationId, consumer_key: key, consumer_secret: secret };
    } catch (error) {
      await this.delete(integrationId);
      throw error;
    }
  }

  /** Magento's "Activate" without an endpoint (`OauthService::createAccessToken`): returns the access token. */
  async activate(integrationId: number): Promise<{ access_token: string; access_token_secret: string }> {
    const integration = await this.get(integrationId);
    const consumer = await this.consumerOf(integration);
    await this.consumers.deleteIntegrationTokens(consumer.id);
    await this.consumers.insertVerifierToken(consumer.id, this.helper.generate(), this.helper.generate(), this.helper.generate(), formatDbDate(this.clock.now()));
    await this.tokenProvider.createRequestToken(consumer);
    const access = await this.tokenProvider.getAccessToken(consumer);
    await this.integrations.setStatus(integrationId, INTEGRATION_STATUS_ACTIVE, formatDbDate(this.clock.now()));
    return { access_token: access.oauth_token, access_token_secret: access.oauth_token_secret };
  }

  /**
   * Magento's "Activate" with the handshake (`OauthService::postToConsumer`): the consumer's clock restarts
   * (`oauth/consumer/expiration_period` runs from here), it gets a verifier token, and when an endpoint is
   * configured the key, secret, store base URL and verifier are posted there as a form.
   */
  async startHandshake(integrationId: number): Promise<{ oauth_verifier: string }> {
    const integration = await this.get(integrationId);
    const consumer = await this.consumerOf(integration);
    const now = formatDbDate(this.clock.now());
    await this.consumers.touchConsumer(consumer.id, now);
    let token = await this.consumers.loadIntegrationToken(consumer.id);
    if (!token || token.type !== 'verifier') {
      await this.consumers.deleteIntegrationTokens(consumer.id);
      await this.consumers.insertVerifierToken(consumer.id, this.helper.generate(), this.helper.generate(), this.helper.generate(), now);
      token = await this.consumers.loadIntegrationToken(consumer.id);
    }
    const verifier = token?.verifier ?? '';
    if (integration.endpoint) await this.postToConsumer(integration.endpoint, consumer.key, consumer.secret, verifier);
    return { oauth_verifier: verifier };
  }

  /** Magento's Access controller: the integration becomes active once its access token is handed out. */
  async markActiveByConsumerId(consumerId: number): Promise<void> {
    const integration = await this.integrations.loadByConsumerId(consumerId);
    if (integration) await this.integrations.setStatus(integration.integration_id, INTEGRATION_STATUS_ACTIVE, formatDbDate(this.clock.now()));
  }

  async setStatus(integrationId: number, status: number): Promise<void> {
    await this.integrations.setStatus(integrationId, status, formatDbDate(this.clock.now()));
  }

  async list(): Promise<IntegrationRow[]> {
    return this.integrations.loadAll();
  }

  async findByName(name: string): Promise<IntegrationRow | undefined> {
    return this.integrations.loadByName(name);
  }

  /** Magento's `IntegrationService::delete`: the integration, its consumer (tokens and nonces cascade) and its role. */
  async delete(integrationId: number): Promise<IntegrationRow> {
    const integration = await this.get(integrationId);
    await this.integrations.delete(integrationId);
    if (integration.consumer_id !== null) await this.consumers.deleteConsumer(integration.consumer_id);
    await this.authorization.removePermissions(integrationId);
    return integration;
  }

  async get(integrationId: number): Promise<IntegrationRow> {
    const integration = await this.integrations.loadById(integrationId);
    // Magento's IntegrationException (a LocalizedException) with its message.
    if (!integration) throw new LocalizedException(__("Integration with ID '%1' does not exist.", [integrationId]));
    return integration;
  }

  private async consumerOf(integration: IntegrationRow): Promise<ReturnType<typeof toConsumer>> {
    const row = integration.consumer_id === null ? undefined : await this.consumers.loadConsumerById(integration.consumer_id);
    if (!row) throw new OauthException(__('A consumer with ID %1 does not exist', [integration.consumer_id ?? 0]));
    return toConsumer(row);
  }

  private async postToConsumer(endpoint: string, key: string, secret: string, verifier: string): Promise<void> {
    const storeBaseUrl = (await this.config.getValue('web/unsecure/base_url')) ?? '';
    const body = new URLSearchParams({ oauth_consumer_key: key, oauth_consumer_secret: secret, store_base_url: storeBaseUrl, oauth_verifier: verifier });
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(POST_TIMEOUT_SECONDS * 1000),
      });
      await response.arrayBuffer();
    } catch (error) {
      throw new OauthException(__('Unable to post data to consumer due to an unexpected error'), { cause: error });
    }
  }
}
