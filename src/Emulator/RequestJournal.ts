import type { Logger } from '../Framework/App/Logger.ts';
import { UserType } from '../Framework/Authentication/UserContext.ts';
import type { Clock } from '../Framework/Stdlib/Clock.ts';

/** One REST request as the emulator's journal keeps it: never a URL, header, body, token, password or secret. */
export interface JournalEntry {
  readonly method: string;
  /** The webapi.xml route template that matched (`/V1/customers/:customerId`), null when none did. */
  readonly route: string | null;
  readonly status: number;
  readonly storeCode: string | null;
  readonly callerType: 'integration' | 'admin' | 'customer' | 'guest';
  readonly callerId: number | null;
  /** ISO 8601, on the emulator's clock. */
  readonly time: string;
}

/**
 * An e-mail the service would have sent (Magento_Customer's EmailNotification, logged as `customer email not sent`):
 * the template, the recipient customer and the store — never the address or a token.
 */
export interface EmailJournalEntry {
  readonly templatePath: string;
  readonly templateId: string | null;
  readonly customerId: number | null;
  readonly storeId: number | null;
  readonly time: string;
}

const CALLER_TYPES: Readonly<Record<number, JournalEntry['callerType']>> = {
  [UserType.INTEGRATION]: 'integration',
  [UserType.ADMIN]: 'admin',
  [UserType.CUSTOMER]: 'customer',
  [UserType.GUEST]: 'guest',
};

/** How many entries are kept by default; the oldest go first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * A logger in front of the service's logger that also keeps the front controller's one line per request
 * (`rest request`: method, route template, status, caller) as the journal `requests()` returns.
 */
export class RequestJournal implements Logger {
  /** A ring: `#next` is where the next entry goes once it is full; the time is formatted only when read. */
  readonly #ring: Array<{ readonly entry: Omit<JournalEntry, 'time'>; readonly at: number }> = [];
  #next = 0;
  /** E-mail lines, oldest first, at most `capacity`. */
  readonly #emails: EmailJournalEntry[] = [];

  constructor(
    private readonly inner: Logger,
    private readonly clock: Clock,
    private readonly capacity: number = DEFAULT_CAPACITY,
  ) {}

  entries(): JournalEntry[] {
    const ordered = this.#ring.length < this.capacity ? this.#ring : [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
    return ordered.map(({ entry, at }) => Object.freeze({ ...entry, time: new Date(at).toISOString() }));
  }

  /** The e-mails Magento would have sent, oldest first. */
  emails(): EmailJournalEntry[] {
    return [...this.#emails];
  }

  clear(): void {
    this.#ring.length = 0;
    this.#next = 0;
    this.#emails.length = 0;
  }

  debug(obj: object, msg?: string): void {
    this.inner.debug(obj, msg);
  }
  info(obj: object, msg?: string): void {
    if (msg === 'rest request') this.record(obj as Record<string, unknown>);
    else if (msg === 'customer email not sent') this.recordEmail(obj as Record<string, unknown>);
    this.inner.info(obj, msg);
  }
  warn(obj: object, msg?: string): void {
    this.inner.warn(obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.inner.error(obj, msg);
  }

  /** On the request path: O(1), no formatting. */
  private record(line: Record<string, unknown>): void {
    const item = {
      entry: {
        method: String(line.method),
        route: typeof line.route === 'string' ? line.route : null,
        status: Number(line.status),
        storeCode: typeof line.storeCode === 'string' ? line.storeCode : null,
        callerType: CALLER_TYPES[Number(line.userType)] ?? 'guest',
        callerId: typeof line.userId === 'number' ? line.userId : null,
      },
      at: this.clock.now(),
    };
    if (this.#ring.length < this.capacity) {
      this.#ring.push(item);
    } else {
      this.#ring[this.#next] = item;
      this.#next = (this.#next + 1) % this.capacity;
    }
  }

  private recordEmail(line: Record<string, unknown>): void {
    if (this.#emails.length >= this.capacity) this.#emails.shift();
    this.#emails.push(
      Object.freeze({
        templatePath: String(line.templatePath),
        templateId: typeof line.templateId === 'string' ? line.templateId : null,
        customerId: typeof line.customerId === 'number' ? line.customerId : null,
        storeId: typeof line.storeId === 'number' ? line.storeId : null,
        time: new Date(this.clock.now()).toISOString(),
      }),
    );
  }
}
