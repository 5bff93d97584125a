import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** Every SQL statement on `lac_cache_generation`. */
@injectable()
export class CacheGeneration {
  /** Bumps made by this process, so a request that already read the generations reads them again after one. */
  #localBumps = 0;

  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** The generation: the sum of every cache type's row, so it moves on with any bump. One statement. */
  async load(): Promise<number> {
    return Number(await this.db.fetchOne(`SELECT ${generationExpression(this.db)} AS generation`));
  }

  get localBumps(): number {
    return this.#localBumps;
  }

  /**
   * Moves each type's generation on by one, atomically (concurrent bumps each count). Pass the transaction of the
   * write it follows, so both commit together.
   */
  async bump(types: readonly string[], db: ConnectionInterface = this.db): Promise<void> {
    this.#localBumps += 1;
    const table = db.getTableName('lac_cache_generation');
    for (const type of types) {
      const updated = await db.execute(`UPDATE ${table} SET generation = generation + 1 WHERE cache_type = ?`, [type]);
      if (updated.affectedRows > 0) continue;
      const inserted = await db.insertIgnore('lac_cache_generation', { cache_type: type, generation: 1 });
      // Another writer inserted the row first: count this bump on top of it.
      if (inserted.affectedRows === 0) await db.execute(`UPDATE ${table} SET generation = generation + 1 WHERE cache_type = ?`, [type]);
    }
    // Counted again after the write: a request that re-read the generations during it must read them once more.
    this.#localBumps += 1;
  }
}

/** The generation as a scalar subquery, for a statement that reads it along with something else (TokenSubject). */
export function generationExpression(db: ConnectionInterface): string {
  return `(SELECT COALESCE(SUM(generation), 0) FROM ${db.getTableName('lac_cache_generation')})`;
}
