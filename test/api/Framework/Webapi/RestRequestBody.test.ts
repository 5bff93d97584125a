import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/Webapi/startFixtureServer.ts';
import { JSON_TYPE, call, callChunked } from './restClient.ts';

const ADMIN = { authorization: 'Bearer admin-1' };
const REQUIRED = '"%fieldName" is required. Enter and try again.';

describe('REST request bodies and arguments over HTTP', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer({ maxBodyBytes: 1024 * 1024 });
  });
  after(() => server.close());

  const post = (headers: Record<string, string>, body: string | Buffer) =>
    call(server.baseUrl, 'POST', '/rest/V1/fixture/echo', { headers, body });

  it('binds a JSON body to positional arguments and echoes a data object', async () => {
    const result = await post(JSON_TYPE, JSON.stringify({ id: '12', name: 'Ada', ratio: 0.5, is_active: 'true', tags: ['x', 'y'], note: { any: 'thing' } }));
    assert.equal(result.status, 200);
    assert.deepEqual(result.json, { id: 12, name: 'Ada', ratio: 0.5, is_active: true, tags: ['x', 'y'], note: { any: 'thing' } });
    const args = server.echo.calls.at(-1)?.args ?? [];
    assert.deepEqual(args.slice(0, 5), [12, 'Ada', 0.5, true, ['x', 'y']]);
    // A `mixed` value reaches the service as decoded, in prototype-less objects.
    assert.equal(Object.getPrototypeOf(args[5]), null);
    assert.equal(JSON.stringify(args[5]), '{"any":"thing"}');
  });

  it('Content-Type header is empty.', async () => {
    const result = await call(server.baseUrl, 'POST', '/rest/V1/fixture/echo', { body: Buffer.from('{"id":1}') });
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Content-Type header is empty.' });
  });

  it('Content-Type header is invalid.', async () => {
    const result = await post({ 'content-type': 'application/json; boundary=x' }, '{"id":1}');
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Content-Type header is invalid.' });
  });

  it('UTF-8 is the only supported charset.', async () => {
    const result = await post({ 'content-type': 'application/json; charset=latin1' }, '{"id":1}');
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'UTF-8 is the only supported charset.' });
  });

  it('Server cannot understand Content-Type HTTP header media type %1', async () => {
    const result = await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'id=1');
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Server cannot understand Content-Type HTTP header media type application/x-www-form-urlencoded' });
  });

  it('Decoding error. for malformed JSON and invalid UTF-8', async () => {
    for (const body of ['{"id":1,', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])]) {
      const result = await post(JSON_TYPE, body);
      assert.equal(result.status, 400);
      assert.deepEqual(result.json, { message: 'Decoding error.' });
    }
  });

  it('Decoding error. for nesting deeper than 64', async () => {
    const deep = `{"id":1,"name":"n","note":${'['.repeat(64)}${']'.repeat(64)}}`;
    const result = await post(JSON_TYPE, deep);
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Decoding error.' });
    assert.equal((await post(JSON_TYPE, `{"id":1,"name":"n","note":${'['.repeat(63)}${']'.repeat(63)}}`)).status, 200);
  });

  it('413 for a body over 1 MiB, declared or chunked, and the connection still answers', async () => {
    const big = JSON.stringify({ id: 1, name: 'x'.repeat(1024 * 1024) });
    const declared = await post(JSON_TYPE, big);
    assert.equal(declared.status, 413);
    assert.deepEqual(declared.json, { message: 'Request Entity Too Large' });
    const chunked = await callChunked(server.baseUrl, 'POST', '/rest/V1/fixture/echo', JSON_TYPE, [Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))]);
    assert.equal(chunked.status, 413);
    assert.deepEqual(chunked.json, { message: 'Request Entity Too Large' });
    assert.equal((await post(JSON_TYPE, '{"id":1,"name":"small"}')).status, 200);
  });

  it('a __proto__ key neither pollutes Object.prototype nor binds to anything', async () => {
    const result = await post(JSON_TYPE, '{"__proto__":{"polluted":"yes","id":5},"constructor":{"prototype":{"polluted":"yes"}},"id":1,"name":"n"}');
    assert.equal(result.status, 200);
    assert.deepEqual(result.json, { id: 1, name: 'n' });
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('a wrong type is a 400 with Magento\'s rendered message, never a 500', async () => {
    const top = await post(JSON_TYPE, '{"id":"twelve","name":"n"}');
    assert.equal(top.status, 400);
    assert.deepEqual(top.json, { message: 'The "twelve" value\'s type is invalid. The "int" type was expected. Verify and try again.' });
    const list = await post(JSON_TYPE, '{"id":1,"name":{"first":"n"}}');
    assert.equal(list.status, 400);
    assert.deepEqual(list.json, { message: 'The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.' });
    const nested = await call(server.baseUrl, 'POST', '/rest/V1/fixture/items', { headers: { ...JSON_TYPE, ...ADMIN }, body: '{"item":{"sku":"S","price":"cheap"}}' });
    assert.equal(nested.status, 400);
    assert.deepEqual(nested.json, { message: 'Error occurred during "price" processing. The "cheap" value\'s type is invalid. The "float" type was expected. Verify and try again.' });
    const unknown = await call(server.baseUrl, 'POST', '/rest/V1/fixture/items', { headers: { ...JSON_TYPE, ...ADMIN }, body: '{"item":{"sku":"S","colour":"red"}}' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.json, { message: 'Property "Colour" does not have accessor method "getColour" in class "Fixture\\Catalog\\Api\\Data\\ItemInterface".' });
  });

  it('missing arguments: one error alone, two or more aggregated', async () => {
    const one = await post(JSON_TYPE, '{"id":1}');
    assert.equal(one.status, 400);
    assert.deepEqual(one.json, { message: REQUIRED, parameters: { fieldName: 'name' } });
    const many = await call(server.baseUrl, 'POST', '/rest/V1/fixture/echo');
    assert.equal(many.status, 400);
    assert.deepEqual(many.json, {
      message: 'One or more input exceptions have occurred.',
      errors: [
        { message: REQUIRED, parameters: { fieldName: 'id' } },
        { message: REQUIRED, parameters: { fieldName: 'name' } },
      ],
    });
  });

  it('binds GET query strings in PHP nested form, page size defaulting to 20', async () => {
    const query =
      'searchCriteria[filter_groups][0][filters][0][field]=email&searchCriteria[filter_groups][0][filters][0][value]=a%40b.c' +
      '&searchCriteria[filter_groups][0][filters][0][condition_type]=eq&searchCriteria[sortOrders][0][field]=id&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[currentPage]=2';
    const result = await call(server.baseUrl, 'GET', `/rest/V1/fixture/items?${query}`, { headers: ADMIN });
    assert.equal(result.status, 200);
    assert.deepEqual((result.json as { search_criteria: unknown }).search_criteria, {
      filter_groups: [{ filters: [{ field: 'email', value: 'a@b.c', condition_type: 'eq' }] }],
      sort_orders: [{ field: 'id', direction: 'DESC' }],
      page_size: 20,
      current_page: 2,
    });
  });

  it('GET and DELETE read the query string, not the body; path parameters win', async () => {
    const get = await call(server.baseUrl, 'GET', '/rest/V1/fixture/echo/5?id=6&name=q');
    assert.deepEqual(get.json, { id: 5, name: 'q' });
    const remove = await call(server.baseUrl, 'DELETE', '/rest/V1/fixture/echo/5', { headers: JSON_TYPE, body: '{"name":"from body"}' });
    assert.deepEqual(remove.json, { id: 5 });
  });

  it('POST merges the body with path parameters, the path winning', async () => {
    const result = await call(server.baseUrl, 'POST', '/rest/V1/fixture/fail/localized', { headers: JSON_TYPE, body: '{"kind":"crash"}' });
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Cannot process %1 for %2.', parameters: ['alpha', 'beta'] });
  });

  it('PUT writes the path parameter into the body object as Magento does', async () => {
    const result = await call(server.baseUrl, 'PUT', '/rest/V1/fixture/items/by-sku/FROM-PATH', {
      headers: { ...JSON_TYPE, ...ADMIN },
      body: '{"item":{"sku":"FROM-BODY","name":"n"}}',
    });
    assert.deepEqual(result.json, { sku: 'FROM-PATH', name: 'n' });
  });

  it('fills a non-forced webapi.xml parameter only when the request lacks it', async () => {
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/defaults')).json, 'none:number:25');
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/defaults?pageSize=3&label=x')).json, 'x:number:3');
  });
});
