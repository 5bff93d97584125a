import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/Webapi/startFixtureServer.ts';
import { JSON_TYPE, call } from './restClient.ts';

const ADMIN = { authorization: 'Bearer admin-1' };

describe('REST response bodies over HTTP', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());

  it('a string result is a JSON string', async () => {
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/token')).text, '"eyJhbGciOiJIUzI1NiJ9.fixture"');
  });

  it('a boolean result is true/false', async () => {
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/enabled')).text, 'true');
    assert.equal((await call(server.baseUrl, 'DELETE', '/rest/V1/fixture/items/404', { headers: ADMIN })).text, 'false');
  });

  it('a void result is [] with 200, as Magento renders null', async () => {
    const result = await call(server.baseUrl, 'POST', '/rest/V1/fixture/nothing', { headers: JSON_TYPE, body: '{}' });
    assert.equal(result.status, 200);
    assert.equal(result.text, '[]');
  });

  it('a data object has snake_case keys, typed values and no null fields', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/1', { headers: ADMIN });
    assert.equal(result.text, '{"id":1,"sku":"FX-1","name":"First","price":9.5,"is_active":true,"tags":["a","b"],"options":[{"code":"c","value":"v"}]}');
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/2', { headers: ADMIN })).text, '{"id":2,"sku":"FX-2","price":3}');
  });

  it('a search result has items, search_criteria and total_count', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/V1/fixture/items?searchCriteria[pageSize]=5', { headers: ADMIN });
    const body = result.json as { items: unknown[]; search_criteria: unknown; total_count: unknown };
    assert.deepEqual(Object.keys(body), ['items', 'search_criteria', 'total_count']);
    // SearchCriteria::getFilterGroups answers [] for none, so Magento always echoes filter_groups.
    assert.deepEqual(body.search_criteria, { filter_groups: [], page_size: 5 });
    assert.equal(body.total_count, body.items.length);
  });

  it('does not add Express headers such as ETag', async () => {
    const response = await fetch(`${server.baseUrl}/rest/V1/fixture/token`);
    assert.equal(response.headers.get('etag'), null);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    await response.text();
  });
});
