/**
 * Errors raised by the database layer (src/Framework/Db) after translating a driver error.
 * They are not LocalizedExceptions: unless a caller handles them, the client sees a masked 500/503.
 */
export class DbException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A unique or primary key was violated (Magento's `Magento\Framework\DB\Adapter\DuplicateException`). */
export class DuplicateKeyException extends DbException {}

/**
 * InnoDB chose this statement's transaction as a deadlock victim and rolled it back as a whole; running
 * it again is the documented remedy (MysqlConnection does, a few times).
 */
export class DeadlockException extends DbException {}

/** The database cannot be reached or the connection was lost; answered as a masked 503. */
export class ConnectionException extends DbException {}
