import type { BoundValue } from './SqlParameters.ts';

/** Shorter values are left as they are: too likely to clash with words of the message itself. */
const MIN_REDACTED_LENGTH = 4;

/**
 * A driver message with the statement's string parameters masked. Driver messages quote values
 * (MySQL's parse and conversion errors echo the interpolated SQL), and exception messages end up in
 * logs, which must never hold secrets, tokens or passwords. The full original stays as `cause`.
 */
export function redactDriverMessage(message: string, params: readonly BoundValue[]): string {
  let out = message;
  const values = params
    .filter((p): p is string => typeof p === 'string' && p.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const value of values) out = out.split(value).join('***');
  return out;
}
