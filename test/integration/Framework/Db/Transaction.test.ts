import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ConnectionInterface } from '../../../../src/Framework/Db/ConnectionInterface.ts';
import { DbException, DuplicateKeyException } from '../../../../src/Framework/Exception/DbException.ts';
import { forEachDatabase, uniqueSuffix } from '../../../support/databases.ts';

const TABLE = 'core_config_data';

forEachDatabase('Db transactions', (getDb, { platform }) => {
  const q = (db: ConnectionInterface): string => db.quoteIdentifier(db.getTableName(TABLE));
  const valueOf = (path: string): Promise<unknown> => getDb().fetchOne(`SELECT value FROM ${q(getDb())} WHERE path = ?`, [path]);
  const base = (): string => `lac_test/tx/${uniqueSuffix()}`;

  it('commits the work and returns its result', async () => {
    const p = base();
    const result = await getDb().transaction(async (tx) => {
      await tx.insert(TABLE, { path: `${p}/a`, value: '1' });
      await tx.insert(TABLE, { path: `${p}/b`, value: '2' });
      return 'done';
    });
    assert.equal(result, 'done');
    assert.equal(await valueOf(`${p}/a`), '1');
    assert.equal(await valueOf(`${p}/b`), '2');
  });

  it('rolls everything back when the work throws, and rethrows the same error', async () => {
    const p = base();
    const failure = new Error('stop');
    await assert.rejects(
      getDb().transaction(async (tx) => {
        await tx.insert(TABLE, { path: `${p}/a`, value: '1' });
        await tx.execute(`UPDATE ${q(tx)} SET value = ? WHERE path = ?`, ['changed', `${p}/a`]);
        await tx.insert(TABLE, { path: `${p}/b`, value: '2' });
        throw failure;
      }),
      (error) => error === failure,
    );
    assert.equal(await valueOf(`${p}/a`), undefined);
    assert.equal(await valueOf(`${p}/b`), undefined);
  });

  it('a duplicate key inside the work rolls back the rows written before it', async () => {
    const p = base();
    await getDb().insert(TABLE, { path: `${p}/taken`, value: 'x' });
    await assert.rejects(
      getDb().transaction(async (tx) => {
        await tx.insert(TABLE, { path: `${p}/new`, value: 'n' });
        await tx.insert(TABLE, { path: `${p}/taken`, value: 'y' });
      }),
      DuplicateKeyException,
    );
    assert.equal(await valueOf(`${p}/new`), undefined);
    assert.equal(await valueOf(`${p}/taken`), 'x');
  });

  it('a nested transaction is a savepoint: its failure undoes only its own writes', async () => {
    const p = base();
    await getDb().transaction(async (tx) => {
      await tx.insert(TABLE, { path: `${p}/outer`, value: 'o' });
      await assert.rejects(
        tx.transaction(async (inner) => {
          await inner.insert(TABLE, { path: `${p}/inner`, value: 'i' });
          throw new Error('inner fails');
        }),
        /inner fails/,
      );
      await tx.transaction((inner) => inner.insert(TABLE, { path: `${p}/inner2`, value: 'i2' }));
    });
    assert.equal(await valueOf(`${p}/outer`), 'o');
    assert.equal(await valueOf(`${p}/inner`), undefined);
    assert.equal(await valueOf(`${p}/inner2`), 'i2');
  });

  it('the transaction connection cannot be used after the transaction ended', async () => {
    let leaked: ConnectionInterface | undefined;
    await getDb().transaction(async (tx) => {
      leaked = tx;
    });
    await assert.rejects((leaked as ConnectionInterface).fetchOne('SELECT 1'), DbException);
  });

  it('concurrent read-modify-write transactions do not interleave (SQLite serialises them)', { skip: platform !== 'sqlite' && 'MySQL isolates with row locks, not a connection-wide lock' }, async () => {
    const p = base();
    await getDb().insert(TABLE, { path: p, value: '0' });
    const events: string[] = [];
    const increment = (n: number): Promise<void> =>
      getDb().transaction(async (tx) => {
        events.push(`begin ${n}`);
        const current = Number(await tx.fetchOne(`SELECT value FROM ${q(tx)} WHERE path = ?`, [p]));
        await nextTurn(); // give every other caller a chance to cut in
        await tx.execute(`UPDATE ${q(tx)} SET value = ? WHERE path = ?`, [String(current + 1), p]);
        events.push(`end ${n}`);
      });
    await Promise.all([1, 2, 3, 4, 5].map(increment));
    assert.equal(await valueOf(p), '5');
    for (let i = 0; i < events.length; i += 2) {
      assert.equal(events[i]?.replace('begin', 'end'), events[i + 1], `no interleaving: ${events.join(', ')}`);
    }
  });

  it('a statement issued while a transaction runs waits for it and sees its commit (SQLite)', { skip: platform !== 'sqlite' && 'MySQL runs it on another pooled connection' }, async () => {
    const p = base();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = getDb().transaction(async (tx) => {
      await tx.insert(TABLE, { path: p, value: 'committed' });
      await gate;
    });
    await nextTurn();
    let outsideDone = false;
    const outside = valueOf(p).then((value) => {
      outsideDone = true;
      return value;
    });
    await nextTurn();
    await nextTurn();
    assert.equal(outsideDone, false, 'the outside read waits for the transaction');
    release();
    await transaction;
    assert.equal(await outside, 'committed');
  });

  it('using the outer connection inside the work fails fast instead of deadlocking (SQLite)', { skip: platform !== 'sqlite' && 'MySQL runs it on another pooled connection' }, async () => {
    await assert.rejects(
      getDb().transaction(async () => {
        await getDb().fetchOne('SELECT 1');
      }),
      /use the connection passed to the callback/,
    );
    assert.equal(await getDb().fetchOne('SELECT 1'), 1, 'the lock was released');
  });

  it('concurrent transactions each run on their own pooled connection (MySQL)', { skip: platform !== 'mysql' && 'SQLite has one handle' }, async () => {
    const p = base();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = getDb().transaction(async (tx) => {
      await tx.insert(TABLE, { path: `${p}/1`, value: 'one' });
      await gate;
      return Number(await tx.fetchOne('SELECT CONNECTION_ID()'));
    });
    const second = await getDb().transaction(async (tx) => {
      await tx.insert(TABLE, { path: `${p}/2`, value: 'two' });
      assert.equal(await tx.fetchOne(`SELECT value FROM ${q(tx)} WHERE path = ?`, [`${p}/1`]), undefined, 'uncommitted row is invisible');
      return Number(await tx.fetchOne('SELECT CONNECTION_ID()'));
    });
    release();
    assert.notEqual(await first, second);
    assert.equal(await valueOf(`${p}/1`), 'one');
    assert.equal(await valueOf(`${p}/2`), 'two');
  });
});
