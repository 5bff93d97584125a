import { DbException } from '../Exception/DbException.ts';
import type { SqlValue } from './ConnectionInterface.ts';

/** A parameter as both drivers bind it safely. */
export type BoundValue = string | number | bigint | null | Buffer;

/**
 * Brings parameters to the one form both drivers accept. Booleans become 1/0 because libsql aborts
 * the whole process on a boolean and MySQL has no boolean type either (Magento stores 0/1).
 * `undefined`, NaN and other types are refused here, with the position, rather than bound as NULL.
 */
export function normalizeSqlParameters(params: readonly SqlValue[] | undefined): BoundValue[] {
  if (params === undefined) return [];
  return params.map((value, index) => {
    const v: unknown = value;
    if (v === null || typeof v === 'string' || typeof v === 'bigint' || Buffer.isBuffer(v)) return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      throw new DbException(`SQL parameter ${index + 1} is not a finite number.`);
    }
    const kind = v === undefined ? 'undefined' : typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v;
    throw new DbException(`SQL parameter ${index + 1} has an unsupported type (${kind}).`);
  });
}
