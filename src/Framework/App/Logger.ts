import { pino } from 'pino';

/**
 * Structured JSON logger (pino). One line per request is written by the front controller; nothing
 * here may ever receive a secret, token or password — log ids and outcomes only.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** Writes out what is buffered; `done` runs once it is written. Loggers without a buffer omit it. */
  flush?(done?: (error?: Error) => void): void;
}

/**
 * Without `destination`, lines go to stdout through pino's asynchronous destination: a request formats
 * its line and goes on, and lines written while a write is in flight leave together in the next one —
 * no synchronous `write(2)` on the request path. pino flushes it synchronously when the process exits;
 * a graceful shutdown calls {@link flushLogger} before that anyway.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream; sync?: boolean } = {}): Logger {
  const level = options.level || process.env.LOG_LEVEL || 'info';
  if (options.destination) return pino({ level }, options.destination);
  return pino({ level }, pino.destination({ dest: 1, sync: options.sync ?? false }));
}

/** Flushes the logger's buffered lines, if it has any (errors while writing are not the caller's to handle). */
export function flushLogger(logger: Logger): Promise<void> {
  const flush = logger.flush?.bind(logger);
  if (!flush) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      flush(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** A logger that keeps lines in memory, for tests that scrape logs. */
export class MemoryLogger implements Logger {
  readonly lines: Array<{ level: string; msg?: string } & Record<string, unknown>> = [];
  debug(obj: object, msg?: string): void {
    this.lines.push({ level: 'debug', msg, ...obj });
  }
  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', msg, ...obj });
  }
  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', msg, ...obj });
  }
  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', msg, ...obj });
  }
}
