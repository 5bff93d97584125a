import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UserType } from '../../../../src/Framework/Authentication/UserContext.ts';
import { INTERNAL_DETAIL } from '../../../fixtures/Webapi/FailureService.ts';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/Webapi/startFixtureServer.ts';
import { JSON_TYPE, call } from './restClient.ts';

const MASKED = 'Internal Error. Details are available in Magento log file. Report ID: ';

describe('REST error bodies over HTTP', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());

  const fail = (kind: string, headers: Record<string, string> = {}, body?: string) =>
    call(server.baseUrl, 'POST', `/rest/V1/fixture/fail/${kind}`, { headers: { ...JSON_TYPE, ...headers }, body });

  it('LocalizedException → 400, raw template, positional parameters as an array', async () => {
    const result = await fail('localized');
    assert.equal(result.status, 400);
    assert.deepEqual(result.json, { message: 'Cannot process %1 for %2.', parameters: ['alpha', 'beta'] });
  });

  it('NoSuchEntityException → 404 with named parameters as an object', async () => {
    const result = await fail('no-such-entity');
    assert.equal(result.status, 404);
    assert.deepEqual(result.json, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'itemId', fieldValue: 7 } });
    const repository = await call(server.baseUrl, 'GET', '/rest/V1/fixture/items/404', { headers: { authorization: 'Bearer admin-1' } });
    assert.equal(repository.status, 404);
  });

  it('AuthenticationException → 401', async () => {
    const result = await fail('authentication');
    assert.equal(result.status, 401);
    assert.deepEqual(result.json, { message: 'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.' });
  });

  it('InputException: one error alone, several under errors', async () => {
    assert.deepEqual((await fail('input-one')).json, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'sku' } });
    const many = await fail('input-many');
    assert.equal(many.status, 400);
    assert.deepEqual(many.json, {
      message: 'One or more input exceptions have occurred.',
      errors: [
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'sku' } },
        { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { fieldName: 'price', value: -1 } },
      ],
    });
  });

  it('other LocalizedExceptions → 400; WebapiException keeps its own status', async () => {
    assert.deepEqual([(await fail('state')).status, (await fail('state')).json], [400, { message: 'The item is locked.' }]);
    const throttled = await fail('throttled');
    assert.equal(throttled.status, 429);
    assert.deepEqual(throttled.json, { message: 'Too Many Requests' });
    const details = await fail('webapi-details');
    assert.deepEqual([details.status, details.json], [429, { message: 'Limit of 3 reached', parameters: { limit: 3 } }]);
  });

  it('anything else → masked 500 whose report id is in the log line, with no internal detail in the body', async () => {
    const result = await fail('crash', { authorization: 'Bearer customer-7' }, '{"password":"hunter2-secret"}');
    assert.equal(result.status, 500);
    const message = (result.json as { message: string }).message;
    assert.ok(message.startsWith(MASKED), message);
    const reportId = message.slice(MASKED.length);
    assert.match(reportId, /^webapi-fixture\d{5}$/);
    assert.deepEqual(Object.keys(result.json as object), ['message']);
    assert.equal(result.text.includes(INTERNAL_DETAIL), false);

    const requestLine = server.logger.lines.find((line) => line.msg === 'rest request' && line['reportId'] === reportId);
    assert.deepEqual(
      { ...requestLine, durationMs: typeof requestLine?.['durationMs'] },
      {
        level: 'info',
        msg: 'rest request',
        method: 'POST',
        route: '/V1/fixture/fail/:kind',
        status: 500,
        durationMs: 'number',
        storeCode: 'default',
        userType: UserType.CUSTOMER,
        userId: 7,
        reportId,
      },
    );
    const errorLine = server.logger.lines.find((line) => line.level === 'error' && line['reportId'] === reportId);
    assert.equal(errorLine?.msg, `Report ID: ${reportId}; Message: Unexpected failure talking to ${INTERNAL_DETAIL}`);
    assert.match(String((errorLine?.['error'] as { stack: string }).stack), /FailureService/);
    const logged = JSON.stringify(server.logger.lines);
    assert.equal(logged.includes('hunter2-secret'), false, 'request bodies are never logged');
    assert.equal(logged.includes('Bearer customer-7'), false, 'headers and tokens are never logged');
  });

  it('a lost database connection → masked 503 with a report id', async () => {
    const result = await fail('database');
    assert.equal(result.status, 503);
    assert.ok((result.json as { message: string }).message.startsWith(MASKED));
    assert.equal(result.text.includes(INTERNAL_DETAIL), false);
  });

  it('writes exactly one request line per request, with the route template and no URL', async () => {
    const before = server.logger.lines.filter((line) => line.msg === 'rest request').length;
    await call(server.baseUrl, 'GET', '/rest/V1/fixture/echo/41?name=secret-query-value');
    await call(server.baseUrl, 'GET', '/rest/V1/fixture/missing');
    const lines = server.logger.lines.filter((line) => line.msg === 'rest request').slice(before);
    assert.deepEqual(
      lines.map((line) => [line['method'], line['route'], line['status'], line['userType'], line['userId']]),
      [
        ['GET', '/V1/fixture/echo/:id', 200, UserType.GUEST, null],
        ['GET', null, 404, UserType.GUEST, null],
      ],
    );
    assert.equal(JSON.stringify(lines).includes('secret-query-value'), false);
    assert.equal(JSON.stringify(lines).includes('/41'), false);
  });

  it('has no trace outside developer mode', async () => {
    for (const kind of ['localized', 'throttled', 'crash']) {
      assert.equal(Object.hasOwn((await fail(kind)).json as object, 'trace'), false, kind);
    }
  });
});

describe('REST error bodies in developer mode', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer({ developerMode: true });
  });
  after(() => server.close());

  const fail = (kind: string) => call(server.baseUrl, 'POST', `/rest/V1/fixture/fail/${kind}`, { headers: JSON_TYPE });

  it('adds a trace to LocalizedException bodies', async () => {
    const body = (await fail('localized')).json as { message: string; trace: string };
    assert.equal(body.message, 'Cannot process %1 for %2.');
    assert.match(body.trace, /FailureService/);
  });

  it('shows the real message and trace of an unexpected error, as Magento does in developer mode', async () => {
    const result = await fail('crash');
    assert.equal(result.status, 500);
    const body = result.json as { message: string; trace: string };
    assert.equal(body.message, `Unexpected failure talking to ${INTERNAL_DETAIL}`);
    assert.match(body.trace, /^Error: Unexpected failure/);
    assert.ok(server.logger.lines.some((line) => line.level === 'error' && line['reportId'] === 'webapi-fixture00001'));
  });

  it('gives Magento\'s detailed decoding error', async () => {
    const result = await call(server.baseUrl, 'POST', '/rest/V1/fixture/echo', { headers: JSON_TYPE, body: '{"id":' });
    assert.equal(result.status, 400);
    assert.match((result.json as { message: string }).message, /^Decoding error: \n.+\n/s);
  });
});
