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

const CALLER_TYPES: Readonly<Record<number, JournalEntry['callerType']>> = {
  [UserType.INTEGRATION]: 'integration',
  [UserType.ADMIN]: 'admin',
  [UserType.CUSTOMER]: 'customer',
  [UserType.GUEST]: 'guest',
};

/** How many entries are kept; the oldest go first. */
const CAPACITY = 10_000;

/**
 * A logger in front of the service's logger that also keeps the front controller's one line per request
 * (`rest request`: method, route template, status, caller) as the journal `requests()` returns.
 */
export class RequestJournal implements Logger {
  readonly #entries: JournalEntry[] = [];

  constructor(
    private readonly inner: Logger,
    private readonly clock: Clock,
  ) {}

  entries(): JournalEntry[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries.length = 0;
  }

  debug(obj: object, msg?: string): void {
    this.inner.debug(obj, msg);
  }
  info(obj: object, msg?: string): void {
    if (msg === 'rest request') this.record(obj as Record<string, unknown>);
    this.inner.info(obj, msg);
  }
  warn(obj: object, msg?: string): void {
    this.inner.warn(obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.inner.error(obj, msg);
  }

  private record(line: Record<string, unknown>): void {
    if (this.#entries.length >= CAPACITY) this.#entries.shift();
    this.#entries.push(
      Object.freeze({
        method: String(line.method),
        route: typeof line.route === 'string' ? line.route : null,
        status: Number(line.status),
        storeCode: typeof line.storeCode === 'string' ? line.storeCode : null,
        callerType: CALLER_TYPES[Number(line.userType)] ?? 'guest',
        callerId: typeof line.userId === 'number' ? line.userId : null,
        time: new Date(this.clock.now()).toISOString(),
      }),
    );
  }
}
