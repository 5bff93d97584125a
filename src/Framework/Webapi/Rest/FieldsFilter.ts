import { isRequestObject, type RequestObject } from '../RequestObject.ts';

/** A parsed `fields` value: a name maps to `true` (keep the whole value) or to the fields to keep inside it. */
export type FieldsTree = ReadonlyMap<string, FieldsTree | true>;

/** Letters, digits, underscore, brackets and commas: PCRE's `[^\w\[\],]` (no `u` flag, so `\w` is ASCII). */
const FORBIDDEN = /[^A-Za-z0-9_[\],]/;
/** A PHP array key that is an integer (PHP stores `"5"` as 5, `"05"` as a string). */
const INTEGER_KEY = /^(0|-?[1-9]\d*)$/;

/**
 * Magento's partial responses (`Magento\Framework\Webapi\Rest\Response\FieldsFilter`, run by the synchronous
 * request processor after the service output processor): `?fields=email,addresses[city,region[region_code]]`
 * keeps only the named keys, recursively; a list is filtered item by item.
 *
 * - Applied only when the `fields` query value is PHP-truthy (not absent, `''` or `'0'`) and the output is a PHP
 *   array (an object or a list; a scalar result such as a token or `true` is sent as it is).
 * - A value that is not a string (`fields[]=x`), or that holds anything but `\w`, `[`, `]`, `,` (so any space),
 *   or leaves a `[` open, names nothing: the answer is `[]`.
 * - Names the output lacks are skipped; naming nothing that exists gives `[]`.
 * - An empty list (or empty object) under a filter becomes `null`, as Magento's `applyFilter` returns null for it.
 *
 * One difference: a scalar item in a list met with a nested filter (`fields=addresses[street[x]]`) makes PHP 8
 * throw a TypeError (a 500); here it is kept as it is.
 */
export const FieldsFilter = {
  FILTER_PARAMETER: 'fields',

  /** The response to send: `output` filtered when the request asks for it, else `output` itself. */
  apply(output: unknown, query: RequestObject): unknown {
    const value = query[FieldsFilter.FILTER_PARAMETER];
    if (!isPhpTruthy(value) || !isContainer(output)) return output;
    if (typeof value !== 'string') return [];
    const tree = FieldsFilter.parse(value);
    return tree === null ? [] : applyFilter(output, tree);
  },

  /** Magento's `FieldsFilter::parse`; null for a value it refuses. */
  parse(filter: string): FieldsTree | null {
    if (filter.length === 0 || FORBIDDEN.test(filter)) return null;
    let start: number | null = null;
    let current: Map<string, FieldsTree | true> | null = new Map();
    const stack: (Map<string, FieldsTree | true> | null)[] = [];
    const parents: (string | null)[] = [];
    let currentElement: string | null = null;
    for (let position = 0; position < filter.length; position++) {
      const char = filter[position];
      const separator = char === '[' || char === ']' || char === ',';
      if (separator) {
        if (start !== null) {
          currentElement = filter.slice(start, position);
          current = withEntry(current, currentElement, true);
        }
        start = null;
      }
      if (char === '[') {
        parents.push(currentElement);
        stack.push(current);
        current = new Map();
      } else if (char === ']') {
        const inner: Map<string, FieldsTree | true> | null = current;
        // PHP: popping an empty stack gives null, and writing a key into null makes a new array.
        current = withEntry(stack.pop() ?? null, parents.pop() ?? '', inner ?? new Map());
      } else if (!separator && start === null) {
        start = position;
      }
    }
    if (stack.length > 0) return null;
    if (start !== null) current = withEntry(current, filter.slice(start), true);
    return current ?? new Map();
  },
} as const;

function withEntry(
  target: Map<string, FieldsTree | true> | null,
  key: string,
  value: FieldsTree | true,
): Map<string, FieldsTree | true> {
  const map = target ?? new Map<string, FieldsTree | true>();
  map.set(key, value);
  return map;
}

function isPhpTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === '0') return false;
  if (isRequestObject(value)) return Object.keys(value).length > 0;
  return true;
}

type Container = unknown[] | Record<string, unknown>;

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || (value !== null && typeof value === 'object');
}

function entriesOf(value: Container): [string, unknown][] {
  return Array.isArray(value) ? value.map((item, index): [string, unknown] => [String(index), item]) : Object.entries(value);
}

/** PHP's json_encode: an array whose keys are 0…n-1 in order is a list, anything else an object. */
function phpArray(entries: readonly [string, unknown][]): Container {
  if (entries.every(([key], index) => key === String(index))) return entries.map(([, value]) => value);
  const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) object[key] = value;
  return object;
}

/** `applyFilter`: a PHP array without string keys is a collection, filtered item by item. */
function applyFilter(value: Container, filter: FieldsTree): Container | null {
  const entries = entriesOf(value);
  if (entries.every(([key]) => INTEGER_KEY.test(key))) {
    if (entries.length === 0) return null;
    return phpArray(entries.map(([key, item]): [string, unknown] => [key, isContainer(item) ? intersect(item, filter) : item]));
  }
  return intersect(value, filter);
}

/** `recursiveArrayIntersectKey`: keep the response's keys the filter names, in the response's order. */
function intersect(value: Container, filter: FieldsTree): Container {
  const kept: [string, unknown][] = [];
  for (const [key, item] of entriesOf(value)) {
    const sub = filter.get(key);
    if (sub === undefined) continue;
    kept.push([key, sub !== true && isContainer(item) ? applyFilter(item, sub) : item]);
  }
  return phpArray(kept);
}
