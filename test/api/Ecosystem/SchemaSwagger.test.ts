/**
 * `GET /rest/<store>/schema` answers Magento's Swagger 2.0 (Magento\Webapi\Model\Rest\Swagger\Generator), checked
 * with @apidevtools/swagger-parser and against etc/webapi.xml read with a plain XML parser: every route appears
 * once, with Magento's names (tags, operation ids, `<operationId>Body`, definitions, searchCriteria query names).
 * Read as an admin whose role allows everything; the ACL filtering is test/security/SchemaAcl.test.ts.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, it } from 'node:test';
import type { SwaggerDocument, SwaggerOperation, SwaggerQueryParameter } from '../../../src/Framework/Webapi/Schema/SwaggerDocument.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createAdmin } from './ecosystemHarness.ts';
import { validateOpenApi } from './validateOpenApi.ts';
import { expectedSecurity, refsOf } from './schemaExpectations.ts';
import { readWebapiXmlIndependently } from './webapiXmlRoutes.ts';

const ROUTES = readWebapiXmlIndependently();
const swaggerPath = (url: string): string => url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
const ucfirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function operationOf(document: SwaggerDocument, route: { url: string; method: string }): SwaggerOperation {
  const operation = document.paths[swaggerPath(route.url)]?.[route.method.toLowerCase() as 'get'];
  assert.ok(operation, `the description lacks ${route.method} ${route.url}`);
  return operation;
}

/** fetch() will not send another Host header; node:http will. */
function getWithHost(url: string, host: string, token: string): Promise<SwaggerDocument> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SwaggerDocument));
    });
    req.on('error', reject);
    req.end();
  });
}

forEachDatabase('GET /rest/<store>/schema (Swagger 2.0)', (getDb) => {
  let app: TestApplication;
  let document: SwaggerDocument;
  let token: string;

  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(app, ['Magento_Backend::all']);
    const login = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: admin.password } });
    token = login.body as string;
    const reply = await app.request('GET', '/rest/default/schema', { token });
    assert.equal(reply.status, 200);
    document = reply.body as SwaggerDocument;
  });
  after(() => app.close());

  it("is a valid Swagger 2.0 document with Magento's header: host and scheme of the request, basePath of the store", async () => {
    await validateOpenApi(document);
    assert.equal(document.swagger, '2.0');
    assert.deepEqual(document.info, { version: '2.4', title: 'Magento Community' });
    assert.equal(document.host, new URL(app.baseUrl).host);
    assert.equal(document.basePath, '/rest/default');
    assert.deepEqual(document.schemes, ['http']);
    assert.deepEqual(Object.keys(document), ['swagger', 'info', 'host', 'basePath', 'schemes', 'tags', 'paths', 'definitions', 'securityDefinitions']);
    for (const ref of refsOf(document)) {
      assert.match(ref, /^#\/definitions\//);
      assert.ok(document.definitions[ref.slice('#/definitions/'.length)], `dangling ${ref}`);
    }
    const onAll = (await app.request('GET', '/rest/all/schema?services=all', { token })).body as SwaggerDocument;
    assert.deepEqual(onAll, { ...document, basePath: '/rest/all' });
    const otherHost = await getWithHost(`${app.baseUrl}/rest/default/schema`, 'shop.example.com:8443', token);
    assert.equal(otherHost.host, 'shop.example.com:8443');
    assert.deepEqual({ ...otherHost, host: document.host }, document);
  });

  it('lists every route of etc/webapi.xml exactly once, tagged by service, with its resources and security', () => {
    const described = Object.values(document.paths).flatMap((item) => Object.values(item));
    assert.equal(described.length, ROUTES.length);
    for (const route of ROUTES) {
      const operation = operationOf(document, route);
      const label = `${route.method} ${route.url}`;
      assert.deepEqual(operation['x-acl-resources'], route.resources, label);
      assert.equal(operation['x-service'], `${route.serviceClass}::${route.serviceMethod}`);
      assert.deepEqual(operation.security, expectedSecurity(route), label);
      assert.equal(operation.tags.length, 1);
      assert.match(operation.operationId, new RegExp(`^${operation.tags[0]}${ucfirst(route.serviceMethod)}${ucfirst(route.method.toLowerCase())}\\d*$`), label);
      const names = (operation.parameters ?? []).map((p) => p.name);
      for (const forced of route.forced) assert.ok(!names.some((n) => n === forced || n.startsWith(`${forced}[`)), `${label}: forced ${forced}`);
      const body = (operation.parameters ?? []).filter((p) => p.in === 'body');
      assert.ok(body.length <= 1);
      if (body[0]) {
        assert.equal(body[0].name, `${operation.operationId}Body`);
        for (const forced of route.forced) assert.ok(!(forced in (body[0].schema.properties ?? {})), `${label}: forced ${forced} in body`);
      }
      assert.equal(operation.responses['200']?.description, '200 Success.');
      assert.deepEqual(operation.responses['default'], { description: 'Unexpected error', schema: { $ref: '#/definitions/error-response' } });
      const anonymous = route.resources.every((r) => r === 'anonymous');
      assert.equal(operation.responses['401'] === undefined, anonymous, `${label} 401`);
    }
    assert.equal(new Set(described.map((operation) => operation.operationId)).size, described.length, 'operation ids are unique');
    assert.deepEqual(new Set(document.tags.map((tag) => tag.name)), new Set(described.flatMap((operation) => operation.tags)));
  });

  it("names operations, bodies, path parameters and definitions as Magento's generator does", () => {
    const create = operationOf(document, { url: '/V1/customers', method: 'POST' });
    assert.equal(create.operationId, 'customerAccountManagementV1CreateAccountPost');
    const body = create.parameters?.find((p) => p.in === 'body');
    assert.equal(body?.name, 'customerAccountManagementV1CreateAccountPostBody');
    assert.deepEqual(body?.in === 'body' ? body.schema.properties?.customer : undefined, { $ref: '#/definitions/customer-data-customer-interface' });
    assert.deepEqual(body?.in === 'body' ? body.schema.properties?.password : undefined, { type: 'string' });
    assert.deepEqual(body?.in === 'body' ? body.schema.required : undefined, ['customer']);

    const byId = operationOf(document, { url: '/V1/customers/:customerId', method: 'GET' });
    // `/V1/customers/me` comes first in webapi.xml and names the same method: it keeps Magento's id.
    assert.equal(operationOf(document, { url: '/V1/customers/me', method: 'GET' }).operationId, 'customerCustomerRepositoryV1GetByIdGet');
    assert.equal(byId.operationId, 'customerCustomerRepositoryV1GetByIdGet2');
    assert.deepEqual(byId.parameters, [{ name: 'customerId', in: 'path', type: 'integer', required: true }]);
    assert.deepEqual(byId.responses['200'], { description: '200 Success.', schema: { $ref: '#/definitions/customer-data-customer-interface' } });
    assert.equal(byId.responses['404']?.description, '404 Not Found');
    assert.equal(byId.responses['401']?.description, '401 Unauthorized');

    const token = operationOf(document, { url: '/V1/integration/customer/token', method: 'POST' });
    assert.equal(token.operationId, 'integrationCustomerTokenServiceV1CreateCustomerAccessTokenPost');
    assert.deepEqual(token.responses['200'], { description: '200 Success.', schema: { type: 'string' } });

    const customer = document.definitions['customer-data-customer-interface'];
    assert.equal(customer?.type, 'object');
    assert.deepEqual(customer?.required, ['email', 'firstname', 'lastname']);
    assert.deepEqual(customer?.properties?.addresses?.items, { $ref: '#/definitions/customer-data-address-interface' });
    assert.equal(customer?.properties?.addresses?.type, 'array');
    assert.deepEqual(customer?.properties?.extension_attributes, { $ref: '#/definitions/customer-data-customer-extension-interface' });
    assert.ok(document.definitions['framework-search-criteria-interface']);
    assert.deepEqual(document.definitions['error-response']?.required, ['message']);
    assert.deepEqual(Object.keys(document.definitions).slice(0, 5), ['error-response', 'error-errors', 'error-errors-item', 'error-parameters', 'error-parameters-item']);
  });

  it("expands searchCriteria into Magento's query parameter names, which the service binds", async () => {
    const operation = operationOf(document, { url: '/V1/customers/search', method: 'GET' });
    const query = (operation.parameters ?? []) as SwaggerQueryParameter[];
    assert.deepEqual(
      query.map((p) => [p.name, p.in, p.type]),
      [
        ['searchCriteria[filterGroups][][filters][][field]', 'query', 'string'],
        ['searchCriteria[filterGroups][][filters][][value]', 'query', 'string'],
        ['searchCriteria[filterGroups][][filters][][conditionType]', 'query', 'string'],
        ['searchCriteria[sortOrders][][field]', 'query', 'string'],
        ['searchCriteria[sortOrders][][direction]', 'query', 'string'],
        ['searchCriteria[pageSize]', 'query', 'integer'],
        ['searchCriteria[currentPage]', 'query', 'integer'],
      ],
    );
    assert.ok(query.every((p) => p.required === undefined), 'complex query parameters carry no required flag (Magento)');
    const reply = await app.request('GET', `/rest/V1/customers/search?${encodeURI('searchCriteria[pageSize]=3&searchCriteria[currentPage]=1')}`, { token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal((reply.body as { search_criteria: { page_size: number } }).search_criteria.page_size, 3);
  });

  it('keeps OpenAPI 3 at ?format=openapi3, with the same routes', async () => {
    const openapi = (await app.request('GET', '/rest/default/schema?format=openapi3', { token })).body as { openapi: string; paths: Record<string, object> };
    assert.equal(openapi.openapi, '3.0.3');
    assert.deepEqual(Object.keys(openapi.paths), Object.keys(document.paths));
    for (const format of ['swagger2', 'OPENAPI3', '']) {
      assert.equal(((await app.request('GET', `/rest/default/schema?format=${format}`, { token })).body as SwaggerDocument).swagger, '2.0', format);
    }
  });
});
