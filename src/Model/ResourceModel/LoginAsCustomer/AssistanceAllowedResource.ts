import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { NOT_REMEMBERED, type RequestContext } from '../../../Framework/App/RequestContext.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

const TABLE = 'login_as_customer_assistance_allowed';

/**
 * Every SQL statement on Magento's `login_as_customer_assistance_allowed` (LoginAsCustomerAssistance's
 * Get/Save/DeleteLoginAsCustomerAssistanceAllowed): a row present means the customer allows assistance.
 */
@injectable()
export class AssistanceAllowedResource {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async isAllowed(customerId: number): Promise<boolean> {
    return (await this.filterAllowed([customerId])).has(customerId);
  }

  /** Which of the customers allow assistance. Each customer's answer is read once per request (identity map). */
  async filterAllowed(customerIds: readonly number[]): Promise<Set<number>> {
    const allowed = new Set<number>();
    const unknown: number[] = [];
    for (const id of customerIds) {
      const known = this.requestContext.recall(identityKey(id));
      if (known === NOT_REMEMBERED) unknown.push(id);
      else if (known === true) allowed.add(id);
    }
    // Bounded IN lists keep the statement size sane for large customer searches.
    for (let i = 0; i < unknown.length; i += 500) {
      const chunk = unknown.slice(i, i + 500);
      const rows = await this.db.fetchAll(
        `SELECT customer_id FROM ${this.db.getTableName(TABLE)} WHERE customer_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      const found = new Set(rows.map((r) => Number(r.customer_id)));
      for (const id of chunk) {
        if (found.has(id)) allowed.add(id);
        this.requestContext.remember(identityKey(id), found.has(id));
      }
    }
    return allowed;
  }

  async allow(customerId: number): Promise<void> {
    this.forget(customerId);
    await this.db.insertIgnore(TABLE, { customer_id: customerId });
  }

  private forget(customerId: number): void {
    this.requestContext.forget(identityKey(customerId));
  }

  async deny(customerId: number): Promise<void> {
    this.forget(customerId);
    await this.db.execute(`DELETE FROM ${this.db.getTableName(TABLE)} WHERE customer_id = ?`, [customerId]);
  }
}

function identityKey(customerId: number): string {
  return `${TABLE}:${customerId}`;
}
