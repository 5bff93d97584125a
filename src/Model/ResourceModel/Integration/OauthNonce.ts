import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { DuplicateKeyException } from '../../../Framework/Exception/DbException.ts';

/**
 * Every SQL statement on `oauth_nonce` (Magento's `ResourceModel\Oauth\Nonce`). "Use a nonce" is one INSERT
 * against the unique key (nonce, consumer_id): the database decides which single caller wins, across every
 * instance sharing it (Magento loads then saves, which two simultaneous requests can both pass).
 */
@injectable()
export class OauthNonce {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** True when this call recorded the nonce; false when the consumer had used it already. */
  async use(nonce: string, consumerId: number, timestamp: number): Promise<boolean> {
    try {
      await this.db.insert('oauth_nonce', { nonce, consumer_id: consumerId, timestamp });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyException) return false;
      throw error;
    }
  }
}
