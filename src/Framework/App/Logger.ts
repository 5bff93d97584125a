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
}

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level || process.env.LOG_LEVEL || 'info';
  return options.destination ? pino({ level }, options.destination) : pino({ level });
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
