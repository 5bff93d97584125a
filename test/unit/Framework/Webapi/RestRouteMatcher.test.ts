import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebapiException } from '../../../../src/Framework/Exception/WebapiException.ts';
import type { HttpMethod, RestRoute } from '../../../../src/Framework/Webapi/Config/WebapiConfig.ts';
import { RestRouteMatcher } from '../../../../src/Framework/Webapi/Rest/RestRouteMatcher.ts';

function route(url: string, method: HttpMethod = 'GET', serviceMethod = url): RestRoute {
  return { url, method, serviceClass: 'S', serviceMethod, resources: ['anonymous'], secure: false, parameters: [], file: 'webapi.xml' };
}

function matchOf(matcher: RestRouteMatcher, method: HttpMethod, path: string): { url: string; params: Record<string, unknown> } {
  const { route: matched, params } = matcher.match(method, path);
  return { url: matched.url, params: { ...params } };
}

function notFound(matcher: RestRouteMatcher, method: HttpMethod, path: string): void {
  assert.throws(
    () => matcher.match(method, path),
    (error: unknown) =>
      error instanceof WebapiException &&
      error.httpCode === 404 &&
      error.getRawMessage() === 'Request does not match any route.' &&
      error.getParameters().length === 0,
  );
}

describe('RestRouteMatcher', () => {
  const matcher = new RestRouteMatcher([
    route('/V1/customers/:customerId'),
    route('/V1/customers/me'),
    route('/V1/customers/:customerId', 'DELETE'),
    route('/V1/things/:a/b'),
    route('/V1/things/:x/:y'),
    route('/V1/things/z/:y'),
    route('/V1/search/:term'),
    route('/V1/:anything/fixed'),
  ]);

  it('prefers a route equal to the path over templated ones', () => {
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/customers/me'), { url: '/V1/customers/me', params: {} });
  });

  it('captures one segment per :name, equal segment counts only', () => {
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/customers/42'), { url: '/V1/customers/:customerId', params: { customerId: '42' } });
    notFound(matcher, 'GET', '/V1/customers/42/addresses');
    notFound(matcher, 'GET', '/V1/customers');
  });

  it('matches literal segments exactly (case-sensitive) and only for the route method', () => {
    notFound(matcher, 'GET', '/V1/Customers/42');
    assert.equal(matchOf(matcher, 'DELETE', '/V1/customers/42').url, '/V1/customers/:customerId');
    notFound(matcher, 'PUT', '/V1/customers/42');
  });

  it('URL-decodes captured segments as PHP urldecode (+ is a space)', () => {
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/search/a%2Fb+c%20d%C3%A9').params, { term: 'a/b c dé' });
  });

  it('ignores leading and trailing slashes (falls back to templates, which trim)', () => {
    assert.equal(matchOf(matcher, 'GET', '/V1/customers/me/').url, '/V1/customers/me');
  });

  it('among templated matches takes the last in byte order of url, as Magento (ksort + array_pop)', () => {
    // ':a/b' sorts before ':x/:y', so the fully templated route wins for /things/1/b …
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/things/1/b'), { url: '/V1/things/:x/:y', params: { a: '1', x: '1', y: 'b' } });
    // … while a literal segment sorts after ':' and wins.
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/things/z/1').url, '/V1/things/z/:y');
  });

  it('keeps the path parameters of every matching route, later ones overwriting (Magento setParams per match)', () => {
    assert.deepEqual(matchOf(matcher, 'GET', '/V1/things/z/1').params, { x: 'z', y: '1' });
  });

  it('skips routes whose url does not start with the path\'s first two segments', () => {
    notFound(matcher, 'GET', '/V1/other/fixed');
    assert.equal(matchOf(matcher, 'GET', '/V1/:anything/fixed').url, '/V1/:anything/fixed');
  });

  it('answers 404 for a path without two word segments', () => {
    notFound(matcher, 'GET', '/V1');
    notFound(matcher, 'GET', '/');
  });

  it('returns parameters in a null-prototype object', () => {
    const { params } = new RestRouteMatcher([route('/V1/x/:__proto__')]).match('GET', '/V1/x/polluted');
    assert.equal(Object.getPrototypeOf(params), null);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
