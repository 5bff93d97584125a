import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UserType } from '../../../../src/Framework/Authentication/UserContext.ts';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/Webapi/startFixtureServer.ts';
import { call } from './restClient.ts';

const ADMIN = { authorization: 'Bearer admin-1' };

describe('REST routing over HTTP', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());

  it('serves /rest/V1/… on the default store view', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/1', { headers: { ...ADMIN, 'user-agent': 'fixture-test' } });
    assert.equal(result.status, 200);
    assert.equal(result.contentType, 'application/json; charset=utf-8');
    assert.equal((result.json as { sku: string }).sku, 'FX-1');
    assert.deepEqual(server.states.at(-1), { user: { userType: UserType.ADMIN, userId: 1 }, storeCode: 'default', storeId: 1, ip: '127.0.0.1', userAgent: 'fixture-test', route: '/V1/fixture/items/:itemId' });
  });

  it('serves /rest/<store_code>/V1/… on that store view', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/german/V1/fixture/items/1', { headers: ADMIN });
    assert.equal(result.status, 200);
    assert.equal(server.states.at(-1)?.storeCode, 'german');
    assert.equal(server.states.at(-1)?.storeId, 2);
  });

  it('serves /rest/all/V1/… on the admin store', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/all/V1/fixture/items/1', { headers: ADMIN });
    assert.equal(result.status, 200);
    assert.equal(server.states.at(-1)?.storeCode, 'admin');
    assert.equal(server.states.at(-1)?.storeId, 0);
  });

  it('answers an unknown store code with 400 Specified request cannot be processed. (the path keeps the code)', async () => {
    for (const path of ['/rest/nostore/V1/fixture/items/1', '/rest/admin/V1/fixture/items/1', '/rest/', '/rest/v1/fixture/token', '/rest/fixture/token']) {
      const result = await call(server.baseUrl, 'GET', path, { headers: ADMIN });
      assert.equal(result.status, 400, path);
      assert.deepEqual(result.json, { message: 'Specified request cannot be processed.' }, path);
    }
  });

  it('answers /rest/<store>/schema like an unknown path when no schema handler is configured', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/default/schema');
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Specified request cannot be processed.' });
  });

  it('answers 404 Request does not match any route.', async () => {
    for (const [method, path] of [['GET', '/rest/V1/fixture/nothing-here'], ['GET', '/rest/V1/fixture/items/1/extra'], ['POST', '/rest/V1/fixture/token'], ['GET', '/rest/V1']]) {
      const result = await call(server.baseUrl, method as string, path as string);
      assert.equal(result.status, 404, `${method} ${path}`);
      assert.deepEqual(result.json, { message: 'Request does not match any route.' });
    }
  });

  it('answers 405 The %1 HTTP method is not supported. (rendered, as Magento\'s WebapiException) for other methods', async () => {
    for (const method of ['PATCH', 'OPTIONS']) {
      const result = await call(server.baseUrl, method, '/rest/V1/fixture/items/1');
      assert.equal(result.status, 405);
      assert.deepEqual(result.json, { message: `The ${method} HTTP method is not supported.` });
    }
    const head = await call(server.baseUrl, 'HEAD', '/rest/V1/fixture/token');
    assert.equal(head.status, 405);
    // Magento validates the method before looking at the path.
    assert.equal((await call(server.baseUrl, 'PATCH', '/rest/nostore/anything')).status, 405);
  });

  it('prefers the exact route over a template and URL-decodes path parameters', async () => {
    assert.equal(((await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/special')).json as { sku: string }).sku, 'SPECIAL');
    const decoded = await call(server.baseUrl, 'GET', '/rest/V1/fixture/things/a%2Fb+c/b');
    assert.equal(decoded.json, 'xy:a/b c:b');
  });

  it('takes the last matching template in byte order of url, like Magento', async () => {
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/things/1/b')).json, 'xy:1:b');
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/things/z/1')).json, 'z:1');
  });

  it('refuses an HTTPS-only route over plain HTTP with Operation allowed only in HTTPS', async () => {
    const plain = await call(server.baseUrl, 'GET', '/rest/V1/fixture/secure');
    assert.equal(plain.status, 400);
    assert.deepEqual(plain.json, { message: 'Operation allowed only in HTTPS' });
    const proxied = await call(server.baseUrl, 'GET', '/rest/V1/fixture/secure', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(proxied.status, 200);
    assert.equal(proxied.json, true);
  });

  it('leaves paths outside /rest to the app', async () => {
    const result = await call(server.baseUrl, 'GET', '/V1/fixture/token');
    assert.equal(result.status, 404);
    assert.equal(result.text, 'not the REST area');
  });
});

describe('REST schema path with a schema handler', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer({
      schemaHandler: (request) => ({ swagger: '2.0', store: request.store.code, services: request.query['services'] ?? null }),
    });
  });
  after(() => server.close());

  it('serves /rest/<store>/schema from the handler, with the store and query', async () => {
    const result = await call(server.baseUrl, 'GET', '/rest/german/schema?services=all');
    assert.equal(result.status, 200);
    assert.deepEqual(result.json, { swagger: '2.0', store: 'german', services: 'all' });
    assert.deepEqual((await call(server.baseUrl, 'GET', '/rest/schema')).json, { swagger: '2.0', store: 'default', services: null });
  });
});
