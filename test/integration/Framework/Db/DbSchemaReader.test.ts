import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DbSchemaException } from '../../../../src/Framework/Db/Schema/DbSchemaException.ts';
import { DbSchemaReader } from '../../../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { schemaFile } from '../../../support/databases.ts';

const HEAD = '<?xml version="1.0"?>\n<schema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
const TAIL = '</schema>';

/** A valid table to which a case adds its faulty part. */
function table(name: string, inner: string): string {
  return `<table name="${name}">
    <column xsi:type="int" name="id" unsigned="true" nullable="false" identity="true"/>
    ${inner}
    <constraint xsi:type="primary" referenceId="PRIMARY"><column name="id"/></constraint>
  </table>`;
}

describe('DbSchemaReader', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lac-schema-'));
  after(() => rmSync(directory, { recursive: true, force: true }));
  let counter = 0;
  const write = (xml: string): string => {
    const file = join(directory, `db_schema_${++counter}.xml`);
    writeFileSync(file, xml);
    return file;
  };

  it('reads the Magento store and config tables from etc/db_schema.xml', () => {
    const schema = DbSchemaReader.readFile(schemaFile());
    const website = schema.tables.find((t) => t.name === 'store_website');
    assert.ok(website);
    assert.equal(website.engine, 'innodb');
    assert.equal(website.comment, 'Websites');
    assert.deepEqual(website.columns[0], {
      name: 'website_id',
      type: 'smallint',
      nullable: false,
      unsigned: true,
      identity: true,
      onUpdate: false,
      comment: 'Website ID',
    });
    assert.deepEqual(website.primaryKey, { referenceId: 'PRIMARY', columns: ['website_id'] });
    assert.deepEqual(website.uniqueKeys, [{ referenceId: 'STORE_WEBSITE_CODE', columns: ['code'] }]);

    const store = schema.tables.find((t) => t.name === 'store');
    assert.deepEqual(
      store?.foreignKeys.map((fk) => [fk.column, fk.referenceTable, fk.referenceColumn, fk.onDelete]),
      [
        ['group_id', 'store_group', 'group_id', 'CASCADE'],
        ['website_id', 'store_website', 'website_id', 'CASCADE'],
      ],
    );
    assert.deepEqual(store?.indexes.find((i) => i.referenceId === 'STORE_IS_ACTIVE_SORT_ORDER')?.columns, ['is_active', 'sort_order']);

    const config = schema.tables.find((t) => t.name === 'core_config_data');
    assert.deepEqual(config?.uniqueKeys, [{ referenceId: 'CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH', columns: ['scope', 'scope_id', 'path'] }]);
    const updatedAt = config?.columns.find((c) => c.name === 'updated_at');
    assert.equal(updatedAt?.onUpdate, true);
    assert.deepEqual(updatedAt?.default, { kind: 'currentTimestamp' });
    assert.deepEqual(config?.columns.find((c) => c.name === 'scope')?.default, { kind: 'literal', value: 'default' });
  });

  it('returns frozen values', () => {
    const schema = DbSchemaReader.readFile(schemaFile());
    assert.ok(Object.isFrozen(schema));
    assert.ok(Object.isFrozen(schema.tables));
    assert.ok(Object.isFrozen(schema.tables[0]?.columns[0]));
    assert.throws(() => {
      (schema.tables as unknown as unknown[]).push({});
    }, TypeError);
  });

  it('treats primary key columns as NOT NULL and applies Magento defaults', () => {
    const schema = DbSchemaReader.parse(
      `${HEAD}<table name="t"><column xsi:type="varchar" name="code"/><column xsi:type="decimal" name="amount"/>
       <constraint xsi:type="primary" referenceId="PRIMARY"><column name="code"/></constraint></table>${TAIL}`,
      'inline.xml',
    );
    const [code, amount] = schema.tables[0]?.columns ?? [];
    assert.equal(code?.nullable, false);
    assert.equal(code?.length, 255);
    assert.equal(amount?.nullable, true);
    assert.equal(amount?.precision, 10);
    assert.equal(amount?.scale, 0);
  });

  const cases: ReadonlyArray<{ name: string; xml: string; element: string | RegExp; reason: RegExp }> = [
    { name: 'malformed XML', xml: `${HEAD}<table name="t">${TAIL}`, element: '', reason: /^malformed XML at line \d+, column \d+/ },
    { name: 'wrong root element', xml: '<tables/>', element: '', reason: /root element must be <schema>/ },
    {
      name: 'unknown column type',
      xml: `${HEAD}${table('t', '<column xsi:type="varchr" name="code"/>')}${TAIL}`,
      element: 'table "t" > column "code"',
      reason: /unknown xsi:type "varchr"/,
    },
    {
      name: 'misspelt attribute',
      xml: `${HEAD}${table('t', '<column xsi:type="varchar" name="code" nulable="false"/>')}${TAIL}`,
      element: 'table "t" > column "code"',
      reason: /unsupported attribute "nulable"/,
    },
    {
      name: 'non-boolean flag',
      xml: `${HEAD}${table('t', '<column xsi:type="int" name="n" nullable="no"/>')}${TAIL}`,
      element: 'table "t" > column "n"',
      reason: /nullable="no" is not a boolean/,
    },
    {
      name: 'bad integer default',
      xml: `${HEAD}${table('t', '<column xsi:type="int" name="n" default="abc"/>')}${TAIL}`,
      element: 'table "t" > column "n"',
      reason: /default "abc" is not an integer/,
    },
    {
      name: 'default on a text column',
      xml: `${HEAD}${table('t', '<column xsi:type="text" name="body" default="x"/>')}${TAIL}`,
      element: 'table "t" > column "body"',
      reason: /a text column cannot have a default/,
    },
    {
      name: 'duplicate column',
      xml: `${HEAD}${table('t', '<column xsi:type="int" name="id"/>')}${TAIL}`,
      element: 'table "t" > column "id"',
      reason: /is declared twice/,
    },
    {
      name: 'key on an undeclared column',
      xml: `${HEAD}${table('t', '<constraint xsi:type="unique" referenceId="T_CODE"><column name="code"/></constraint>')}${TAIL}`,
      element: 'table "t" > constraint "T_CODE"',
      reason: /names column "code", which the table does not declare/,
    },
    {
      name: 'unknown constraint type',
      xml: `${HEAD}${table('t', '<constraint xsi:type="check" referenceId="T_CHECK"/>')}${TAIL}`,
      element: 'table "t" > constraint "T_CHECK"',
      reason: /unknown xsi:type "check"/,
    },
    {
      name: 'identity column that is not the primary key',
      xml: `${HEAD}<table name="t"><column xsi:type="int" name="id" identity="true"/><column xsi:type="int" name="k" nullable="false"/>
             <constraint xsi:type="primary" referenceId="PRIMARY"><column name="k"/></constraint></table>${TAIL}`,
      element: 'table "t" > column "id"',
      reason: /identity column must be the whole primary key/,
    },
    {
      name: 'foreign key to an undeclared table',
      xml: `${HEAD}${table(
        't',
        '<column xsi:type="int" name="other_id" unsigned="true"/><constraint xsi:type="foreign" referenceId="T_OTHER" column="other_id" referenceTable="other" referenceColumn="id"/>',
      )}${TAIL}`,
      element: 'table "t" > constraint "T_OTHER"',
      reason: /referenceTable "other" is not declared/,
    },
    {
      name: 'foreign key between different types',
      xml: `${HEAD}${table('a', '')}${table(
        'b',
        '<column xsi:type="smallint" name="a_id" unsigned="true"/><constraint xsi:type="foreign" referenceId="B_A" column="a_id" referenceTable="a" referenceColumn="id"/>',
      )}${TAIL}`,
      element: 'table "b" > constraint "B_A"',
      reason: /must have the same type/,
    },
    {
      name: 'foreign key cycle',
      xml: `${HEAD}${table(
        'a',
        '<column xsi:type="int" name="b_id" unsigned="true"/><constraint xsi:type="foreign" referenceId="A_B" column="b_id" referenceTable="b" referenceColumn="id"/>',
      )}${table(
        'b',
        '<column xsi:type="int" name="a_id" unsigned="true"/><constraint xsi:type="foreign" referenceId="B_A" column="a_id" referenceTable="a" referenceColumn="id"/>',
      )}${TAIL}`,
      element: 'table "a"',
      reason: /foreign keys form a cycle: a → b → a/,
    },
    {
      name: 'index name used twice in the database',
      xml: `${HEAD}${table('a', '<index referenceId="SAME"><column name="id"/></index>')}${table('b', '<index referenceId="SAME"><column name="id"/></index>')}${TAIL}`,
      element: 'table "b" > referenceId "SAME"',
      reason: /is already used in table "a"/,
    },
    {
      name: 'duplicate table',
      xml: `${HEAD}${table('t', '')}${table('t', '')}${TAIL}`,
      element: 'table "t"',
      reason: /is declared twice/,
    },
    {
      name: 'table name that is not an identifier',
      xml: `${HEAD}${table('bad-name', '')}${TAIL}`,
      element: 'table "bad-name"',
      reason: /name "bad-name" must be letters, digits and underscores/,
    },
    {
      name: 'unexpected element',
      xml: `${HEAD}${table('t', '<trigger name="x"/>')}${TAIL}`,
      element: 'table "t"',
      reason: /unexpected element <trigger> inside <table>/,
    },
  ];

  for (const c of cases) {
    it(`refuses a file with ${c.name}, naming file, element and reason`, () => {
      const file = write(c.xml);
      assert.throws(
        () => DbSchemaReader.readFile(file),
        (error: unknown) => {
          assert.ok(error instanceof DbSchemaException, `got ${String(error)}`);
          assert.equal(error.file, file);
          if (typeof c.element === 'string') assert.equal(error.element, c.element);
          else assert.match(error.element, c.element);
          assert.match(error.reason, c.reason);
          assert.ok(error.message.startsWith(`${file}: `));
          return true;
        },
      );
    });
  }

  it('refuses a file that cannot be read', () => {
    const missing = join(directory, 'missing.xml');
    assert.throws(() => DbSchemaReader.readFile(missing), (error: unknown) => {
      assert.ok(error instanceof DbSchemaException);
      assert.equal(error.file, missing);
      assert.match(error.reason, /cannot be read/);
      return true;
    });
  });
});
