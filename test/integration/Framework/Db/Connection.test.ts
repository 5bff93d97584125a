import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ConnectionInterface } from '../../../../src/Framework/Db/ConnectionInterface.ts';
import { DbException, DuplicateKeyException } from '../../../../src/Framework/Exception/DbException.ts';
import { forEachDatabase, uniqueSuffix } from '../../../support/databases.ts';

/** core_config_data: identity config_id, unique (scope, scope_id, path), on_update updated_at. */
const TABLE = 'core_config_data';

forEachDatabase('Db connection: writes, reads and errors', (getDb, { platform }) => {
  const path = (): string => `lac_test/connection/${uniqueSuffix()}`;
  const config = (p: string) =>
    getDb().fetchRow<{ config_id: number; scope: string; scope_id: number; path: string; value: string | null; updated_at: string }>(
      `SELECT * FROM ${getDb().quoteIdentifier(getDb().getTableName(TABLE))} WHERE path = ?`,
      [p],
    );

  it('insert returns the new identity and the row reads back as a plain object', async () => {
    const p = path();
    const result = await getDb().insert(TABLE, { scope: 'default', scope_id: 0, path: p, value: 'v1' });
    assert.equal(result.affectedRows, 1);
    assert.ok(result.insertId > 0);
    const row = await config(p);
    assert.ok(row);
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.deepEqual(Object.keys(row), ['config_id', 'scope', 'scope_id', 'path', 'value', 'updated_at']);
    assert.equal(row.config_id, result.insertId);
    assert.equal(row.scope_id, 0);
    assert.equal(row.value, 'v1');
    assert.match(row.updated_at, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('fetchAll, fetchRow and fetchOne strip driver metadata', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, value: 'x' });
    const table = getDb().quoteIdentifier(getDb().getTableName(TABLE));
    const rows = await getDb().fetchAll(`SELECT path, value FROM ${table} WHERE path = ?`, [p]);
    assert.deepEqual(rows, [{ path: p, value: 'x' }]);
    assert.deepEqual(await getDb().fetchRow(`SELECT path, value FROM ${table} WHERE path = ?`, [p]), { path: p, value: 'x' });
    assert.equal(await getDb().fetchOne(`SELECT value FROM ${table} WHERE path = ?`, [p]), 'x');
    assert.equal(await getDb().fetchRow(`SELECT path FROM ${table} WHERE path = ?`, [`${p}/none`]), undefined);
    assert.equal(await getDb().fetchOne(`SELECT path FROM ${table} WHERE path = ?`, [`${p}/none`]), undefined);
  });

  it('column defaults apply and undefined values are left out of an insert', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, value: undefined });
    const row = await config(p);
    assert.equal(row?.scope, 'default');
    assert.equal(row?.scope_id, 0);
    assert.equal(row?.value, null);
  });

  it('booleans are stored as 1 and 0; numbers, bigints and Buffers bind on both databases', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, scope_id: true, value: 'on' });
    assert.equal((await config(p))?.scope_id, 1);
    const echoed = await getDb().fetchRow('SELECT ? AS t, ? AS f, ? AS n, ? AS big', [true, false, 2.5, 9007199254740991n]);
    assert.deepEqual(echoed, { t: 1, f: 0, n: 2.5, big: 9007199254740991 });
    const blob = await getDb().fetchOne('SELECT ? AS b', [Buffer.from([1, 2, 255])]);
    assert.ok(Buffer.isBuffer(blob));
    assert.deepEqual([...blob], [1, 2, 255]);
  });

  it('a duplicate unique key throws DuplicateKeyException with the driver error as cause', async () => {
    const p = path();
    await getDb().insert(TABLE, { scope: 'default', scope_id: 0, path: p, value: 'first' });
    const error = await getDb()
      .insert(TABLE, { scope: 'default', scope_id: 0, path: p, value: 'second' })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DuplicateKeyException, `got ${String(error)}`);
    assert.ok(error.cause !== undefined);
    assert.ok(!error.message.includes(p), 'the duplicate value stays out of the message');
    assert.equal((await config(p))?.value, 'first');
  });

  it('unique keys compare case-insensitively, as with Magento general_ci tables', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p.toUpperCase(), value: 'upper' });
    await assert.rejects(getDb().insert(TABLE, { path: p, value: 'lower' }), DuplicateKeyException);
  });

  it('insertIgnore inserts a new row and skips a duplicate, telling which by affectedRows', async () => {
    const p = path();
    const first = await getDb().insertIgnore(TABLE, { path: p, value: 'kept' });
    assert.equal(first.affectedRows, 1);
    assert.ok(first.insertId > 0);
    const second = await getDb().insertIgnore(TABLE, { path: p, value: 'ignored' });
    assert.equal(second.affectedRows, 0);
    assert.equal(second.insertId, 0);
    assert.equal((await config(p))?.value, 'kept');
  });

  it('insertOnDuplicate inserts, then updates only the named columns', async () => {
    const p = path();
    const inserted = await getDb().insertOnDuplicate(TABLE, { scope: 'default', scope_id: 0, path: p, value: 'one' }, ['value']);
    assert.deepEqual(inserted, { affectedRows: 1, insertId: 0 });
    const id = (await config(p))?.config_id;
    const updated = await getDb().insertOnDuplicate(TABLE, { scope: 'default', scope_id: 0, path: p, value: 'two' }, ['value']);
    assert.deepEqual(updated, { affectedRows: 1, insertId: 0 });
    const row = await config(p);
    assert.equal(row?.value, 'two');
    assert.equal(row?.config_id, id, 'the row was updated in place, not replaced');
  });

  it('insertOnDuplicate with no update columns updates every column of the row', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, value: 'old', scope: 'default' });
    await getDb().insertOnDuplicate(TABLE, { path: p, value: 'new', scope: 'default' }, []);
    assert.equal((await config(p))?.value, 'new');
  });

  it('insertOnDuplicate refuses update columns missing from the row', async () => {
    await assert.rejects(getDb().insertOnDuplicate(TABLE, { path: path(), value: 'x' }, ['scope']), DbException);
  });

  it('execute reports matched rows for UPDATE and DELETE', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, value: 'a' });
    const table = getDb().quoteIdentifier(getDb().getTableName(TABLE));
    const same = await getDb().execute(`UPDATE ${table} SET value = ? WHERE path = ?`, ['a', p]);
    assert.deepEqual(same, { affectedRows: 1, insertId: 0 });
    const none = await getDb().execute(`UPDATE ${table} SET value = ? WHERE path = ?`, ['a', `${p}/none`]);
    assert.equal(none.affectedRows, 0);
    const deleted = await getDb().execute(`DELETE FROM ${table} WHERE path = ?`, [p]);
    assert.deepEqual(deleted, { affectedRows: 1, insertId: 0 });
  });

  it('an on_update timestamp moves when another column changes, not when set explicitly', async () => {
    const p = path();
    const table = getDb().quoteIdentifier(getDb().getTableName(TABLE));
    await getDb().insert(TABLE, { path: p, value: 'a', updated_at: '2001-02-03 04:05:06' });
    assert.equal((await config(p))?.updated_at, '2001-02-03 04:05:06');
    await getDb().execute(`UPDATE ${table} SET value = ?, updated_at = ? WHERE path = ?`, ['b', '2002-02-03 04:05:06', p]);
    assert.equal((await config(p))?.updated_at, '2002-02-03 04:05:06');
    await getDb().execute(`UPDATE ${table} SET value = ? WHERE path = ?`, ['c', p]);
    const moved = (await config(p))?.updated_at ?? '';
    assert.ok(moved > '2020-01-01 00:00:00', `updated_at was refreshed (${moved})`);
  });

  it('dates are UTC YYYY-MM-DD HH:MM:SS strings', async () => {
    const now = String(await getDb().fetchOne('SELECT CURRENT_TIMESTAMP'));
    assert.match(now, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const skewMs = Math.abs(Date.parse(now.replace(' ', 'T') + 'Z') - Date.now());
    assert.ok(skewMs < 120_000, `database clock reads UTC (${now})`);
  });

  it('MySQL sessions run in UTC with NO_AUTO_VALUE_ON_ZERO, on pooled and transaction connections', { skip: platform !== 'mysql' && 'MySQL session settings' }, async () => {
    const check = async (db: ConnectionInterface): Promise<void> => {
      const row = await db.fetchRow<{ tz: string; mode: string }>('SELECT @@SESSION.time_zone AS tz, @@SESSION.sql_mode AS mode');
      assert.equal(row?.tz, '+00:00');
      assert.match(row?.mode ?? '', /NO_AUTO_VALUE_ON_ZERO/);
    };
    await check(getDb());
    await getDb().transaction(async (tx) => check(tx));
  });

  it('hand-written SQL with backtick-quoted identifiers runs on both databases', async () => {
    const p = path();
    await getDb().insert(TABLE, { path: p, value: 'q' });
    const value = await getDb().fetchOne(`SELECT \`value\` FROM \`${getDb().getTableName(TABLE)}\` WHERE \`path\` = ?`, [p]);
    assert.equal(value, 'q');
  });

  it('quoteIdentifier uses the dialect quote and escapes it', () => {
    assert.equal(getDb().quoteIdentifier('a`b"c'), platform === 'mysql' ? '`a``b"c`' : '"a`b""c"');
  });

  it('refuses undefined and non-finite parameters instead of binding NULL', async () => {
    await assert.rejects(getDb().fetchOne('SELECT ?', [undefined as unknown as null]), /parameter 1 has an unsupported type \(undefined\)/);
    await assert.rejects(getDb().fetchOne('SELECT ?', [Number.NaN]), /parameter 1 is not a finite number/);
  });

  it('a failing statement throws DbException without the parameter values in its message', async () => {
    const secret = `secret-${uniqueSuffix()}`;
    const error = await getDb()
      .fetchAll('SELECT * FROM lac_no_such_table WHERE x = ?', [secret])
      .then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DbException);
    assert.ok(!(error instanceof DuplicateKeyException));
    assert.ok(!error.message.includes(secret));
    assert.ok(error.cause !== undefined);
  });

  it('ping succeeds on a live database', async () => {
    await getDb().ping();
  });
});
