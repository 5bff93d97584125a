import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryStringParser } from '../../../../src/Framework/Webapi/Rest/QueryStringParser.ts';

/** JSON round trip: compares null-prototype trees by content. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describe('parseQueryString (PHP $_GET)', () => {
  it('nests bracketed names', () => {
    const query = QueryStringParser.parse(
      'searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=a%40b.c' +
        '&searchCriteria[filter_groups][0][filters][0][condition_type]=eq&searchCriteria[pageSize]=10&searchCriteria[currentPage]=2',
    );
    assert.deepEqual(plain(query), {
      searchCriteria: {
        filter_groups: { '0': { filters: { '0': { field: 'email', value: 'a@b.c', condition_type: 'eq' } } } },
        pageSize: '10',
        currentPage: '2',
      },
    });
  });

  it('appends with [] after the highest integer key', () => {
    assert.deepEqual(plain(QueryStringParser.parse('a[]=x&a[]=y&a[5]=z&a[]=w')), { a: { '0': 'x', '1': 'y', '5': 'z', '6': 'w' } });
  });

  it('turns dots and spaces of the top-level name into underscores, keeps an unterminated [ as _', () => {
    assert.deepEqual(plain(QueryStringParser.parse('a.b=1&c+d=2&e[f=3&g[h.i]=4')), { a_b: '1', c_d: '2', e_f: '3', g: { 'h.i': '4' } });
  });

  it('lets later values win, a nested value replacing a scalar', () => {
    assert.deepEqual(plain(QueryStringParser.parse('a=1&a=2&b=1&b[c]=2')), { a: '2', b: { c: '2' } });
  });

  it('keeps __proto__ and constructor as plain keys without touching Object.prototype', () => {
    const query = QueryStringParser.parse('__proto__[polluted]=1&constructor[prototype][polluted]=2&x[__proto__][polluted]=3');
    assert.equal(Object.getPrototypeOf(query), null);
    assert.deepEqual(plain(query), { ['__proto__']: { polluted: '1' }, constructor: { prototype: { polluted: '2' } }, x: { ['__proto__']: { polluted: '3' } } });
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('drops a variable nested deeper than PHP max_input_nesting_level (64)', () => {
    const deep = `a${'[x]'.repeat(64)}=1`;
    const ok = `b${'[x]'.repeat(63)}=1`;
    const query = QueryStringParser.parse(`${deep}&${ok}`);
    assert.equal(Object.hasOwn(query, 'a'), false);
    assert.equal(Object.hasOwn(query, 'b'), true);
  });

  it('decodes like PHP urldecode', () => {
    assert.equal(QueryStringParser.urlDecode('a+b%20c%41%zz%'), 'a b cA%zz%');
    assert.equal(QueryStringParser.urlDecode('%C3%A9'), 'é');
  });
});
