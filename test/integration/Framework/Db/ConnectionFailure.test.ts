import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConnectionFactory } from '../../../../src/Framework/Db/ConnectionFactory.ts';
import { MysqlConnection } from '../../../../src/Framework/Db/MysqlConnection.ts';
import { SqliteConnection } from '../../../../src/Framework/Db/SqliteConnection.ts';
import { ConnectionException, DbException } from '../../../../src/Framework/Exception/DbException.ts';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../../../support/databases.ts';

/** Measures how long a rejected promise took, so "fails fast" is asserted, not assumed. */
async function rejectsWithin(promise: Promise<unknown>, expected: new (...args: never[]) => Error, ms: number): Promise<Error> {
  const started = Date.now();
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  const elapsed = Date.now() - started;
  assert.ok(error instanceof expected, `expected ${expected.name}, got ${String(error)}`);
  assert.ok(elapsed < ms, `took ${elapsed} ms, limit ${ms} ms`);
  return error;
}

describe('MySQL server unreachable', () => {
  it('a refused connection is a ConnectionException, quickly, with the driver error as cause', async () => {
    const db = MysqlConnection.create({ host: '127.0.0.1', port: 1, user: 'root', database: 'none', connectTimeoutMs: 1000 });
    try {
      const error = await rejectsWithin(db.ping(), ConnectionException, 3000);
      assert.equal((error.cause as { code?: string }).code, 'ECONNREFUSED');
      await rejectsWithin(db.fetchAll('SELECT 1'), ConnectionException, 3000);
      await rejectsWithin(db.insert('store', { code: 'x' }), ConnectionException, 3000);
      await rejectsWithin(db.transaction(async () => 1), ConnectionException, 3000);
    } finally {
      await db.close();
    }
  });

  it('a host that never answers fails within the connect timeout', async () => {
    // 10.255.255.1 is unroutable here: either the connect times out or the network says unreachable.
    const db = MysqlConnection.create({ host: '10.255.255.1', port: 3306, user: 'root', database: 'none', connectTimeoutMs: 500 });
    try {
      await rejectsWithin(db.ping(), ConnectionException, 3000);
    } finally {
      await db.close();
    }
  });

  it('a closed pool answers ConnectionException', async () => {
    const db = MysqlConnection.create({ host: '127.0.0.1', port: 1, user: 'root', database: 'none' });
    await db.close();
    await assert.rejects(db.ping(), ConnectionException);
  });
});

describe('MySQL connection settings', () => {
  it('reads user and password URL-decoded from a mysql:// URL', () => {
    assert.deepEqual(MysqlConnection.configFromUrl('mysql://m%40ge:p%3As%2Fw%40rd@db.example:3307/mag%5Fdb'), {
      host: 'db.example',
      port: 3307,
      user: 'm@ge',
      password: 'p:s/w@rd',
      database: 'mag_db',
    });
    assert.deepEqual(MysqlConnection.configFromUrl('mariadb://root@127.0.0.1/test?socket=/run/mysqld.sock&table_prefix=m2_'), {
      host: '127.0.0.1',
      port: 3306,
      socketPath: '/run/mysqld.sock',
      tablePrefix: 'm2_',
      user: 'root',
      password: '',
      database: 'test',
    });
  });

  it('refuses a URL without a database, or with another scheme, without echoing the password', () => {
    assert.throws(() => MysqlConnection.configFromUrl('mysql://u:topsecret@host:3306/'), (e: unknown) => {
      assert.ok(e instanceof DbException);
      assert.ok(!e.message.includes('topsecret'));
      return true;
    });
    assert.throws(() => MysqlConnection.configFromUrl('postgres://u:topsecret@host/db'), (e: unknown) => {
      assert.ok(e instanceof DbException);
      assert.ok(!e.message.includes('topsecret'));
      return true;
    });
  });

  it('understands the host forms of Magento env.php', () => {
    assert.deepEqual(MysqlConnection.hostFromMagento('localhost'), { host: 'localhost' });
    assert.deepEqual(MysqlConnection.hostFromMagento('db:3307'), { host: 'db', port: 3307 });
    assert.deepEqual(MysqlConnection.hostFromMagento('/var/run/mysqld/mysqld.sock'), { socketPath: '/var/run/mysqld/mysqld.sock' });
    assert.deepEqual(MysqlConnection.hostFromMagento('localhost:/tmp/mysql.sock'), { socketPath: '/tmp/mysql.sock' });
    assert.deepEqual(MysqlConnection.hostFromMagento('[::1]:3307'), { host: '::1', port: 3307 });
    assert.deepEqual(MysqlConnection.hostFromMagento('::1'), { host: '::1' });
  });

  it('ConnectionFactory picks the adapter from the URL', async () => {
    const sqlite = ConnectionFactory.fromUrl('sqlite::memory:', { tablePrefix: 'x_' });
    try {
      assert.equal(sqlite.platform, 'sqlite');
      assert.equal(sqlite.getTableName('store'), 'x_store');
    } finally {
      await sqlite.close();
    }
    const mysql = ConnectionFactory.fromUrl('mysql://root@127.0.0.1:1/none');
    assert.equal(mysql.platform, 'mysql');
    await mysql.close();
    assert.throws(() => ConnectionFactory.fromUrl('postgres://x@y/z'), DbException);
  });
});

describe('SQLite file unavailable', () => {
  it('a file that cannot be created is a ConnectionException', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lac-test-'));
    try {
      const notADirectory = join(directory, 'plain-file');
      writeFileSync(notADirectory, '');
      assert.throws(() => SqliteConnection.open({ path: join(notADirectory, 'magento.db') }), ConnectionException);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a closed connection answers ConnectionException', async () => {
    const db = SqliteConnection.open({ path: ':memory:' });
    await db.close();
    await assert.rejects(db.ping(), ConnectionException);
    await assert.rejects(db.transaction(async () => 1), ConnectionException);
  });
});

describe('MySQL connection lost while in use', () => {
  const url = mysqlTestUrl();
  if (url === undefined) {
    it('runs on MySQL/MariaDB', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }

  it('a statement over the query timeout fails as ConnectionException and the pool recovers', async () => {
    const db = MysqlConnection.fromUrl(url, { queryTimeoutMs: 300 });
    try {
      await rejectsWithin(db.fetchOne('SELECT SLEEP(5)'), ConnectionException, 2000);
      assert.equal(await db.fetchOne('SELECT 1'), 1);
    } finally {
      await db.close();
    }
  });

  it('a connection killed inside a transaction fails as ConnectionException and the pool recovers', async () => {
    const db = MysqlConnection.fromUrl(url);
    try {
      await assert.rejects(
        db.transaction(async (tx) => {
          const id = Number(await tx.fetchOne('SELECT CONNECTION_ID()'));
          await db.execute(`KILL ${id}`);
          await tx.fetchOne('SELECT 1');
        }),
        ConnectionException,
      );
      assert.equal(await db.fetchOne('SELECT 1'), 1);
      assert.equal(await db.transaction((tx) => tx.fetchOne('SELECT 2')), 2);
    } finally {
      await db.close();
    }
  });
});
