import { ConnectionException, DbException, DeadlockException, DuplicateKeyException } from '../Exception/DbException.ts';
import { InvalidValueException } from '../Exception/InvalidValueException.ts';
import { dataErrorColumn, dataErrorValue } from './DataErrorMessage.ts';
import { redactDriverMessage } from './DriverMessage.ts';
import type { BoundValue } from './SqlParameters.ts';

/** Socket-level and mysql2 protocol codes meaning "the server cannot be reached or went away". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENOENT', // unix socket path missing
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT', // our per-query timeout: mysql2 destroys the connection
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_WRITE_INTERRUPTED',
]);

/** Server and client errno values for the same conditions (covers codes mysql2 does not name). */
const CONNECTION_ERRNOS = new Set([1040, 1045, 1049, 1053, 1927, 2002, 2003, 2006, 2013]);

/** ER_LOCK_DEADLOCK. */
const DEADLOCK_ERRNO = 1213;

/** ER_DUP_ENTRY and ER_DUP_ENTRY_WITH_KEY_NAME. */
const DUPLICATE_ERRNOS = new Set([1062, 1586]);

/**
 * The value itself was refused (strict SQL mode, see MysqlConnection): ER_WARN_DATA_OUT_OF_RANGE 1264,
 * WARN_DATA_TRUNCATED 1265, ER_TRUNCATED_WRONG_VALUE 1292, ER_TRUNCATED_WRONG_VALUE_FOR_FIELD 1366,
 * ER_DATA_TOO_LONG 1406.
 */
const DATA_ERRNOS = new Set([1264, 1265, 1292, 1366, 1406]);
const DATA_CODES = new Set([
  'ER_WARN_DATA_OUT_OF_RANGE',
  'WARN_DATA_TRUNCATED',
  'ER_TRUNCATED_WRONG_VALUE',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
  'ER_DATA_TOO_LONG',
]);

interface DriverError {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
}

/**
 * Turns a mysql2 error into the Db exception family, keeping the original as `cause`. A refused value becomes
 * a client error instead (InvalidValueException, 400): the request carried it, the server is fine.
 */
export function translateMysqlError(error: unknown, params: readonly BoundValue[] = []): DbException | InvalidValueException {
  if (error instanceof DbException || error instanceof InvalidValueException) return error;
  const e: DriverError = typeof error === 'object' && error !== null ? (error as DriverError) : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const errno = typeof e.errno === 'number' ? e.errno : 0;
  const message = typeof e.message === 'string' ? e.message : String(error);

  if (code === 'ER_DUP_ENTRY' || DUPLICATE_ERRNOS.has(errno)) {
    // The driver message quotes the duplicate value; keep only the key name.
    const key = /for key '([^']*)'/.exec(message)?.[1];
    return new DuplicateKeyException(`Duplicate entry for unique key${key ? ` '${key}'` : ''}.`, { cause: error });
  }
  if (DATA_CODES.has(code) || DATA_ERRNOS.has(errno)) {
    return new InvalidValueException(dataErrorColumn(message), dataErrorValue(message, params), { cause: error });
  }
  if (code === 'ER_LOCK_DEADLOCK' || errno === DEADLOCK_ERRNO) {
    return new DeadlockException(`Database error (ER_LOCK_DEADLOCK): ${redactDriverMessage(message, params)}`, { cause: error });
  }
  if (CONNECTION_CODES.has(code) || CONNECTION_ERRNOS.has(errno) || e.fatal === true || message === 'Pool is closed.') {
    return new ConnectionException(`Database connection failed (${code || errno || 'unknown'}): ${redactDriverMessage(message, params)}`, {
      cause: error,
    });
  }
  return new DbException(`Database error (${code || errno || 'unknown'}): ${redactDriverMessage(message, params)}`, {
    cause: error,
  });
}
