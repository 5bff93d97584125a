import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  ColumnDefault,
  ColumnType,
  DbSchema,
  ForeignKeyAction,
  SchemaColumn,
  SchemaForeignKey,
  SchemaIndex,
  SchemaKey,
  SchemaTable,
} from './DbSchema.ts';
import { DbSchemaException } from './DbSchemaException.ts';
import { orderTablesByDependency } from './TableDependencyOrder.ts';

type XmlNode = Record<string, unknown>;

const INTEGER_TYPES = new Set<ColumnType>(['tinyint', 'smallint', 'int', 'bigint']);
const REAL_TYPES = new Set<ColumnType>(['decimal', 'float', 'double']);
const SIZED_TYPES = new Set<ColumnType>(['varchar', 'varbinary']);
const DATE_TYPES = new Set<ColumnType>(['date', 'datetime', 'timestamp']);
/** MySQL (before 8.0.13) refuses a DEFAULT on these. */
const NO_DEFAULT_TYPES = new Set<ColumnType>(['text', 'mediumtext', 'longtext', 'blob', 'mediumblob', 'longblob']);
const COLUMN_TYPES = new Set<string>([
  ...INTEGER_TYPES,
  ...REAL_TYPES,
  ...SIZED_TYPES,
  ...DATE_TYPES,
  ...NO_DEFAULT_TYPES,
  'boolean',
]);
const FK_ACTIONS = new Set<string>(['CASCADE', 'SET NULL', 'NO ACTION']);
const INDEX_TYPES = new Set<string>(['btree', 'hash', 'fulltext']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_IDENTIFIER = 64;

const ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  schema: new Set(['xmlns:xsi', 'xsi:noNamespaceSchemaLocation']),
  table: new Set(['name', 'resource', 'engine', 'comment', 'charset', 'collation', 'disabled']),
  column: new Set([
    'xsi:type', 'name', 'unsigned', 'nullable', 'identity', 'length', 'default', 'on_update',
    'precision', 'scale', 'padding', 'comment', 'disabled',
  ]),
  constraint: new Set([
    'xsi:type', 'referenceId', 'name', 'table', 'column', 'referenceTable', 'referenceColumn', 'onDelete', 'disabled',
  ]),
  index: new Set(['referenceId', 'name', 'indexType', 'disabled']),
  keyColumn: new Set(['name']),
};

/**
 * Reads Magento's declarative schema format (`<schema><table><column xsi:type=…/><constraint/>
 * <index/></table></schema>`) into frozen values, validating everything the installer relies on:
 * a bad file stops boot with file, element and reason instead of failing halfway through DDL.
 * Features Magento uses for migrations between versions (onCreate, renames) are refused: this
 * installer only creates missing tables.
 */
export class DbSchemaReader {
  static readFile(path: string): DbSchema {
    let xml: string;
    try {
      xml = readFileSync(path, 'utf8');
    } catch (error) {
      throw new DbSchemaException(path, '', `cannot be read (${(error as Error).message})`);
    }
    return DbSchemaReader.parse(xml, path);
  }

  static parse(xml: string, file: string): DbSchema {
    return new SchemaParse(file).run(xml);
  }
}

class SchemaParse {
  constructor(private readonly file: string) {}

  run(xml: string): DbSchema {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw this.fail('', `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    }
    const document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseAttributeValue: false,
      parseTagValue: false,
      processEntities: true,
      ignoreDeclaration: true,
    }).parse(xml) as XmlNode;

    const roots = Object.keys(document).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
    if (roots.length !== 1 || roots[0] !== 'schema') {
      throw this.fail('', `the root element must be <schema>, found ${roots.map((r) => `<${r}>`).join(', ') || 'none'}`);
    }
    const schemaNode = asNode(document.schema);
    this.checkChildren(schemaNode, 'schema', ['table'], 'schema');
    this.checkAttributes(schemaNode, 'schema', 'schema');

    const tables: SchemaTable[] = [];
    for (const [index, node] of asList(schemaNode.table).entries()) {
      const table = this.readTable(node, index);
      if (table === null) continue;
      if (tables.some((t) => t.name === table.name)) throw this.fail(`table "${table.name}"`, 'is declared twice');
      tables.push(table);
    }
    this.checkCrossTable(tables);
    return deepFreeze({ file: this.file, tables });
  }

  private readTable(node: XmlNode, position: number): SchemaTable | null {
    const provisional = `table #${position + 1}`;
    const name = attr(node, 'name');
    const where = name ? `table "${name}"` : provisional;
    this.checkAttributes(node, 'table', where);
    if (this.flag(node, 'disabled', false, where)) return null;
    this.checkIdentifier(name, where, 'name');
    this.checkChildren(node, where, ['column', 'constraint', 'index'], 'table');

    const columns: SchemaColumn[] = [];
    for (const [i, columnNode] of asList(node.column).entries()) {
      const column = this.readColumn(columnNode, `${where} > ${describe('column', columnNode, i)}`);
      if (column === null) continue;
      if (columns.some((c) => c.name === column.name)) throw this.fail(`${where} > column "${column.name}"`, 'is declared twice');
      columns.push(column);
    }
    if (columns.length === 0) throw this.fail(where, 'has no columns');
    const columnNames = new Set(columns.map((c) => c.name));

    let primaryKey: SchemaKey | undefined;
    const uniqueKeys: SchemaKey[] = [];
    const foreignKeys: SchemaForeignKey[] = [];
    for (const [i, constraintNode] of asList(node.constraint).entries()) {
      const at = `${where} > ${describe('constraint', constraintNode, i)}`;
      this.checkAttributes(constraintNode, 'constraint', at);
      if (this.flag(constraintNode, 'disabled', false, at)) continue;
      const type = attr(constraintNode, 'xsi:type');
      const referenceId = attr(constraintNode, 'referenceId') ?? attr(constraintNode, 'name');
      this.checkIdentifier(referenceId, at, 'referenceId');
      if (type === 'primary' || type === 'unique') {
        this.checkChildren(constraintNode, at, ['column'], 'constraint');
        const key = { referenceId: referenceId as string, columns: this.readKeyColumns(constraintNode, at, columnNames) };
        if (type === 'primary') {
          if (primaryKey) throw this.fail(at, 'a table can have only one primary constraint');
          primaryKey = key;
        } else {
          uniqueKeys.push(key);
        }
      } else if (type === 'foreign') {
        this.checkChildren(constraintNode, at, [], 'constraint');
        foreignKeys.push(this.readForeignKey(constraintNode, at, name as string, columns));
      } else {
        throw this.fail(at, `unknown xsi:type "${type ?? ''}" (expected primary, unique or foreign)`);
      }
    }

    const indexes: SchemaIndex[] = [];
    for (const [i, indexNode] of asList(node.index).entries()) {
      const at = `${where} > ${describe('index', indexNode, i)}`;
      this.checkAttributes(indexNode, 'index', at);
      if (this.flag(indexNode, 'disabled', false, at)) continue;
      this.checkChildren(indexNode, at, ['column'], 'index');
      const referenceId = attr(indexNode, 'referenceId') ?? attr(indexNode, 'name');
      this.checkIdentifier(referenceId, at, 'referenceId');
      const indexType = attr(indexNode, 'indexType') ?? 'btree';
      if (!INDEX_TYPES.has(indexType)) throw this.fail(at, `unknown indexType "${indexType}" (expected btree, hash or fulltext)`);
      indexes.push({
        referenceId: referenceId as string,
        indexType: indexType as SchemaIndex['indexType'],
        columns: this.readKeyColumns(indexNode, at, columnNames),
      });
    }

    const identity = columns.filter((c) => c.identity);
    if (identity.length > 1) throw this.fail(where, 'has more than one identity column');
    const identityColumn = identity[0];
    if (identityColumn) {
      const pk = primaryKey?.columns ?? [];
      if (pk.length !== 1 || pk[0] !== identityColumn.name) {
        // SQLite can only auto-increment an INTEGER PRIMARY KEY of its own.
        throw this.fail(`${where} > column "${identityColumn.name}"`, 'an identity column must be the whole primary key');
      }
    }
    // Primary key columns are NOT NULL on MySQL whatever the file says; make SQLite agree.
    const pkColumns = new Set(primaryKey?.columns ?? []);
    const finalColumns = columns.map((c) => (pkColumns.has(c.name) && c.nullable ? { ...c, nullable: false } : c));

    const engine = (attr(node, 'engine') ?? 'innodb').toLowerCase();
    if (engine !== 'innodb' && engine !== 'memory') throw this.fail(where, `unknown engine "${engine}" (expected innodb or memory)`);
    return {
      name: name as string,
      resource: attr(node, 'resource') ?? 'default',
      engine,
      ...optional('comment', attr(node, 'comment')),
      ...optional('charset', attr(node, 'charset')),
      ...optional('collation', attr(node, 'collation')),
      columns: finalColumns,
      ...(primaryKey ? { primaryKey } : {}),
      uniqueKeys,
      foreignKeys,
      indexes,
    };
  }

  private readColumn(node: XmlNode, at: string): SchemaColumn | null {
    this.checkAttributes(node, 'column', at);
    this.checkChildren(node, at, [], 'column');
    if (this.flag(node, 'disabled', false, at)) return null;
    const name = attr(node, 'name');
    this.checkIdentifier(name, at, 'name');
    const rawType = attr(node, 'xsi:type');
    if (rawType === undefined || !COLUMN_TYPES.has(rawType)) {
      throw this.fail(at, `unknown xsi:type "${rawType ?? ''}" (expected one of ${[...COLUMN_TYPES].join(', ')})`);
    }
    const type = rawType as ColumnType;
    const numeric = INTEGER_TYPES.has(type) || REAL_TYPES.has(type);

    const identity = this.flag(node, 'identity', false, at);
    if (identity && !INTEGER_TYPES.has(type)) throw this.fail(at, `identity="true" needs an integer type, not ${type}`);
    const unsigned = this.flag(node, 'unsigned', false, at);
    if (unsigned && !numeric) throw this.fail(at, `unsigned applies to numeric columns only, not ${type}`);
    const nullable = identity ? false : this.flag(node, 'nullable', true, at);

    let length: number | undefined;
    if (SIZED_TYPES.has(type)) length = this.integer(node, 'length', at, 1, 65535) ?? 255;
    else if (attr(node, 'length') !== undefined) throw this.fail(at, `length applies to varchar and varbinary only, not ${type}`);

    let precision: number | undefined;
    let scale: number | undefined;
    if (REAL_TYPES.has(type)) {
      precision = this.integer(node, 'precision', at, 1, 65) ?? (type === 'decimal' ? 10 : undefined);
      scale = this.integer(node, 'scale', at, 0, 30) ?? (type === 'decimal' ? 0 : undefined);
      if (precision !== undefined && scale !== undefined && scale > precision) throw this.fail(at, 'scale is larger than precision');
      if (type !== 'decimal' && (precision === undefined) !== (scale === undefined)) {
        throw this.fail(at, `${type} takes both precision and scale, or neither`);
      }
    } else if (attr(node, 'precision') !== undefined || attr(node, 'scale') !== undefined) {
      throw this.fail(at, `precision and scale apply to decimal, float and double only, not ${type}`);
    }
    // Magento ignores padding (display width) today; accept it for files copied from Magento.
    if (attr(node, 'padding') !== undefined) this.integer(node, 'padding', at, 1, 255);

    const onUpdateRaw = attr(node, 'on_update');
    let onUpdate = false;
    if (onUpdateRaw !== undefined) {
      if (type !== 'timestamp' && type !== 'datetime') throw this.fail(at, `on_update applies to timestamp and datetime only, not ${type}`);
      onUpdate = onUpdateRaw === 'CURRENT_TIMESTAMP' || this.flag(node, 'on_update', false, at);
    }

    const defaultValue = this.readDefault(attr(node, 'default'), type, nullable, identity, at);
    return {
      name: name as string,
      type,
      nullable,
      unsigned,
      identity,
      ...optional('length', length),
      ...optional('precision', precision),
      ...optional('scale', scale),
      ...optional('default', defaultValue),
      onUpdate,
      ...optional('comment', attr(node, 'comment')),
    };
  }

  private readDefault(
    raw: string | undefined,
    type: ColumnType,
    nullable: boolean,
    identity: boolean,
    at: string,
  ): ColumnDefault | undefined {
    if (raw === undefined) return undefined;
    if (identity) throw this.fail(at, 'an identity column cannot have a default');
    if (NO_DEFAULT_TYPES.has(type)) throw this.fail(at, `a ${type} column cannot have a default`);
    if (raw.toLowerCase() === 'null') {
      if (!nullable) throw this.fail(at, 'default="null" on a column with nullable="false"');
      return { kind: 'null' };
    }
    if (INTEGER_TYPES.has(type)) {
      if (!/^-?\d+$/.test(raw)) throw this.fail(at, `default "${raw}" is not an integer`);
      return { kind: 'literal', value: Number(raw) };
    }
    if (type === 'boolean') {
      if (raw === 'true' || raw === '1') return { kind: 'literal', value: 1 };
      if (raw === 'false' || raw === '0') return { kind: 'literal', value: 0 };
      throw this.fail(at, `default "${raw}" is not a boolean (true, false, 1, 0)`);
    }
    if (REAL_TYPES.has(type)) {
      if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(raw)) throw this.fail(at, `default "${raw}" is not a number`);
      return { kind: 'literal', value: Number(raw) };
    }
    if (DATE_TYPES.has(type)) {
      if (raw.toUpperCase() === 'CURRENT_TIMESTAMP') {
        if (type === 'date') throw this.fail(at, 'a date column cannot default to CURRENT_TIMESTAMP');
        return { kind: 'currentTimestamp' };
      }
      if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(raw)) {
        throw this.fail(at, `default "${raw}" is not CURRENT_TIMESTAMP, null or a YYYY-MM-DD[ HH:MM:SS] value`);
      }
      return { kind: 'literal', value: raw };
    }
    return { kind: 'literal', value: raw };
  }

  private readKeyColumns(node: XmlNode, at: string, known: ReadonlySet<string>): string[] {
    const names: string[] = [];
    for (const [i, columnNode] of asList(node.column).entries()) {
      const where = `${at} > column #${i + 1}`;
      this.checkAttributes(columnNode, 'keyColumn', where);
      const name = attr(columnNode, 'name');
      if (name === undefined) throw this.fail(where, 'has no name attribute');
      if (!known.has(name)) throw this.fail(at, `names column "${name}", which the table does not declare`);
      if (names.includes(name)) throw this.fail(at, `lists column "${name}" twice`);
      names.push(name);
    }
    if (names.length === 0) throw this.fail(at, 'lists no <column name="…"/>');
    return names;
  }

  private readForeignKey(node: XmlNode, at: string, tableName: string, columns: readonly SchemaColumn[]): SchemaForeignKey {
    const ownTable = attr(node, 'table');
    if (ownTable !== undefined && ownTable !== tableName) {
      throw this.fail(at, `table="${ownTable}" must name the enclosing table "${tableName}"`);
    }
    const column = this.required(node, 'column', at);
    const referenceTable = this.required(node, 'referenceTable', at);
    const referenceColumn = this.required(node, 'referenceColumn', at);
    const onDelete = attr(node, 'onDelete') ?? 'CASCADE';
    if (!FK_ACTIONS.has(onDelete)) throw this.fail(at, `unknown onDelete "${onDelete}" (expected CASCADE, SET NULL or NO ACTION)`);
    const own = columns.find((c) => c.name === column);
    if (own === undefined) throw this.fail(at, `column="${column}" is not a column of the table`);
    if (onDelete === 'SET NULL' && !own.nullable) throw this.fail(at, `onDelete="SET NULL" needs column "${column}" to be nullable`);
    return { referenceId: attr(node, 'referenceId') ?? (attr(node, 'name') as string), column, referenceTable, referenceColumn, onDelete: onDelete as ForeignKeyAction };
  }

  /** Checks that need every table: foreign key targets, name clashes, dependency cycles. */
  private checkCrossTable(tables: readonly SchemaTable[]): void {
    // Names that must be unique database-wide: SQLite index names and MySQL foreign key names.
    // Unique keys and indexes share one namespace per table in MySQL.
    const indexNames = new Map<string, string>();
    const foreignKeyNames = new Map<string, string>();
    const claim = (names: Map<string, string>, referenceId: string, table: string): void => {
      const other = names.get(referenceId.toLowerCase());
      if (other !== undefined) {
        throw this.fail(`table "${table}" > referenceId "${referenceId}"`, `is already used${other === table ? '' : ` in table "${other}"`}`);
      }
      names.set(referenceId.toLowerCase(), table);
    };
    for (const table of tables) {
      const keyNames = new Map<string, string>();
      for (const key of table.uniqueKeys) claim(keyNames, key.referenceId, table.name);
      for (const index of table.indexes) {
        claim(keyNames, index.referenceId, table.name);
        claim(indexNames, index.referenceId, table.name);
      }
      for (const fk of table.foreignKeys) claim(foreignKeyNames, fk.referenceId, table.name);
      for (const fk of table.foreignKeys) {
        const at = `table "${table.name}" > constraint "${fk.referenceId}"`;
        const target = tables.find((t) => t.name === fk.referenceTable);
        if (target === undefined) throw this.fail(at, `referenceTable "${fk.referenceTable}" is not declared in this schema`);
        const targetColumn = target.columns.find((c) => c.name === fk.referenceColumn);
        if (targetColumn === undefined) {
          throw this.fail(at, `referenceColumn "${fk.referenceColumn}" is not a column of "${fk.referenceTable}"`);
        }
        const own = table.columns.find((c) => c.name === fk.column) as SchemaColumn;
        if (own.type !== targetColumn.type || own.unsigned !== targetColumn.unsigned || own.length !== targetColumn.length) {
          throw this.fail(at, `column "${fk.column}" (${typeLabel(own)}) and "${fk.referenceTable}.${fk.referenceColumn}" (${typeLabel(targetColumn)}) must have the same type`);
        }
        const keyed = [target.primaryKey, ...target.uniqueKeys, ...target.indexes].some((k) => k?.columns[0] === fk.referenceColumn);
        if (!keyed) throw this.fail(at, `"${fk.referenceTable}.${fk.referenceColumn}" must lead a primary, unique or index key`);
      }
    }
    const order = orderTablesByDependency(tables);
    if (!order.ok) throw this.fail(`table "${order.cycle[0]}"`, `foreign keys form a cycle: ${order.cycle.join(' → ')}`);
  }

  private checkAttributes(node: XmlNode, kind: keyof typeof ATTRIBUTES, at: string): void {
    const allowed = ATTRIBUTES[kind] as ReadonlySet<string>;
    for (const key of Object.keys(node)) {
      if (!key.startsWith('@_')) continue;
      const name = key.slice(2);
      if (!allowed.has(name) && !name.startsWith('xmlns')) throw this.fail(at, `unsupported attribute "${name}"`);
    }
  }

  private checkChildren(node: XmlNode, at: string, allowed: readonly string[], kind: string): void {
    for (const key of Object.keys(node)) {
      if (key.startsWith('@_')) continue;
      if (key === '#text') {
        if (String(node[key]).trim() !== '') throw this.fail(at, `unexpected text inside <${kind}>`);
        continue;
      }
      if (!allowed.includes(key)) throw this.fail(at, `unexpected element <${key}> inside <${kind}>`);
    }
  }

  private checkIdentifier(value: string | undefined, at: string, attribute: string): void {
    if (value === undefined || value === '') throw this.fail(at, `has no ${attribute} attribute`);
    if (!IDENTIFIER.test(value)) throw this.fail(at, `${attribute} "${value}" must be letters, digits and underscores`);
    if (value.length > MAX_IDENTIFIER) throw this.fail(at, `${attribute} "${value}" is longer than ${MAX_IDENTIFIER} characters`);
  }

  private required(node: XmlNode, name: string, at: string): string {
    const value = attr(node, name);
    if (value === undefined || value === '') throw this.fail(at, `has no ${name} attribute`);
    return value;
  }

  private flag(node: XmlNode, name: string, fallback: boolean, at: string): boolean {
    const value = attr(node, name);
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw this.fail(at, `${name}="${value}" is not a boolean (true, false, 1, 0)`);
  }

  private integer(node: XmlNode, name: string, at: string, min: number, max: number): number | undefined {
    const value = attr(node, name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw this.fail(at, `${name}="${value}" must be an integer from ${min} to ${max}`);
    }
    return Number(value);
  }

  private fail(element: string, reason: string): DbSchemaException {
    return new DbSchemaException(this.file, element, reason);
  }
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

function asList(value: unknown): XmlNode[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asNode);
}

function describe(kind: string, node: XmlNode, index: number): string {
  const name = attr(node, 'name') ?? attr(node, 'referenceId');
  return name ? `${kind} "${name}"` : `${kind} #${index + 1}`;
}

function typeLabel(column: SchemaColumn): string {
  return `${column.type}${column.length !== undefined ? `(${column.length})` : ''}${column.unsigned ? ' unsigned' : ''}`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
