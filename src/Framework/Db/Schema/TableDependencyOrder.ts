import type { SchemaTable } from './DbSchema.ts';

export type TableOrderResult =
  | { readonly ok: true; readonly tables: readonly SchemaTable[] }
  | { readonly ok: false; readonly cycle: readonly string[] };

/**
 * Orders tables so each comes after the tables its foreign keys reference (MySQL refuses a foreign
 * key to a table that does not exist yet). Stable: file order is kept wherever dependencies allow.
 * References to tables outside the list (already in the database) and to itself are ignored.
 */
export function orderTablesByDependency(tables: readonly SchemaTable[]): TableOrderResult {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: SchemaTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];

  const visit = (table: SchemaTable): readonly string[] | null => {
    const seen = state.get(table.name);
    if (seen === 'done') return null;
    if (seen === 'visiting') return [...path.slice(path.indexOf(table.name)), table.name];
    state.set(table.name, 'visiting');
    path.push(table.name);
    for (const fk of table.foreignKeys) {
      const target = byName.get(fk.referenceTable);
      if (target === undefined || target.name === table.name) continue;
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(table.name, 'done');
    ordered.push(table);
    return null;
  };

  for (const table of tables) {
    const cycle = visit(table);
    if (cycle) return { ok: false, cycle };
  }
  return { ok: true, tables: ordered };
}
