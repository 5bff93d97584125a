import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/Webapi/startFixtureServer.ts';
import { JSON_TYPE, call } from './restClient.ts';

const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";

describe('REST authentication and ACL over HTTP', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());

  it('401 lists every resource of the route, joined by ", "', async () => {
    const result = await call(server.baseUrl, 'DELETE', '/rest/V1/fixture/items/1', { headers: { authorization: 'Bearer admin-2' } });
    assert.equal(result.status, 401);
    assert.deepEqual(result.json, {
      message: UNAUTHORIZED,
      parameters: { resources: 'Fixture_Catalog::items_read, Fixture_Catalog::items_write' },
    });
    assert.equal(server.items.calls.some((entry) => entry.method === 'deleteById'), false);
  });

  it('a guest, a missing and a forged token all get the ACL answer, never an authentication error', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }];
    for (const headers of attempts) {
      const result = await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/1', { headers });
      assert.equal(result.status, 401);
      assert.deepEqual(result.json, { message: UNAUTHORIZED, parameters: { resources: 'Fixture_Catalog::items_read' } });
    }
  });

  it('self routes take a customer token and nobody else', async () => {
    assert.equal((await call(server.baseUrl, 'GET', '/rest/V1/fixture/me', { headers: { authorization: 'Bearer customer-7' } })).json, 'customer 7');
    const admin = await call(server.baseUrl, 'GET', '/rest/V1/fixture/me', { headers: { authorization: 'Bearer admin-1' } });
    assert.equal(admin.status, 401);
    assert.deepEqual(admin.json, { message: UNAUTHORIZED, parameters: { resources: 'self' } });
  });

  it('checks the ACL before reading the body: a forbidden malformed request is a 401, not a 400', async () => {
    const result = await call(server.baseUrl, 'POST', '/rest/V1/fixture/items', { headers: { ...JSON_TYPE, authorization: 'Bearer admin-2' }, body: '{not json' });
    assert.equal(result.status, 401);
    assert.deepEqual(result.json, { message: UNAUTHORIZED, parameters: { resources: 'Fixture_Catalog::items_write' } });
  });

  it('forces %customer_id% to the caller: a customer cannot act for another one', async () => {
    const result = await call(server.baseUrl, 'PUT', '/rest/V1/fixture/customers/me', {
      headers: { ...JSON_TYPE, authorization: 'Bearer customer-7' },
      body: JSON.stringify({ customer: { id: 99, Id: 98, email: 'me@example.com' }, customer_id: 97 }),
    });
    assert.equal(result.status, 200);
    assert.deepEqual(result.json, { id: 7, email: 'me@example.com' });
    const anonymous = await call(server.baseUrl, 'POST', '/rest/V1/fixture/whoami', { headers: JSON_TYPE, body: '{"customerId":5,"customer_id":6}' });
    assert.equal(anonymous.json, 'nobody');
  });
});
