import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CacheGenerations, CacheStamp } from '../../../src/Model/Cache/CacheGenerations.ts';
import { ScopeConfig } from '../../../src/Model/Config/ScopeConfig.ts';
import type { CoreConfigData, ConfigRow } from '../../../src/Model/ResourceModel/Config/CoreConfigData.ts';
import type { StoreManager } from '../../../src/Model/Store/StoreManager.ts';

/** core_config_data whose reads the test releases one by one, each returning the table as it is at release. */
class GatedConfigTable {
  value = 'before';
  private readonly waiting: Array<() => void> = [];
  reads = 0;
  loadAll = (): Promise<ConfigRow[]> => {
    this.reads += 1;
    return new Promise((resolve) => this.waiting.push(() => resolve([{ scope: 'default', scope_id: 0, path: 'a/b/c', value: this.value }])));
  };
  releaseOldest(): void {
    this.waiting.shift()?.();
  }
}

/** The generation as the database has it; every caller reads it afresh (no request memo in this test). */
class Generations {
  generation = 1;
  current = async (): Promise<number> => this.generation;
  stampAt = (generation: number): CacheStamp => ({ generation, loadedAt: 0 });
  isFresh = async (stamp: CacheStamp | undefined): Promise<boolean> => stamp !== undefined && stamp.generation === this.generation;
}

describe('ScopeConfig loads (unit)', () => {
  it('a caller that saw a newer generation does not take a load started before the write', async () => {
    const table = new GatedConfigTable();
    const generations = new Generations();
    const config = new ScopeConfig(
      table as unknown as CoreConfigData,
      {} as StoreManager,
      new Map(),
      generations as unknown as CacheGenerations,
    );
    // Request A starts a load at generation 1 and is slow …
    const a = config.getValue('a/b/c');
    await new Promise((resolve) => setImmediate(resolve));
    // … meanwhile another instance writes, moving the generation; request B comes after that write.
    table.value = 'after';
    generations.generation = 2;
    const b = config.getValue('a/b/c');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(table.reads, 2, 'B started a load of its own');
    // A's read had happened before the write (it answers the old value); B's after it.
    const old = table.value;
    table.value = 'before';
    table.releaseOldest();
    table.value = old;
    table.releaseOldest();
    assert.equal(await a, 'before');
    assert.equal(await b, 'after');
    // The cache keeps the newer load, whatever order they finished in.
    assert.equal(await config.getValue('a/b/c'), 'after');
    assert.equal(table.reads, 2);
  });

  it('callers of the same generation share one load', async () => {
    const table = new GatedConfigTable();
    const config = new ScopeConfig(table as unknown as CoreConfigData, {} as StoreManager, new Map(), new Generations() as unknown as CacheGenerations);
    const both = Promise.all([config.getValue('a/b/c'), config.getValue('a/b/c')]);
    await new Promise((resolve) => setImmediate(resolve));
    table.releaseOldest();
    assert.deepEqual(await both, ['before', 'before']);
    assert.equal(table.reads, 1);
  });
});
