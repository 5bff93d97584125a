import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

export interface OauthConsumerRow {
  readonly entity_id: number;
  readonly name: string;
  readonly key: string;
  readonly secret: string;
  readonly callback_url: string | null;
  readonly updated_at: string | null;
}

/** Magento's `Token::TYPE_*`. */
export type IntegrationTokenType = 'verifier' | 'request' | 'access';

export interface IntegrationTokenRow {
  readonly entity_id: number;
  readonly consumer_id: number | null;
  readonly type: string;
  readonly token: string;
  readonly secret: string;
  readonly verifier: string | null;
  readonly revoked: number;
  readonly user_type: number | null;
}

const opt = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Every SQL statement on `oauth_consumer`, and on the integration rows of `oauth_token` (Magento's
 * `ResourceModel\Oauth\Consumer` and the integration half of `ResourceModel\Oauth\Token`). One integration
 * has one `oauth_token` row (user_type 1) whose type moves verifier → request → access, as in Magento.
 */
@injectable()
export class OauthConsumerResource {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async insertConsumer(row: { name: string; key: string; secret: string; callback_url: string | null; now: string }): Promise<number> {
    const result = await this.db.insert('oauth_consumer', {
      name: row.name,
      key: row.key,
      secret: row.secret,
      callback_url: row.callback_url,
      rejected_callback_url: '',
      created_at: row.now,
      updated_at: row.now,
    });
    return result.insertId;
  }

  async loadConsumerByKey(key: string): Promise<OauthConsumerRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT entity_id, name, ${this.db.quoteIdentifier('key')} AS consumer_key, secret, callback_url, updated_at
        FROM ${this.db.getTableName('oauth_consumer')} WHERE ${this.db.quoteIdentifier('key')} = ?`,
      [key],
    );
    return r ? toConsumer(r) : undefined;
  }

  async loadConsumerById(consumerId: number): Promise<OauthConsumerRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT entity_id, name, ${this.db.quoteIdentifier('key')} AS consumer_key, secret, callback_url, updated_at
        FROM ${this.db.getTableName('oauth_consumer')} WHERE entity_id = ?`,
      [consumerId],
    );
    return r ? toConsumer(r) : undefined;
  }

  async touchConsumer(consumerId: number, now: string): Promise<void> {
    await this.db.execute(`UPDATE ${this.db.getTableName('oauth_consumer')} SET updated_at = ? WHERE entity_id = ?`, [now, consumerId]);
  }

  async deleteConsumer(consumerId: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.db.getTableName('oauth_consumer')} WHERE entity_id = ?`, [consumerId]);
  }

  /** Magento's `selectTokenByConsumerIdAndUserType(consumerId, 1)`. */
  async loadIntegrationToken(consumerId: number): Promise<IntegrationTokenRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT entity_id, consumer_id, type, token, secret, verifier, revoked, user_type FROM ${this.db.getTableName('oauth_token')}
        WHERE consumer_id = ? AND user_type = ? ORDER BY entity_id LIMIT 1`,
      [consumerId, 1],
    );
    return r ? toToken(r) : undefined;
  }

  async loadTokenByValue(token: string): Promise<IntegrationTokenRow | undefined> {
    const r = await this.db.fetchRow(
      `SELECT entity_id, consumer_id, type, token, secret, verifier, revoked, user_type FROM ${this.db.getTableName('oauth_token')}
        WHERE token = ?`,
      [token],
    );
    return r ? toToken(r) : undefined;
  }

  /** Magento's `createVerifierToken`: the consumer's verifier row, callback `oob`, user type integration. */
  async insertVerifierToken(consumerId: number, token: string, secret: string, verifier: string, now: string): Promise<number> {
    const result = await this.db.insert('oauth_token', {
      consumer_id: consumerId,
      type: 'verifier',
      token,
      secret,
      verifier,
      callback_url: 'oob',
      revoked: 0,
      authorized: 0,
      user_type: 1,
      created_at: now,
    });
    return result.insertId;
  }

  /**
   * Moves the row to `type` with a fresh token and secret, only if it still has type `from`; false when
   * another request moved it first (so one request token is exchanged once, across instances).
   */
  async advanceToken(
    entityId: number,
    from: IntegrationTokenType,
    to: IntegrationTokenType,
    token: string,
    secret: string,
    callbackUrl: string | null,
  ): Promise<boolean> {
    const table = this.db.getTableName('oauth_token');
    const result =
      callbackUrl === null
        ? await this.db.execute(`UPDATE ${table} SET type = ?, token = ?, secret = ?, user_type = 1 WHERE entity_id = ? AND type = ?`, [
            to,
            token,
            secret,
            entityId,
            from,
          ])
        : await this.db.execute(`UPDATE ${table} SET type = ?, token = ?, secret = ?, callback_url = ? WHERE entity_id = ? AND type = ?`, [
            to,
            token,
            secret,
            callbackUrl,
            entityId,
            from,
          ]);
    return result.affectedRows === 1;
  }

  async deleteIntegrationTokens(consumerId: number): Promise<void> {
    await this.db.execute(`DELETE FROM ${this.db.getTableName('oauth_token')} WHERE consumer_id = ?`, [consumerId]);
  }
}

function toConsumer(r: Record<string, unknown>): OauthConsumerRow {
  return {
    entity_id: Number(r.entity_id),
    name: String(r.name),
    key: String(r.consumer_key),
    secret: String(r.secret),
    callback_url: opt(r.callback_url),
    updated_at: opt(r.updated_at),
  };
}

function toToken(r: Record<string, unknown>): IntegrationTokenRow {
  return {
    entity_id: Number(r.entity_id),
    consumer_id: r.consumer_id === null || r.consumer_id === undefined ? null : Number(r.consumer_id),
    type: String(r.type),
    token: String(r.token),
    secret: String(r.secret),
    verifier: opt(r.verifier),
    revoked: Number(r.revoked),
    user_type: r.user_type === null || r.user_type === undefined ? null : Number(r.user_type),
  };
}
