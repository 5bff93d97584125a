import { DbException } from '../Exception/DbException.ts';
import type { SqlValue } from './ConnectionInterface.ts';

export type InsertMode = 'insert' | 'ignore' | 'upsert';

export interface InsertStatement {
  readonly sql: string;
  readonly params: SqlValue[];
}

/**
 * Builds the single-row INSERT variants whose syntax differs between the dialects:
 * `INSERT IGNORE` / `INSERT OR IGNORE`, and `ON DUPLICATE KEY UPDATE c = VALUES(c)` /
 * `ON CONFLICT DO UPDATE SET c = excluded.c`. `VALUES()` is used rather than MySQL 8's row alias
 * because MariaDB does not have the alias.
 */
export class InsertStatementBuilder {
  constructor(
    private readonly platform: 'mysql' | 'sqlite',
    private readonly quote: (identifier: string) => string,
  ) {}

  build(
    table: string,
    row: Readonly<Record<string, SqlValue | undefined>>,
    mode: InsertMode,
    updateColumns: readonly string[] = [],
  ): InsertStatement {
    const columns = Object.keys(row).filter((c) => row[c] !== undefined);
    if (columns.length === 0) throw new DbException(`INSERT into ${table} has no columns.`);
    const params = columns.map((c) => row[c] as SqlValue);
    const verb =
      mode === 'ignore' ? (this.platform === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO') : 'INSERT INTO';
    let sql =
      `${verb} ${this.quote(table)} (${columns.map((c) => this.quote(c)).join(', ')}) ` +
      `VALUES (${columns.map(() => '?').join(', ')})`;
    if (mode === 'upsert') {
      const updates = updateColumns.length > 0 ? updateColumns : columns;
      const unknown = updates.filter((c) => !columns.includes(c));
      if (unknown.length > 0) {
        throw new DbException(`insertOnDuplicate on ${table}: update column(s) ${unknown.join(', ')} not in the row.`);
      }
      sql +=
        this.platform === 'mysql'
          ? ` ON DUPLICATE KEY UPDATE ${updates.map((c) => `${this.quote(c)} = VALUES(${this.quote(c)})`).join(', ')}`
          : ` ON CONFLICT DO UPDATE SET ${updates.map((c) => `${this.quote(c)} = excluded.${this.quote(c)}`).join(', ')}`;
    }
    return { sql, params };
  }
}
