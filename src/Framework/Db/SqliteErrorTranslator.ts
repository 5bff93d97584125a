import { ConnectionException, DbException, DuplicateKeyException } from '../Exception/DbException.ts';
import { InvalidValueException } from '../Exception/InvalidValueException.ts';
import { redactDriverMessage } from './DriverMessage.ts';
import type { BoundValue } from './SqlParameters.ts';

const DUPLICATE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * SQLite's own refusals of a value: `datatype mismatch` (e.g. a non-integer LIMIT or rowid) and a string or blob
 * over its size limit. SQLite ignores declared lengths and ranges, so these are rare; validation comes first.
 */
const DATA_CODES = new Set(['SQLITE_MISMATCH', 'SQLITE_TOOBIG']);

/** The file cannot be opened, read or written: the embedded equivalent of "server gone". */
const CONNECTION_CODE = /^SQLITE_(CANTOPEN|IOERR|NOTADB|READONLY|FULL|PERM|CORRUPT)/;

/**
 * Turns a libsql error into the Db exception family, keeping the original as `cause`; a refused value becomes a
 * client error (InvalidValueException, 400), as on MySQL.
 */
export function translateSqliteError(error: unknown, params: readonly BoundValue[] = []): DbException | InvalidValueException {
  if (error instanceof DbException || error instanceof InvalidValueException) return error;
  const e = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const message = redactDriverMessage(typeof e.message === 'string' ? e.message : String(error), params);
  if (DUPLICATE_CODES.has(code)) {
    return new DuplicateKeyException(`Duplicate entry for unique key (${message}).`, { cause: error });
  }
  if (DATA_CODES.has(code)) return new InvalidValueException(undefined, undefined, { cause: error });
  if (CONNECTION_CODE.test(code)) {
    return new ConnectionException(`Database file unavailable (${code}): ${message}`, { cause: error });
  }
  return new DbException(`Database error (${code || 'unknown'}): ${message}`, { cause: error });
}
