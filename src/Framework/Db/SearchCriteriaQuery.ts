import type { SearchCriteria } from '../Api/SearchCriteria.ts';
import { InputException } from '../Exception/InputException.ts';
import { __ } from '../Exception/Phrase.ts';
import type { SqlValue } from './ConnectionInterface.ts';

export interface SearchCriteriaSql {
  /** `WHERE …` or '' */
  where: string;
  whereParams: SqlValue[];
  /** `ORDER BY …` or '' */
  orderBy: string;
  /** The same orders, as quoted column and direction (for a caller that builds its own ORDER BY). */
  sortOrders: Array<{ column: string; desc: boolean }>;
  pageSize: number | undefined;
  currentPage: number;
}

/**
 * Turns Magento's searchCriteria into portable SQL fragments, as Magento's collection processors do:
 * filters inside a group are OR-ed, groups are AND-ed; condition types eq, neq, like, nlike, in, nin,
 * gt, gteq, lt, lteq, moreq, from, to, null, notnull, finset, nfinset; default `eq`. Only the fields
 * in `columns` (wire field → quoted SQL column) may be filtered or sorted on.
 */
export function buildSearchCriteriaSql(
  criteria: SearchCriteria | undefined,
  columns: Readonly<Record<string, string>>,
): SearchCriteriaSql {
  const col = (field: unknown, what: string): string => {
    const c = typeof field === 'string' ? columns[field] : undefined;
    if (!c || !Object.prototype.hasOwnProperty.call(columns, field as string)) {
      throw new InputException(__('Invalid value of "%value" provided for the %fieldName field.', { value: String(field), fieldName: what }));
    }
    return c;
  };
  const groups: string[] = [];
  const params: SqlValue[] = [];
  for (const group of criteria?.filter_groups ?? []) {
    const ors: string[] = [];
    for (const f of group.filters ?? []) {
      const c = col(f.field, 'field');
      const cond = (f.condition_type ?? 'eq').toLowerCase();
      const v = f.value ?? '';
      const list = () => String(v).split(',').map((x) => x.trim());
      switch (cond) {
        case 'eq': ors.push(`${c} = ?`); params.push(v); break;
        case 'neq': ors.push(`(${c} <> ? OR ${c} IS NULL)`); params.push(v); break;
        case 'like': ors.push(`${c} LIKE ?`); params.push(v); break;
        case 'nlike': ors.push(`${c} NOT LIKE ?`); params.push(v); break;
        case 'gt': ors.push(`${c} > ?`); params.push(v); break;
        case 'lt': ors.push(`${c} < ?`); params.push(v); break;
        case 'gteq': case 'moreq': case 'from': ors.push(`${c} >= ?`); params.push(v); break;
        case 'lteq': case 'to': ors.push(`${c} <= ?`); params.push(v); break;
        case 'null': ors.push(`${c} IS NULL`); break;
        case 'notnull': ors.push(`${c} IS NOT NULL`); break;
        case 'in': case 'nin': {
          const items = list();
          ors.push(`${c} ${cond === 'nin' ? 'NOT IN' : 'IN'} (${items.map(() => '?').join(', ')})`);
          params.push(...items);
          break;
        }
        case 'finset': case 'nfinset': {
          // FIND_IN_SET is MySQL-only; CONCAT (SQLite 3.44+, MySQL) with LIKE runs on both.
          const expr = `CONCAT(',', ${c}, ',') LIKE ?`;
          ors.push(cond === 'finset' ? expr : `NOT ${expr}`);
          params.push(`%,${v},%`);
          break;
        }
        default:
          throw new InputException(__('Invalid value of "%value" provided for the %fieldName field.', { value: cond, fieldName: 'condition_type' }));
      }
    }
    if (ors.length) groups.push(ors.length === 1 ? ors[0]! : `(${ors.join(' OR ')})`);
  }
  // Magento's SortingProcessor: a sort order without a field (the map spelling `sort_orders[email]=ASC` builds
  // one) is skipped; a direction other than ASC — none included — sorts descending.
  const sortOrders = (criteria?.sort_orders ?? []).filter((s) => s.field !== undefined && s.field !== null).map((s) => {
    const dir = (s.direction ?? 'DESC').toUpperCase();
    if (dir !== 'ASC' && dir !== 'DESC') {
      throw new InputException(__('Invalid value of "%value" provided for the %fieldName field.', { value: s.direction, fieldName: 'direction' }));
    }
    return { column: col(s.field, 'field'), desc: dir === 'DESC' };
  });
  const orders = sortOrders.map((o) => `${o.column} ${o.desc ? 'DESC' : 'ASC'}`);
  const pageSize = pageInteger(criteria?.page_size, 'pageSize');
  const currentPage = pageInteger(criteria?.current_page, 'currentPage');
  return {
    where: groups.length ? `WHERE ${groups.join(' AND ')}` : '',
    whereParams: params,
    orderBy: orders.length ? `ORDER BY ${orders.join(', ')}` : '',
    sortOrders,
    // Magento's collections: page size 0 (or none) renders no LIMIT; a negative one becomes 1 row
    // (Zend_Db_Select::limitPage); a current page below 1 is page 1.
    pageSize: pageSize === undefined || pageSize === 0 ? undefined : Math.max(pageSize, 1),
    currentPage: currentPage === undefined ? 1 : Math.max(currentPage, 1),
  };
}

/**
 * pageSize/currentPage go into LIMIT/OFFSET as literals, so only exact integers pass. The web API's type
 * processor has already refused anything else; this guards other callers.
 */
function pageInteger(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InputException(__(InputException.INVALID_FIELD_VALUE, { value: String(value), fieldName: field }));
  }
  return value;
}

/**
 * LIMIT/OFFSET for a page. Magento's collections clamp a page beyond the last one to the last page
 * (`Collection::getCurPage`), so the same items come back rather than an empty list.
 */
export function pageLimit(sql: SearchCriteriaSql, totalCount: number): string {
  if (sql.pageSize === undefined) return '';
  const lastPage = Math.max(1, Math.ceil(totalCount / sql.pageSize));
  const page = Math.min(sql.currentPage, lastPage);
  return `LIMIT ${sql.pageSize} OFFSET ${(page - 1) * sql.pageSize}`;
}
