import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import type { ConnectionInterface } from '../../../../src/Framework/Db/ConnectionInterface.ts';
import { DbSchemaReader } from '../../../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { SchemaInstaller } from '../../../../src/Framework/Db/Schema/SchemaInstaller.ts';
import { DbException, DuplicateKeyException } from '../../../../src/Framework/Exception/DbException.ts';
import { createSchemaInstaller, forEachDatabase, schemaFile, uniqueSuffix } from '../../../support/databases.ts';

/** A parent/child pair using every column type the reader knows, with keys, indexes and a foreign key. */
function probeSchemaXml(parent: string, child: string): string {
  return `<?xml version="1.0"?>
<schema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <table name="${child}" resource="default" engine="innodb" comment="Probe child">
    <column xsi:type="bigint" name="child_id" unsigned="true" nullable="false" identity="true" comment="Child ID"/>
    <column xsi:type="int" name="parent_id" unsigned="true" nullable="true" comment="Parent"/>
    <column xsi:type="varchar" name="code" length="40" nullable="false" comment="It's quoted"/>
    <column xsi:type="decimal" name="amount" precision="12" scale="4" nullable="false" default="12.5"/>
    <column xsi:type="boolean" name="is_on" nullable="false" default="true"/>
    <column xsi:type="tinyint" name="tiny" nullable="false" default="-3"/>
    <column xsi:type="smallint" name="small" unsigned="true" nullable="false" default="7"/>
    <column xsi:type="float" name="ratio" nullable="true"/>
    <column xsi:type="double" name="big_ratio" nullable="true"/>
    <column xsi:type="text" name="note" nullable="true"/>
    <column xsi:type="mediumtext" name="body" nullable="true"/>
    <column xsi:type="longtext" name="long_body" nullable="true"/>
    <column xsi:type="blob" name="payload" nullable="true"/>
    <column xsi:type="mediumblob" name="medium_payload" nullable="true"/>
    <column xsi:type="longblob" name="long_payload" nullable="true"/>
    <column xsi:type="varbinary" name="hash" length="32" nullable="true"/>
    <column xsi:type="date" name="day" nullable="true"/>
    <column xsi:type="datetime" name="seen_at" nullable="true"/>
    <column xsi:type="timestamp" name="created_at" nullable="false" default="CURRENT_TIMESTAMP"/>
    <constraint xsi:type="primary" referenceId="PRIMARY"><column name="child_id"/></constraint>
    <constraint xsi:type="unique" referenceId="${child.toUpperCase()}_CODE"><column name="code"/></constraint>
    <constraint xsi:type="foreign" referenceId="${child.toUpperCase()}_PARENT_ID_${parent.toUpperCase()}_PARENT_ID"
                table="${child}" column="parent_id" referenceTable="${parent}" referenceColumn="parent_id" onDelete="CASCADE"/>
    <index referenceId="${child.toUpperCase()}_PARENT_ID_SMALL" indexType="btree">
      <column name="parent_id"/><column name="small"/>
    </index>
  </table>
  <table name="${parent}" resource="default" engine="innodb" comment="Probe parent">
    <column xsi:type="int" name="parent_id" unsigned="true" nullable="false" identity="true"/>
    <column xsi:type="varchar" name="name" length="64" nullable="true"/>
    <constraint xsi:type="primary" referenceId="PRIMARY"><column name="parent_id"/></constraint>
  </table>
</schema>`;
}

async function dropTables(connection: ConnectionInterface, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await connection.execute(`DROP TABLE IF EXISTS ${connection.quoteIdentifier(connection.getTableName(table))}`);
  }
}

async function indexExists(connection: ConnectionInterface, table: string, index: string): Promise<boolean> {
  const found =
    connection.platform === 'mysql'
      ? await connection.fetchOne(
          'SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?',
          [connection.getTableName(table), index],
        )
      : await connection.fetchOne("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?", [
          connection.getTableName(table),
          index,
        ]);
  return Number(found) > 0;
}

async function columnNames(connection: ConnectionInterface, table: string): Promise<string[]> {
  const name = connection.getTableName(table);
  const rows =
    connection.platform === 'mysql'
      ? await connection.fetchAll<{ name: string }>(
          'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
          [name],
        )
      : await connection.fetchAll<{ name: string }>('SELECT name FROM pragma_table_info(?)', [name]);
  return rows.map((r) => r.name);
}

forEachDatabase('SchemaInstaller', (getDb, { platform }) => {
  const dropped: string[] = [];
  after(async () => {
    await dropTables(getDb(), dropped);
  });

  it('has created every table of etc/db_schema.xml', async () => {
    for (const table of DbSchemaReader.readFile(schemaFile()).tables) {
      assert.equal(await getDb().tableExists(table.name), true, table.name);
    }
    assert.equal(await getDb().tableExists(`lac_missing_${uniqueSuffix()}`), false);
  });

  it('a second install creates nothing, reports the existing tables and re-runs the patches', async () => {
    const report = await createSchemaInstaller().install(getDb());
    assert.deepEqual(report.created, []);
    assert.deepEqual(
      [...report.existing].sort(),
      DbSchemaReader.readFile(schemaFile()).tables.map((t) => t.name).sort(),
    );
    assert.ok(report.patches.includes('Magento\\Store\\Setup\\Patch\\Schema\\InitializeStoresAndWebsites'));
  });

  it('creates a missing table with its types, defaults, keys, indexes and foreign key', async () => {
    const s = uniqueSuffix();
    const parent = `lac_tp_${s}`;
    const child = `lac_tc_${s}`;
    dropped.unshift(child, parent);
    const schema = DbSchemaReader.parse(probeSchemaXml(parent, child), 'probe.xml');
    const report = await new SchemaInstaller(schema).install(getDb());
    assert.deepEqual(report.created, [parent, child], 'referenced table first');

    const db = getDb();
    const parentId = (await db.insert(parent, { name: 'p' })).insertId;
    assert.ok(parentId > 0);
    const childId = (await db.insert(child, { parent_id: parentId, code: 'c1', payload: Buffer.from([0, 1, 254]) })).insertId;
    const row = await db.fetchRow(`SELECT * FROM ${db.quoteIdentifier(db.getTableName(child))} WHERE child_id = ?`, [childId]);
    assert.ok(row);
    assert.equal(row.amount, 12.5);
    assert.equal(row.is_on, 1);
    assert.equal(row.tiny, -3);
    assert.equal(row.small, 7);
    assert.equal(row.note, null);
    assert.ok(Buffer.isBuffer(row.payload));
    assert.deepEqual([...(row.payload as Buffer)], [0, 1, 254]);
    assert.match(String(row.created_at), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await assert.rejects(db.insert(child, { parent_id: parentId, code: 'C1' }), DuplicateKeyException);
    const orphan = await db.insert(child, { parent_id: 999_999, code: 'c2' }).then(() => undefined, (e: unknown) => e);
    assert.ok(orphan instanceof DbException && !(orphan instanceof DuplicateKeyException), 'foreign key enforced');

    assert.equal(await indexExists(db, child, `${child.toUpperCase()}_PARENT_ID_SMALL`), true);

    await db.execute(`DELETE FROM ${db.quoteIdentifier(db.getTableName(parent))} WHERE parent_id = ?`, [parentId]);
    const left = await db.fetchOne(`SELECT COUNT(*) FROM ${db.quoteIdentifier(db.getTableName(child))} WHERE parent_id = ?`, [parentId]);
    assert.equal(Number(left), 0, 'ON DELETE CASCADE');
  });

  it('uses the dialect: AUTOINCREMENT primary key on SQLite, InnoDB utf8mb4 on MySQL', async () => {
    const s = uniqueSuffix();
    const parent = `lac_tp_${s}`;
    const child = `lac_tc_${s}`;
    dropped.unshift(child, parent);
    await new SchemaInstaller(DbSchemaReader.parse(probeSchemaXml(parent, child), 'probe.xml')).install(getDb());
    if (platform === 'sqlite') {
      const sql = String(await getDb().fetchOne("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [parent]));
      assert.match(sql, /"parent_id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL/);
    } else {
      const row = await getDb().fetchRow<Record<string, string>>(`SHOW CREATE TABLE ${getDb().quoteIdentifier(parent)}`);
      const sql = String(row?.['Create Table']);
      assert.match(sql, /ENGINE=InnoDB/);
      assert.match(sql, /CHARSET=utf8mb4/);
      assert.match(sql, /`parent_id` int(\(10\))? unsigned NOT NULL AUTO_INCREMENT/);
    }
  });

  it('never alters a table that already exists', async () => {
    const s = uniqueSuffix();
    const table = `lac_te_${s}`;
    dropped.unshift(table);
    const db = getDb();
    await db.execute(`CREATE TABLE ${db.quoteIdentifier(db.getTableName(table))} (id INTEGER NOT NULL, note VARCHAR(10))`);
    await db.insert(table, { id: 1, note: 'kept' });
    const schema = DbSchemaReader.parse(
      `<schema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <table name="${table}">
          <column xsi:type="int" name="id" nullable="false" identity="true"/>
          <column xsi:type="varchar" name="note" length="255"/>
          <column xsi:type="varchar" name="extra" length="255"/>
          <constraint xsi:type="primary" referenceId="PRIMARY"><column name="id"/></constraint>
          <index referenceId="${table.toUpperCase()}_NOTE"><column name="note"/></index>
        </table>
      </schema>`,
      'existing.xml',
    );
    const report = await new SchemaInstaller(schema).install(db);
    assert.deepEqual(report, { created: [], existing: [table], patches: [] });
    assert.deepEqual(await columnNames(db, table), ['id', 'note']);
    assert.equal(await indexExists(db, table, `${table.toUpperCase()}_NOTE`), false);
    assert.equal(await db.fetchOne(`SELECT note FROM ${db.quoteIdentifier(db.getTableName(table))} WHERE id = ?`, [1]), 'kept');
  });
});

forEachDatabase(
  'SchemaInstaller with a table prefix',
  (getDb, { platform }) => {
    it('applies the prefix to table names, keys and foreign keys', async () => {
      const db = getDb();
      assert.equal(db.getTableName('store'), 'lt_store');
      assert.equal(await db.tableExists('store'), true);
      const code = await db.fetchOne(`SELECT code FROM ${db.quoteIdentifier('lt_store')} WHERE store_id = ?`, [1]);
      assert.equal(code, 'default');
      assert.equal(await indexExists(db, 'store', 'lt_STORE_GROUP_ID'), true);
      if (platform === 'mysql') {
        const fk = await db.fetchOne(
          "SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'lt_store' AND CONSTRAINT_NAME = ?",
          ['lt_STORE_GROUP_ID_STORE_GROUP_GROUP_ID'],
        );
        assert.equal(Number(fk), 1);
      }
    });

    it('writes through the helpers go to the prefixed table', async () => {
      const db = getDb();
      const path = `lac_test/prefix/${uniqueSuffix()}`;
      await db.insert('core_config_data', { path, value: 'p' });
      assert.equal(await db.fetchOne(`SELECT value FROM ${db.quoteIdentifier('lt_core_config_data')} WHERE path = ?`, [path]), 'p');
    });
  },
  { tablePrefix: 'lt_' },
);
