import type { ConnectionInterface, Row, SqlValue, WriteResult } from './ConnectionInterface.ts';
import { InsertStatementBuilder } from './InsertStatementBuilder.ts';

/** What the two adapters share: prefixing, quoting and the insert helpers built on `execute`. */
export abstract class AbstractConnection implements ConnectionInterface {
  abstract readonly platform: 'mysql' | 'sqlite';

  protected constructor(protected readonly tablePrefix: string) {}

  abstract fetchAll<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  abstract execute(sql: string, params?: readonly SqlValue[]): Promise<WriteResult>;
  abstract tableExists(table: string): Promise<boolean>;
  abstract transaction<T>(work: (connection: ConnectionInterface) => Promise<T>): Promise<T>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  getTableName(name: string): string {
    return this.tablePrefix + name;
  }

  quoteIdentifier(name: string): string {
    return this.platform === 'mysql' ? '`' + name.replace(/`/g, '``') + '`' : '"' + name.replace(/"/g, '""') + '"';
  }

  async fetchRow<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    const rows = await this.fetchAll<T>(sql, params);
    return rows[0];
  }

  async fetchOne(sql: string, params?: readonly SqlValue[]): Promise<unknown> {
    const row = await this.fetchRow(sql, params);
    return row === undefined ? undefined : Object.values(row)[0];
  }

  insert(table: string, row: Readonly<Record<string, SqlValue | undefined>>): Promise<WriteResult> {
    const statement = this.builder().build(this.getTableName(table), row, 'insert');
    return this.execute(statement.sql, statement.params);
  }

  insertIgnore(table: string, row: Readonly<Record<string, SqlValue | undefined>>): Promise<WriteResult> {
    const statement = this.builder().build(this.getTableName(table), row, 'ignore');
    return this.execute(statement.sql, statement.params);
  }

  async insertOnDuplicate(
    table: string,
    row: Readonly<Record<string, SqlValue | undefined>>,
    updateColumns: readonly string[],
  ): Promise<WriteResult> {
    const statement = this.builder().build(this.getTableName(table), row, 'upsert', updateColumns);
    const result = await this.execute(statement.sql, statement.params);
    // MySQL reports 2 for an update; SQLite cannot tell and a stale rowid would mislead: see WriteResult.
    return { affectedRows: Math.min(result.affectedRows, 1), insertId: 0 };
  }

  private builder(): InsertStatementBuilder {
    return new InsertStatementBuilder(this.platform, (identifier) => this.quoteIdentifier(identifier));
  }
}
