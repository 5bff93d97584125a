import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AclXmlReader } from '../../../../src/Framework/Acl/AclXmlReader.ts';
import { WebapiXmlReader } from '../../../../src/Framework/Webapi/Config/WebapiXmlReader.ts';
import { ConfigFileException } from '../../../../src/Framework/Exception/ConfigFileException.ts';
import { ECHO_SERVICE, ITEM_REPOSITORY, createFixtureContracts } from '../../../fixtures/Webapi/FixtureContracts.ts';
import { FIXTURE_ACL_XML, FIXTURE_WEBAPI_XML } from '../../../fixtures/Webapi/startFixtureServer.ts';

const acl = new AclXmlReader().read([FIXTURE_ACL_XML]);
const reader = new WebapiXmlReader(createFixtureContracts(), acl);

function routes(body: string): string {
  return `<?xml version="1.0"?>\n<routes xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${body}\n</routes>`;
}

function route(url: string, method: string, options: { service?: string; method?: string; resource?: string; extra?: string } = {}): string {
  return `<route url="${url}" method="${method}">
    <service class="${options.service ?? ECHO_SERVICE}" method="${options.method ?? 'getToken'}"/>
    <resources><resource ref="${options.resource ?? 'anonymous'}"/></resources>
    ${options.extra ?? ''}
  </route>`;
}

function bootFailure(sources: { file: string; xml: string }[]): ConfigFileException {
  try {
    reader.parse(sources);
  } catch (error) {
    assert.ok(error instanceof ConfigFileException, `expected ConfigFileException, got ${String(error)}`);
    return error;
  }
  assert.fail('boot did not fail');
}

describe('WebapiXmlReader', () => {
  it('reads the fixture webapi.xml into frozen routes', () => {
    const config = reader.read([FIXTURE_WEBAPI_XML]);
    assert.ok(Object.isFrozen(config.routes));
    const me = config.routes.find((candidate) => candidate.url === '/V1/fixture/customers/me');
    assert.deepEqual(me, {
      url: '/V1/fixture/customers/me',
      method: 'PUT',
      serviceClass: ECHO_SERVICE,
      serviceMethod: 'updateMe',
      resources: ['self'],
      secure: false,
      parameters: [{ name: 'customer.id', path: ['customer', 'id'], force: true, value: '%customer_id%' }],
      file: FIXTURE_WEBAPI_XML,
    });
    assert.ok(Object.isFrozen(me));
    const remove = config.routes.find((candidate) => candidate.url === '/V1/fixture/items/:itemId' && candidate.method === 'DELETE');
    assert.deepEqual(remove?.resources, ['Fixture_Catalog::items_read', 'Fixture_Catalog::items_write']);
    assert.equal(config.routes.find((candidate) => candidate.url === '/V1/fixture/secure')?.secure, true);
    assert.deepEqual(config.routes.find((candidate) => candidate.url === '/V1/fixture/defaults')?.parameters, [
      { name: 'pageSize', path: ['pageSize'], force: false, value: '25' },
    ]);
  });

  it('adds the routes of further files (modules may add routes)', () => {
    const config = reader.parse([
      { file: 'a/webapi.xml', xml: routes(route('/V1/one', 'GET')) },
      { file: 'b/webapi.xml', xml: routes(route('/V1/two', 'POST')) },
    ]);
    assert.deepEqual(
      config.routes.map((candidate) => [candidate.file, candidate.method, candidate.url]),
      [
        ['a/webapi.xml', 'GET', '/V1/one'],
        ['b/webapi.xml', 'POST', '/V1/two'],
      ],
    );
  });

  it('reads a literal `null` parameter text as null and force="false"/"0" as not forced, trims the url', () => {
    const config = reader.parse([
      {
        file: 'webapi.xml',
        xml: routes(
          route(' /V1/x ', 'GET', {
            method: 'defaults',
            extra: '<data><parameter name="label" force="false">null</parameter><parameter name="page_size" force="0">5</parameter></data>',
          }),
        ),
      },
    ]);
    assert.equal(config.routes[0]?.url, '/V1/x');
    assert.deepEqual(config.routes[0]?.parameters, [
      { name: 'label', path: ['label'], force: false, value: null },
      { name: 'page_size', path: ['page_size'], force: false, value: '5' },
    ]);
  });

  const failures: { name: string; xml: string; element: string; reason: RegExp }[] = [
    { name: 'malformed XML', xml: '<routes><route url="/V1/x" method="GET"></routes>', element: 'document', reason: /^malformed XML: .*\(line 1, column \d+\)$/ },
    { name: 'a root other than <routes>', xml: '<config/>', element: '<config>', reason: /^root element must be <routes>$/ },
    {
      name: 'an unknown service class',
      xml: routes(route('/V1/x', 'GET', { service: 'Vendor\\Missing\\Api\\NopeInterface' })),
      element: 'route "/V1/x" GET',
      reason: /^unknown service class "Vendor\\Missing\\Api\\NopeInterface"$/,
    },
    {
      name: 'an unknown service method',
      xml: routes(route('/V1/x', 'GET', { method: 'nope' })),
      element: 'route "/V1/x" GET',
      reason: /^unknown method "nope" of service class "Fixture\\Echo\\Api\\EchoInterface"$/,
    },
    {
      name: 'an unknown ACL resource',
      xml: routes(route('/V1/x', 'GET', { resource: 'Fixture_Catalog::nope' })),
      element: 'route "/V1/x" GET',
      reason: /^unknown ACL resource "Fixture_Catalog::nope"$/,
    },
    {
      name: 'a bad HTTP method',
      xml: routes(route('/V1/x', 'PATCH')),
      element: 'route "/V1/x" PATCH',
      reason: /^bad HTTP method "PATCH" \(expected GET, POST, PUT or DELETE\)$/,
    },
    {
      name: 'a url outside /V<n>/',
      xml: routes(route('/fixture/x', 'GET')),
      element: 'route "/fixture/x" GET',
      reason: /^url must start with \/V<number>\/$/,
    },
    {
      name: 'a route without url',
      xml: routes('<route method="GET"><service class="x" method="y"/></route>'),
      element: 'route #1 GET',
      reason: /^missing "url" attribute$/,
    },
    {
      name: 'a route without resources',
      xml: routes(`<route url="/V1/x" method="GET"><service class="${ITEM_REPOSITORY}" method="getSpecial"/></route>`),
      element: 'route "/V1/x" GET',
      reason: /^no <resources>/,
    },
    {
      name: 'a <parameter> the method cannot take',
      xml: routes(route('/V1/x', 'GET', { method: 'whoAmI', extra: '<data><parameter name="storeId">1</parameter></data>' })),
      element: 'route "/V1/x" GET',
      reason: /^<parameter name="storeId">: the service method has no parameter "storeId"$/,
    },
    {
      name: 'a dotted <parameter> through an unknown field',
      xml: routes(route('/V1/x', 'PUT', { method: 'updateMe', extra: '<data><parameter name="customer.nickname">x</parameter></data>' })),
      element: 'route "/V1/x" PUT',
      reason: /^<parameter name="customer.nickname">: data interface "Fixture\\Echo\\Api\\Data\\CustomerInterface" has no field "nickname"$/,
    },
    {
      name: 'a non-boolean force',
      xml: routes(route('/V1/x', 'GET', { method: 'whoAmI', extra: '<data><parameter name="customerId" force="yes">1</parameter></data>' })),
      element: 'route "/V1/x" GET',
      reason: /^<parameter name="customerId">: force "yes" is not a boolean$/,
    },
  ];
  for (const failure of failures) {
    it(`fails boot on ${failure.name}, naming file, element and reason`, () => {
      const error = bootFailure([{ file: 'app/code/Vendor/Module/etc/webapi.xml', xml: failure.xml }]);
      assert.equal(error.file, 'app/code/Vendor/Module/etc/webapi.xml');
      assert.equal(error.element, failure.element);
      assert.match(error.reason, failure.reason);
      assert.equal(error.message, `${error.file}: ${error.element}: ${error.reason}`);
    });
  }

  it('fails boot on a duplicate url+method, naming both files', () => {
    const error = bootFailure([
      { file: 'a/webapi.xml', xml: routes(route('/V1/x', 'GET')) },
      { file: 'b/webapi.xml', xml: routes(route('/V1/x', 'GET')) },
    ]);
    assert.equal(error.file, 'b/webapi.xml');
    assert.equal(error.element, 'route "/V1/x" GET');
    assert.equal(error.reason, 'duplicate url+method, already declared in a/webapi.xml');
  });

  it('accepts the same url with another method', () => {
    const config = reader.parse([{ file: 'webapi.xml', xml: routes(route('/V1/x', 'GET') + route('/V1/x', 'DELETE')) }]);
    assert.equal(config.routes.length, 2);
  });
});
