/** Current time, injected so tests can pin it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** A clock tests can set and move. */
export class FixedClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Unix seconds, as Magento stores `time_stamp`, `iat` and `exp`. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the form Magento writes to datetime/timestamp columns. */
export function formatDbDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses a `YYYY-MM-DD HH:MM:SS` UTC value read from the database. */
export function parseDbDate(value: string): number {
  return Date.parse(value.replace(' ', 'T') + 'Z');
}

/**
 * The emulator's clock: real time shifted by an offset that tests move (`advance`, `set`) and drop (`real`).
 * Time keeps flowing after a move, so expiry checks behave as they would on a shop whose clock is there.
 */
export class AdjustableClock implements Clock {
  #offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.#offsetMs;
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
  set(ms: number): void {
    this.#offsetMs = ms - this.source();
  }
  real(): void {
    this.#offsetMs = 0;
  }
  get isReal(): boolean {
    return this.#offsetMs === 0;
  }
}
