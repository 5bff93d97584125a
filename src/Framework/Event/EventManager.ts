/**
 * Magento's `Magento\Framework\Event\ManagerInterface`: modules observe each other's events instead of
 * importing each other (e.g. LoginAsCustomer ends an admin's sessions when Integration revokes that
 * admin's tokens, as Magento's plugins do).
 */
export type EventData = Readonly<Record<string, unknown>>;

export interface ObserverInterface {
  execute(data: EventData): Promise<void>;
}

export class EventManager {
  private readonly observers = new Map<string, ObserverInterface[]>();

  addObserver(eventName: string, observer: ObserverInterface): void {
    const list = this.observers.get(eventName) ?? [];
    list.push(observer);
    this.observers.set(eventName, list);
  }

  /** Runs every observer of the event in registration order; an observer's error propagates. */
  async dispatch(eventName: string, data: EventData = {}): Promise<void> {
    for (const o of this.observers.get(eventName) ?? []) await o.execute(data);
  }
}

/** Event names dispatched across modules. */
export const EVENTS = {
  /** data: { adminId: number } — all tokens of this admin were revoked. */
  ADMIN_TOKENS_REVOKED: 'admin_user_tokens_revoked',
  /** data: { customerId: number } — all tokens of this customer were revoked. */
  CUSTOMER_TOKENS_REVOKED: 'customer_tokens_revoked',
} as const;
