/**
 * searchCriteria as Magento's clients spell it. ServiceInputProcessor turns every key into an UpperCamelCase property
 * to find its getter, so `filter_groups` and `filterGroups` (and `page_size`/`pageSize`, …) are one field. The map
 * spelling `searchCriteria[sort_orders][email]=ASC` gives a SortOrder built from nothing (`_createFromArray` takes
 * `is_array($data) ? $data : []`), which Magento's SortingProcessor skips: 200, unsorted. SortOrder's setters
 * upper-case the direction and refuse anything but ASC/DESC, and a field with other than `[a-z0-9_]`.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { createAdmin, createCustomer } from '../../../integration/Identity/factories.ts';
import { createTestApplication, type TestApplication } from '../../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../../support/databases.ts';

interface Results {
  items: { id: number; firstname: string }[];
  search_criteria: Record<string, unknown>;
  total_count: number;
}

const SPELLINGS = {
  filterGroups: ['filter_groups', 'filterGroups'],
  conditionType: ['condition_type', 'conditionType'],
  sortOrders: ['sort_orders', 'sortOrders'],
  pageSize: ['page_size', 'pageSize'],
  currentPage: ['current_page', 'currentPage'],
} as const;
type Spelling = { [K in keyof typeof SPELLINGS]: (typeof SPELLINGS)[K][number] };

forEachDatabase('searchCriteria spellings on search routes', (getDb) => {
  let app: TestApplication;
  let token: string;
  const tag = uniqueSuffix();
  const emailLike = encodeURIComponent(`%_${tag}@example.com`);

  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(getDb());
    token = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
    for (const first of ['Ann', 'Bea', 'Cy']) {
      await createCustomer(getDb(), { email: `${first.toLowerCase()}_${tag}@example.com`, firstname: first });
    }
  });
  after(() => app.close());

  const search = async (query: string): Promise<{ status: number; body: unknown }> =>
    app.request('GET', `/rest/V1/customers/search?${query}`, { token });

  const queryFor = (s: Spelling, direction = 'DESC'): string =>
    [
      `searchCriteria[${s.filterGroups}][0][filters][0][field]=email`,
      `searchCriteria[${s.filterGroups}][0][filters][0][value]=${emailLike}`,
      `searchCriteria[${s.filterGroups}][0][filters][0][${s.conditionType}]=like`,
      `searchCriteria[${s.sortOrders}][0][field]=firstname`,
      `searchCriteria[${s.sortOrders}][0][direction]=${direction}`,
      `searchCriteria[${s.pageSize}]=2`,
      `searchCriteria[${s.currentPage}]=1`,
    ].join('&');

  it('answers every mix of snake_case and camelCase keys alike', async () => {
    const spelling = fc.record({
      filterGroups: fc.constantFrom(...SPELLINGS.filterGroups),
      conditionType: fc.constantFrom(...SPELLINGS.conditionType),
      sortOrders: fc.constantFrom(...SPELLINGS.sortOrders),
      pageSize: fc.constantFrom(...SPELLINGS.pageSize),
      currentPage: fc.constantFrom(...SPELLINGS.currentPage),
    });
    await fc.assert(
      fc.asyncProperty(spelling, fc.constantFrom('DESC', 'desc', 'Desc'), async (s, direction) => {
        const reply = await search(queryFor(s, direction));
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        const body = reply.body as Results;
        assert.equal(body.total_count, 3);
        assert.deepEqual(body.items.map((c) => c.firstname), ['Cy', 'Bea']);
        // The echo is in the output's snake_case, the direction upper-cased by SortOrder::setDirection.
        assert.deepEqual(body.search_criteria, {
          filter_groups: [{ filters: [{ field: 'email', value: `%_${tag}@example.com`, condition_type: 'like' }] }],
          sort_orders: [{ field: 'firstname', direction: 'DESC' }],
          page_size: 2,
          current_page: 1,
        });
      }),
      { numRuns: 12 },
    );
  });

  it('accepts the map spelling sort_orders[<field>]=<dir> as Magento does: a field-less sort order, skipped', async () => {
    for (const key of ['sort_orders', 'sortOrders']) {
      const reply = await search(
        `searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${emailLike}` +
          `&searchCriteria[filter_groups][0][filters][0][condition_type]=like&searchCriteria[${key}][email]=ASC`,
      );
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const body = reply.body as Results;
      assert.equal(body.total_count, 3);
      assert.equal(body.items.length, 3);
      // SortOrder's getters are `@return string`: Magento's output writes them as null.
      assert.deepEqual(body.search_criteria.sort_orders, [{ field: null, direction: null }]);
    }
  });

  it("refuses a direction other than ASC/DESC and a sort field with other characters, with SortOrder's messages", async () => {
    const bad = await search('searchCriteria[sort_orders][0][field]=email&searchCriteria[sort_orders][0][direction]=up');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, {
      message: 'The sort order has to be specified as %1 for ascending order or %2 for descending order.',
      parameters: ['ASC', 'DESC'],
    });
    const field = await search('searchCriteria[sortOrders][0][field]=email%3Bdrop&searchCriteria[sortOrders][0][direction]=ASC');
    assert.equal(field.status, 400);
    assert.deepEqual(field.body, { message: 'Sort order field %1 contains restricted symbols', parameters: ['email;drop'] });
  });

  it('sorts descending when a sort order names no direction (SortingProcessor: anything but ASC is DESC)', async () => {
    const reply = await search(
      `searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=${emailLike}` +
        '&searchCriteria[filter_groups][0][filters][0][condition_type]=like&searchCriteria[sort_orders][0][field]=firstname',
    );
    assert.equal(reply.status, 200);
    assert.deepEqual((reply.body as Results).items.map((c) => c.firstname), ['Cy', 'Bea', 'Ann']);
  });

  it('echoes filter_groups always, as SearchCriteria::getFilterGroups answers [] for none', async () => {
    const reply = await search('searchCriteria[pageSize]=1');
    assert.equal(reply.status, 200);
    assert.deepEqual((reply.body as Results).search_criteria, { filter_groups: [], page_size: 1 });
    const empty = await search('searchCriteria[filter_groups][0][x]=&searchCriteria[pageSize]=1');
    assert.equal(empty.status, 400, 'an unknown key in a filter group is refused');
    const noDirection = await search('searchCriteria[sort_orders][0][field]=email&searchCriteria[pageSize]=1');
    assert.deepEqual((noDirection.body as Results).search_criteria.sort_orders, [{ field: 'email', direction: null }]);
  });

  it('never answers 5xx to generated spellings, maps and values, on both search routes', async () => {
    const key = fc.constantFrom(...Object.values(SPELLINGS).flat(), 'filters', 'field', 'value', 'direction', 'email', '0', '', 'x y');
    const segment = fc.array(key, { minLength: 1, maxLength: 4 }).map((keys) => keys.map((k) => `[${encodeURIComponent(k)}]`).join(''));
    const value = fc.oneof(fc.constantFrom('ASC', 'desc', 'email', '1', '-1', '', 'like', '%'), fc.string({ maxLength: 8 }));
    const query = fc
      .array(fc.tuple(segment, value), { minLength: 1, maxLength: 5 })
      .map((pairs) => pairs.map(([name, v]) => `searchCriteria${name}=${encodeURIComponent(v)}`).join('&'));
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/customers/search', '/login-as-customer/log'), async (q, route) => {
        const reply = await app.request('GET', `/rest/V1${route}?${q}`, { token });
        assert.ok(reply.status === 200 || (reply.status >= 400 && reply.status < 500), `${route}?${q} → ${reply.status} ${JSON.stringify(reply.body)}`);
        if (reply.status >= 400) assert.equal(typeof (reply.body as { message?: unknown }).message, 'string');
      }),
      { numRuns: 60 },
    );
  });
});
