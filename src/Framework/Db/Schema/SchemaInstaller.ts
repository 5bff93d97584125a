import { DbException } from '../../Exception/DbException.ts';
import type { ConnectionInterface } from '../ConnectionInterface.ts';
import type { DataPatch } from './DataPatch.ts';
import type { DbSchema } from './DbSchema.ts';
import { DbSchemaException } from './DbSchemaException.ts';
import type { DdlGenerator } from './DdlGenerator.ts';
import { MysqlDdlGenerator } from './MysqlDdlGenerator.ts';
import { SqliteDdlGenerator } from './SqliteDdlGenerator.ts';
import { orderTablesByDependency } from './TableDependencyOrder.ts';

export interface InstallReport {
  /** Un-prefixed names of the tables this run created. */
  readonly created: readonly string[];
  /** Tables that already existed and were left exactly as they are. */
  readonly existing: readonly string[];
  /** Names of the data patches applied. */
  readonly patches: readonly string[];
}

/**
 * Creates every table of the schema that is missing, then applies the data patches.
 *
 * It never drops or alters: a table that exists is left as it is, even if it lacks a column or an
 * index, because beside a real Magento the tables are Magento's (SPEC §2). Safe to run on every
 * boot and from several processes at once (all DDL is IF NOT EXISTS; patches are idempotent).
 */
export class SchemaInstaller {
  constructor(
    private readonly schema: DbSchema,
    private readonly patches: readonly DataPatch[] = [],
  ) {}

  async install(connection: ConnectionInterface): Promise<InstallReport> {
    const order = orderTablesByDependency(this.schema.tables);
    // The reader already refused cycles; this only guards a hand-built schema.
    if (!order.ok) throw new DbSchemaException(this.schema.file, '', `foreign keys form a cycle: ${order.cycle.join(' → ')}`);
    const generator: DdlGenerator = connection.platform === 'mysql' ? new MysqlDdlGenerator() : new SqliteDdlGenerator();
    const prefix = connection.getTableName('');
    const created: string[] = [];
    const existing: string[] = [];

    for (const table of order.tables) {
      if (await connection.tableExists(table.name)) {
        existing.push(table.name);
        continue;
      }
      const statements = generator.createTable(table, prefix);
      if (connection.platform === 'sqlite') {
        // SQLite DDL is transactional: the table appears with all its indexes and triggers or not at all.
        await connection.transaction(async (tx) => {
          for (const sql of statements) await tx.execute(sql);
        });
      } else {
        // MySQL commits each DDL statement implicitly; the table is one statement anyway.
        for (const sql of statements) await connection.execute(sql);
      }
      created.push(table.name);
    }

    const applied: string[] = [];
    for (const patch of this.patches) {
      try {
        await patch.apply(connection);
      } catch (error) {
        throw new DbException(`Data patch ${patch.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(patch.name);
    }
    return { created, existing, patches: applied };
  }
}
