import type { ConnectionInterface, Row, SqlValue } from './ConnectionInterface.ts';

/**
 * The rows of a set of tables at one moment, and a way back to it: every row deleted and the snapshot's rows
 * written again with their ids, in one transaction, with identity counters restarted so ids come out as they
 * did after the snapshot. For the emulator's `reset()` — never for a shop's database.
 */
export class DatabaseSnapshot {
  private constructor(
    private readonly tables: ReadonlyMap<string, readonly Row[]>,
    private readonly sequences: readonly Row[],
  ) {}

  /** `tables`: un-prefixed names. */
  static async take(db: ConnectionInterface, tables: readonly string[]): Promise<DatabaseSnapshot> {
    const rows = new Map<string, readonly Row[]>();
    for (const table of tables) rows.set(table, Object.freeze(await db.fetchAll(`SELECT * FROM ${db.getTableName(table)}`)));
    const sequences = db.platform === 'sqlite' ? await db.fetchAll('SELECT name, seq FROM sqlite_sequence') : [];
    return new DatabaseSnapshot(rows, sequences);
  }

  async restore(db: ConnectionInterface): Promise<void> {
    await db.transaction(async (tx) => {
      // Foreign keys are checked at commit (SQLite) or not at all while the snapshot, consistent itself, goes back.
      await tx.execute(tx.platform === 'sqlite' ? 'PRAGMA defer_foreign_keys = ON' : 'SET FOREIGN_KEY_CHECKS = 0');
      try {
        for (const table of this.tables.keys()) await tx.execute(`DELETE FROM ${tx.getTableName(table)}`);
        for (const [table, rows] of this.tables) {
          for (const row of rows) await tx.insert(table, row as Record<string, SqlValue>);
        }
        if (tx.platform === 'sqlite') {
          await tx.execute('DELETE FROM sqlite_sequence');
          for (const { name, seq } of this.sequences) {
            await tx.execute('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [name as string, seq as number]);
          }
        }
      } finally {
        if (tx.platform === 'mysql') await tx.execute('SET FOREIGN_KEY_CHECKS = 1');
      }
    });
    if (db.platform === 'mysql') {
      // InnoDB moves a counter set below the largest id up to it, so 1 means "right after the snapshot's rows".
      for (const table of this.tables.keys()) await db.execute(`ALTER TABLE ${db.getTableName(table)} AUTO_INCREMENT = 1`);
    }
  }
}
