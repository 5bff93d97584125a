/** An OAuth consumer as the checks need it (`oauth_consumer` row). */
export interface OauthConsumer {
  readonly id: number;
  readonly key: string;
  readonly secret: string;
  readonly callbackUrl: string | null;
  /** `updated_at` in epoch milliseconds; null when never set. */
  readonly updatedAt: number | null;
}

export interface OauthTokenPair {
  readonly oauth_token: string;
  readonly oauth_token_secret: string;
}

/** Magento's `Magento\Framework\Oauth\TokenProviderInterface`. Failures throw OauthException. */
export interface TokenProviderInterface {
  /** 'Consumer key has expired' once `oauth/consumer/expiration_period` seconds passed since the consumer's update. */
  validateConsumer(consumer: OauthConsumer): Promise<void>;
  createRequestToken(consumer: OauthConsumer): Promise<OauthTokenPair>;
  /** The request token's secret, once the token and verifier check out. */
  validateRequestToken(requestToken: string, consumer: OauthConsumer, verifier: string | undefined): Promise<string>;
  getAccessToken(consumer: OauthConsumer): Promise<OauthTokenPair>;
  /** The access token's secret, once it belongs to the consumer, is an access token and is not revoked. */
  validateAccessTokenRequest(accessToken: string, consumer: OauthConsumer): Promise<string>;
  /** A token value of the right length. */
  validateOauthToken(token: string): boolean;
  getConsumerByKey(consumerKey: string): Promise<OauthConsumer>;
}
