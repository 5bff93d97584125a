import { DbException } from '../Exception/DbException.ts';
import type { ConnectionInterface } from './ConnectionInterface.ts';
import { MysqlConnection, type MysqlConnectionOptions } from './MysqlConnection.ts';
import { SqliteConnection } from './SqliteConnection.ts';

export interface ConnectionFactoryOptions extends MysqlConnectionOptions {
  busyTimeoutMs?: number;
}

/** Picks the adapter from a URL, so `DATABASE_URL` alone selects the run mode (SPEC §2). */
export class ConnectionFactory {
  /**
   * `mysql://user:pass@host:port/db` or `mariadb://…` → MySQL; `sqlite:<path>`, `sqlite:///abs/path`
   * or `sqlite::memory:` → embedded SQLite.
   */
  static fromUrl(url: string, options: ConnectionFactoryOptions = {}): ConnectionInterface {
    if (/^(mysql|mariadb):/i.test(url)) {
      const { busyTimeoutMs: _ignored, ...mysqlOptions } = options;
      return MysqlConnection.fromUrl(url, mysqlOptions);
    }
    if (/^sqlite:/i.test(url)) {
      const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
      if (path === '') throw new DbException('The sqlite: URL names no file (sqlite:var/magento.db or sqlite::memory:).');
      return SqliteConnection.open({
        path,
        ...(options.tablePrefix !== undefined ? { tablePrefix: options.tablePrefix } : {}),
        ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
      });
    }
    throw new DbException('Unsupported database URL: expected mysql://, mariadb:// or sqlite:.');
  }
}
