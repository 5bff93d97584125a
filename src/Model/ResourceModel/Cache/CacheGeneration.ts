import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';

/** Every SQL statement on `lac_cache_generation`. */
@injectable()
export class CacheGeneration {
  /** Bumps made by this process, so a request that already read the generations reads them again after one. */
  #localBumps = 0;

  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  /** Cache type → generation; a type without a row is at generation 0. One statement. */
  async loadAll(): Promise<Map<string, number>> {
    const rows = await this.db.fetchAll(`SELECT cache_type, generation FROM ${this.db.getTableName('lac_cache_generation')}`);
    return new Map(rows.map((r) => [String(r.cache_type), Number(r.generation)]));
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
