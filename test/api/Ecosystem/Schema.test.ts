/**
 * `GET /rest/<store>/schema` and `/swagger` over real HTTP. The expected routes come from etc/webapi.xml read
 * with a plain XML parser (webapiXmlRoutes.ts), not from the service's reader, so a route the description
 * misses — or one it invents — fails here. The description lists only the caller's routes (Magento's rule,
 * test/security/SchemaAcl.test.ts); these tests read it as an admin whose role allows everything, who may call
 * every route.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../src/app.ts';
import { createApplication, ETC_DIR } from '../../../src/bootstrap.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import type { OpenApiDocument, OperationObject, SchemaObject } from '../../../src/Framework/Webapi/Schema/OpenApiDocument.ts';
import { listen } from '../../../src/server.ts';
import { createTestApplication, TEST_CRYPT_KEY, type TestApplication } from '../../support/app.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createAdmin } from './ecosystemHarness.ts';
import { validateOpenApi } from './validateOpenApi.ts';
import { expectedSecurity, refsOf } from './schemaExpectations.ts';
import { readWebapiXmlIndependently } from './webapiXmlRoutes.ts';

const ROUTES = readWebapiXmlIndependently();
const EXCHANGE_URL = '/V1/login-as-customer/token';

const openApiPath = (url: string): string => url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
const verb = (method: string): 'get' | 'post' | 'put' | 'delete' => method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';

function operationOf(document: OpenApiDocument, route: { url: string; method: string }): OperationObject {
  const operation = document.paths[openApiPath(route.url)]?.[verb(route.method)];
  assert.ok(operation, `the description lacks ${route.method} ${route.url}`);
  return operation;
}

function resolve(document: OpenApiDocument, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

forEachDatabase('GET /rest/<store>/schema?format=openapi3', (getDb) => {
  let app: TestApplication;
  let document: OpenApiDocument;
  let token: string;

  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(app, ['Magento_Backend::all']);
    const login = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: admin.password } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    token = login.body as string;
    const reply = await app.request('GET', '/rest/default/schema?format=openapi3', { token });
    assert.equal(reply.status, 200);
    document = reply.body as OpenApiDocument;
  });
  after(() => app.close());

  it('is a valid OpenAPI 3.0 document for the store prefix it was read from', async () => {
    assert.equal(document.openapi, '3.0.3');
    assert.deepEqual(document.servers, [{ url: '/rest/default' }]);
    await validateOpenApi(document);
    for (const ref of refsOf(document)) assert.notEqual(resolve(document, ref), undefined, `dangling ${ref}`);

    assert.deepEqual((await app.request('GET', '/rest/all/schema?format=openapi3', { token })).body, { ...document, servers: [{ url: '/rest/all' }] });
    assert.deepEqual((await app.request('GET', '/rest/schema?services=all&format=openapi3', { token })).body, document);
    const unknownStore = await app.request('GET', '/rest/nostore/schema?format=openapi3', { token });
    assert.equal(unknownStore.status, 400);
    assert.deepEqual(unknownStore.body, { message: 'Specified request cannot be processed.' });
  });

  it('lists every route of etc/webapi.xml exactly once, with its resources and security', () => {
    assert.ok(ROUTES.length >= 20, `read ${ROUTES.length} routes from etc/webapi.xml`);
    const described = Object.values(document.paths).flatMap((item) => Object.values(item));
    assert.equal(described.length, ROUTES.length);
    for (const route of ROUTES) {
      const operation = operationOf(document, route);
      assert.deepEqual(operation['x-acl-resources'], route.resources, `${route.method} ${route.url}`);
      assert.equal(operation['x-service'], `${route.serviceClass}::${route.serviceMethod}`);
      assert.deepEqual(operation.security, expectedSecurity(route), `${route.method} ${route.url}`);
      for (const resource of route.resources.filter((r) => r !== 'anonymous' && r !== 'self')) {
        assert.ok(operation.description.includes(`\`${resource}\``), `${route.url} description names ${resource}`);
      }
      const inputs = [
        ...(operation.parameters ?? []).map((p) => p.name),
        ...Object.keys(operation.requestBody?.content['application/json']?.schema.properties ?? {}),
      ];
      for (const forced of route.forced) assert.ok(!inputs.includes(forced), `${route.url}: forced ${forced} is not an input`);
      for (const status of ['200', '400', '401', '404', '500']) assert.ok(operation.responses[status], `${route.url} ${status}`);
    }
    assert.equal(new Set(described.map((operation) => operation.operationId)).size, described.length, 'operation ids are unique');
  });

  it('describes the Login-as-Customer secret route: body, result type, errors, ACL', () => {
    const operation = operationOf(document, { url: '/V1/login-as-customer/secret', method: 'POST' });
    assert.equal(operation.operationId, 'loginAsCustomerApiGenerateAuthenticationSecretV1ExecutePost');
    assert.deepEqual(operation.tags, ['loginAsCustomerApiGenerateAuthenticationSecretV1']);
    const body = operation.requestBody?.content['application/json']?.schema;
    assert.equal(operation.requestBody?.required, true);
    assert.deepEqual(body?.required, ['customerId']);
    assert.deepEqual(body?.properties?.customerId?.type, 'integer');
    assert.deepEqual(body?.properties?.reason?.type, 'string');
    const result = operation.responses['200'] as { content: Record<string, { schema: SchemaObject }> };
    assert.deepEqual(result.content['application/json']?.schema, {
      $ref: '#/components/schemas/login-as-customer-api-data-authentication-secret-interface',
    });
    const secretSchema = document.components.schemas['login-as-customer-api-data-authentication-secret-interface'];
    assert.deepEqual(Object.keys(secretSchema?.properties ?? {}), ['secret', 'customer_id', 'admin_id', 'store_id', 'expires_at']);
    assert.deepEqual(secretSchema?.properties?.customer_id?.type, 'integer');
    const unauthorized = operation.responses['401'] as { content: Record<string, { example: unknown }> };
    assert.deepEqual(unauthorized.content['application/json']?.example, {
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Magento_LoginAsCustomer::login' },
    });
    assert.deepEqual(operation.responses['404'], { $ref: '#/components/responses/404' });
    const error = document.components.schemas['error-response'];
    assert.deepEqual(Object.keys(error?.properties ?? {}), ['message', 'parameters', 'errors', 'trace']);
  });

  it('expands data interfaces into component schemas, recursively', () => {
    const customer = document.components.schemas['customer-data-customer-interface'];
    assert.deepEqual(customer?.properties?.extension_attributes, { $ref: '#/components/schemas/customer-data-customer-extension-interface' });
    assert.deepEqual(customer?.properties?.addresses, {
      type: 'array',
      items: { $ref: '#/components/schemas/customer-data-address-interface' },
    });
    assert.deepEqual(customer?.required, ['email', 'firstname', 'lastname']);
    const results = document.components.schemas['customer-data-customer-search-results-interface'];
    assert.deepEqual(results?.properties?.search_criteria, { $ref: '#/components/schemas/framework-search-criteria-interface' });
    assert.ok(document.components.schemas['framework-filter']);
    const byId = operationOf(document, { url: '/V1/customers/:customerId', method: 'GET' });
    assert.deepEqual(byId.parameters, [{ name: 'customerId', in: 'path', required: true, schema: { type: 'integer' } }]);
  });

  it("gives list routes Magento's searchCriteria query parameters, which the service accepts as named", async () => {
    const operation = operationOf(document, { url: '/V1/customers/search', method: 'GET' });
    const names = (operation.parameters ?? []).map((p) => p.name);
    assert.deepEqual(names, [
      'searchCriteria[filter_groups][0][filters][0][field]',
      'searchCriteria[filter_groups][0][filters][0][value]',
      'searchCriteria[filter_groups][0][filters][0][condition_type]',
      'searchCriteria[sort_orders][0][field]',
      'searchCriteria[sort_orders][0][direction]',
      'searchCriteria[page_size]',
      'searchCriteria[current_page]',
    ]);
    const admin = await createAdmin(app, ['Magento_Customer::customer']);
    const customerAdminToken = (
      await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: admin.password } })
    ).body as string;
    const values = ['email', `${admin.username}@example.com`, 'eq', 'email', 'ASC', '5', '1'];
    const query = names.map((name, i) => `${encodeURIComponent(name)}=${encodeURIComponent(values[i] as string)}`).join('&');
    const reply = await app.request('GET', `/rest/V1/customers/search?${query}`, { token: customerAdminToken });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.deepEqual((reply.body as { search_criteria: unknown }).search_criteria, {
      filter_groups: [{ filters: [{ field: 'email', value: `${admin.username}@example.com`, condition_type: 'eq' }] }],
      sort_orders: [{ field: 'email', direction: 'ASC' }],
      page_size: 5,
      current_page: 1,
    });
  });

  it("answers Magento's ?services= filter, and refuses a malformed or unknown service", async () => {
    const only = (await app.request('GET', '/rest/default/schema?services=customerCustomerRepositoryV1,storeStoreRepositoryV1&format=openapi3', { token }))
      .body as OpenApiDocument;
    assert.deepEqual(only.tags.map((tag) => tag.name), ['customerCustomerRepositoryV1', 'storeStoreRepositoryV1']);
    const wanted = ROUTES.filter((route) =>
      ['Magento\\Customer\\Api\\CustomerRepositoryInterface', 'Magento\\Store\\Api\\StoreRepositoryInterface'].includes(route.serviceClass),
    );
    assert.deepEqual(Object.keys(only.paths), [...new Set(wanted.map((route) => openApiPath(route.url)))]);
    assert.ok(Object.keys(only.paths).includes('/V1/customers/search'));

    const malformed = await app.request('GET', '/rest/default/schema?services=customer-repository', { token });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body, { message: 'Incorrect format of request URI or Requested services are missing.' });
    const unknown = await app.request('GET', '/rest/default/schema?services=nothingHereV1', { token });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { message: 'Requested service is not available: "nothingHereV1"' });
  });
});

describe('a route made anonymous in webapi.xml', () => {
  let etcDir: string;
  before(() => {
    etcDir = mkdtempSync(join(tmpdir(), 'lac-etc-'));
    cpSync(ETC_DIR, etcDir, { recursive: true });
    const file = join(etcDir, 'webapi.xml');
    const xml = readFileSync(file, 'utf8');
    const exchange = /(<route url="\/V1\/login-as-customer\/token" method="POST">[\s\S]*?<resource ref=")Magento_LoginAsCustomer::token(")/;
    assert.match(xml, exchange);
    writeFileSync(file, xml.replace(exchange, '$1anonymous$2'));
  });
  after(() => rmSync(etcDir, { recursive: true, force: true }));

  it('is described to a guest, without security, and the service then answers it without a token', async () => {
    const application = await createApplication({
      deployment: {
        database: { kind: 'sqlite', path: ':memory:' },
        cryptKey: TEST_CRYPT_KEY,
        tablePrefix: '',
        mode: 'default',
        host: '127.0.0.1',
        port: 0,
        varDir: etcDir,
        source: 'embedded',
      },
      etcDir,
      logger: new MemoryLogger(),
    });
    const server = await listen(createApp(application), '127.0.0.1', 0);
    try {
      const document = (await (await fetch(`${server.url}/rest/default/schema`)).json()) as OpenApiDocument;
      const operation = operationOf(document, { url: EXCHANGE_URL, method: 'POST' });
      assert.deepEqual(operation.security, []);
      assert.deepEqual(operation['x-acl-resources'], ['anonymous']);
      const reply = await fetch(`${server.url}/rest/V1${EXCHANGE_URL.slice(3)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret: '0:3:AAAA' }),
      });
      // The service itself answers (the feature is off on this fresh database), not the ACL check.
      assert.equal(reply.status, 400);
      assert.deepEqual(await reply.json(), { message: 'Login as Customer is disabled.' });
    } finally {
      await server.close();
      await application.close();
    }
  });
});

forEachDatabase('/swagger (developer mode)', (getDb) => {
  let app: TestApplication;
  before(async () => {
    app = await createTestApplication(getDb(), { mode: 'developer' });
  });
  after(() => app.close());

  it("serves Swagger UI from swagger-ui-dist on Magento's schema URL, store `all` by default", async () => {
    const page = await fetch(`${app.baseUrl}/swagger`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    const html = await page.text();
    assert.match(html, /data-url="\/rest\/all\/schema\?services=all"/);
    // The page shows Magento's document: Swagger 2.0 (a guest's, until a token is authorised).
    const described = (await (await fetch(`${app.baseUrl}/rest/all/schema?services=all`)).json()) as { swagger?: string; basePath?: string };
    assert.equal(described.swagger, '2.0');
    assert.equal(described.basePath, '/rest/all');
    assert.doesNotMatch(html, /https?:\/\//, 'no CDN or other origin');
    const scripts = [...html.matchAll(/(?:src|href)="(\/swagger\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(scripts.includes('/swagger/assets/swagger-ui-bundle.js'));
    for (const asset of scripts) assert.equal((await fetch(app.baseUrl + asset)).status, 200, asset);
    const bundle = await fetch(`${app.baseUrl}/swagger/assets/swagger-ui-bundle.js`);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await bundle.text()).includes('SwaggerUIBundle'));

    assert.match(await (await fetch(`${app.baseUrl}/swagger?store=default`)).text(), /data-url="\/rest\/default\/schema\?services=all"/);
    assert.equal((await fetch(`${app.baseUrl}/swagger?store=%22%3E%3Cscript%3E`)).status, 400);
    const other = await fetch(`${app.baseUrl}/swagger/assets/index.html`);
    assert.equal(other.status, 404);
    assert.deepEqual(await other.json(), { message: 'Request does not match any route.' });
  });

  it('authorises the Swagger 2.0 apiKey schemes with "Bearer <token>", whether or not the token was typed with it', async () => {
    // The page script, run against stand-ins for the browser and Swagger UI (test/browser/SwaggerUi.test.ts runs it for real).
    const script = await (await fetch(`${app.baseUrl}/swagger/assets/initializer.js`)).text();
    let onLoad: () => void = () => {};
    let config: {
      plugins: (() => { statePlugins: { auth: { wrapActions: Record<string, (original: (payload: unknown) => void, system: unknown) => (payload: unknown) => void> } } })[];
      requestInterceptor: (request: { loadSpec?: boolean; headers: Record<string, string> }) => { headers: Record<string, string> };
    } | undefined;
    const bundle = Object.assign((options: typeof config) => (config = options), { presets: { apis: {} } });
    const window = { addEventListener: (_event: string, listener: () => void) => (onLoad = listener) };
    const document = { getElementById: () => ({ getAttribute: () => '/rest/all/schema?services=all' }) };
    new Function('window', 'document', 'SwaggerUIBundle', script)(window, document, bundle);
    onLoad();
    assert.ok(config);
    let stored: { adminToken?: { value: string } } = {};
    let downloads = 0;
    const system = {
      authSelectors: { authorized: () => ({ getIn: (path: string[]) => (path[0] === 'adminToken' ? stored.adminToken?.value : undefined) }) },
      specActions: { download: () => downloads++ },
    };
    const authorize = config.plugins[0]!().statePlugins.auth.wrapActions.authorize!((payload) => (stored = payload as typeof stored), system);
    const apiKey = { get: (key: string) => (key === 'type' ? 'apiKey' : undefined) };
    authorize({ adminToken: { name: 'adminToken', schema: apiKey, value: 'eyJraw' } });
    assert.equal(stored.adminToken?.value, 'Bearer eyJraw');
    assert.equal(downloads, 1, 'the description is loaded again for the token');
    authorize({ adminToken: { name: 'adminToken', schema: apiKey, value: 'Bearer eyJtyped' } });
    assert.equal(stored.adminToken?.value, 'Bearer eyJtyped');
    assert.equal(config.requestInterceptor({ loadSpec: true, headers: {} }).headers.Authorization, 'Bearer eyJtyped');
    assert.equal(config.requestInterceptor({ headers: { Authorization: 'eyJraw' } }).headers.Authorization, 'Bearer eyJraw');
  });
});
