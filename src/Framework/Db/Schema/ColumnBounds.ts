import type { IntegerColumnType, SchemaColumn, SchemaTable } from './DbSchema.ts';

const INTEGER_BITS: Readonly<Record<IntegerColumnType, number>> = { tinyint: 8, smallint: 16, int: 32, bigint: 64 };

/** What a column of a declarative-schema table can hold, for validating values before they reach SQL. */
export interface ColumnBound {
  readonly column: string;
  /** The column's comment, which in Magento's schema is the attribute's label (`First Name`, `Name Prefix` …). */
  readonly label: string;
  /** varchar/varbinary: characters (MySQL counts characters in utf8mb4 columns). */
  readonly maxLength?: number;
  /** Integer columns: the range MySQL stores in strict mode (unsigned from 0). */
  readonly min?: number;
  readonly max?: number;
}

/**
 * A table's columns as bounds: lengths and integer ranges read from `etc/db_schema.xml`, so validation and
 * the schema cannot drift apart. SQLite ignores both, MySQL in strict mode refuses a value beyond them.
 */
export class ColumnBounds {
  private readonly bounds: ReadonlyMap<string, ColumnBound>;

  constructor(table: SchemaTable) {
    this.bounds = new Map(table.columns.map((column) => [column.name, Object.freeze(boundOf(column))]));
  }

  get(column: string): ColumnBound {
    const bound = this.bounds.get(column);
    if (bound === undefined) throw new Error(`Column "${column}" is not declared.`);
    return bound;
  }

  /** Whether a string fits: MySQL counts characters and drops trailing spaces beyond the length. */
  fitsLength(column: string, value: string): boolean {
    const { maxLength } = this.get(column);
    if (maxLength === undefined) return true;
    // A loop, not / +$/: that regex is quadratic on a long run of spaces followed by another character.
    let end = value.length;
    while (end > 0 && value.charCodeAt(end - 1) === 0x20) end -= 1;
    return [...value.slice(0, end)].length <= maxLength;
  }

  fitsRange(column: string, value: number): boolean {
    const { min, max } = this.get(column);
    return Number.isInteger(value) && (min === undefined || value >= min) && (max === undefined || value <= max);
  }
}

function boundOf(column: SchemaColumn): ColumnBound {
  const label = column.comment ?? column.name;
  if (column.type === 'varchar' || column.type === 'varbinary') {
    return column.length === undefined ? { column: column.name, label } : { column: column.name, label, maxLength: column.length };
  }
  if (column.type in INTEGER_BITS) {
    const bits = INTEGER_BITS[column.type as IntegerColumnType];
    // bigint's ends are beyond a JavaScript number; no request value gets there (TypeProcessor).
    const min = column.unsigned ? 0 : -(2 ** (bits - 1));
    const max = column.unsigned ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
    return { column: column.name, label, min, max };
  }
  return { column: column.name, label };
}
