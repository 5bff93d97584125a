/**
 * The API description generator (and the schema handler that picks the caller's routes) on the fixture module (test/fixtures/Webapi), whose routes cover every
 * placement rule: path, query and body inputs, forced and default `<parameter>`s, void and mixed types,
 * several resources, `secure`, shared service methods. Plain `new`, no container, no database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AclResourceTree } from '../../../src/Framework/Acl/AclResourceTree.ts';
import { AclXmlReader } from '../../../src/Framework/Acl/AclXmlReader.ts';
import { WebapiXmlReader } from '../../../src/Framework/Webapi/Config/WebapiXmlReader.ts';
import { MagentoSchemaNames } from '../../../src/Framework/Webapi/Schema/MagentoSchemaNames.ts';
import type { SwaggerDocument } from '../../../src/Framework/Webapi/Schema/SwaggerDocument.ts';
import type { OpenApiDocument, OperationObject, SchemaObject } from '../../../src/Framework/Webapi/Schema/OpenApiDocument.ts';
import { OpenApiGenerator } from '../../../src/Framework/Webapi/Schema/OpenApiGenerator.ts';
import { renderRoutesTable } from '../../../src/Framework/Webapi/Schema/RoutesTable.ts';
import { SchemaCache } from '../../../src/Framework/Webapi/Schema/SchemaCache.ts';
import { createSchemaHandler } from '../../../src/Framework/Webapi/Schema/SchemaRequestHandler.ts';
import type { RequestAuthorizer } from '../../../src/Framework/Acl/RequestAuthorizer.ts';
import { GUEST, UserType, type UserContext } from '../../../src/Framework/Authentication/UserContext.ts';
import type { SchemaRequest } from '../../../src/Framework/Webapi/Rest/RestFrontController.ts';
import { ADMIN_STORE } from '../../../src/Framework/Webapi/StoreResolver.ts';
import type { ContractRegistry } from '../../../src/Framework/Webapi/ServiceContract.ts';
import { createFixtureContracts } from '../../fixtures/Webapi/FixtureContracts.ts';
import { FIXTURE_ACL_XML, FIXTURE_WEBAPI_XML } from '../../fixtures/Webapi/startFixtureServer.ts';
import { validateOpenApi } from '../../api/Ecosystem/validateOpenApi.ts';

const contracts = createFixtureContracts();
const aclTree = new AclXmlReader().read([FIXTURE_ACL_XML]);
const webapiConfig = new WebapiXmlReader(contracts, aclTree).read([FIXTURE_WEBAPI_XML]);
const generator = new OpenApiGenerator({ webapiConfig, contracts, aclTree });
const document = generator.generate({ serverUrl: '/rest/german' });

function op(path: string, verb: 'get' | 'post' | 'put' | 'delete', from: OpenApiDocument = document): OperationObject {
  const operation = from.paths[path]?.[verb];
  assert.ok(operation, `${verb} ${path} missing`);
  return operation;
}

function body(operation: OperationObject): SchemaObject | undefined {
  return operation.requestBody?.content['application/json']?.schema;
}

function success(operation: OperationObject): SchemaObject | undefined {
  const response = operation.responses['200'] as { content?: Record<string, { schema: SchemaObject }> };
  return response.content?.['application/json']?.schema;
}

describe('MagentoSchemaNames', () => {
  it("reproduces Magento's service names (tags)", () => {
    assert.equal(MagentoSchemaNames.serviceName('Magento\\Customer\\Api\\CustomerRepositoryInterface', 'V1'), 'customerCustomerRepositoryV1');
    assert.equal(MagentoSchemaNames.serviceName('Magento\\Customer\\Api\\AccountManagementInterface', 'V1'), 'customerAccountManagementV1');
    assert.equal(MagentoSchemaNames.serviceName('Magento\\Integration\\Api\\AdminTokenServiceInterface', 'V1'), 'integrationAdminTokenServiceV1');
    assert.equal(MagentoSchemaNames.serviceName('Magento\\Catalog\\Api\\ProductRepositoryInterface', 'V1'), 'catalogProductRepositoryV1');
    assert.equal(MagentoSchemaNames.serviceName('Vendor\\Search\\Api\\Search\\QueryInterface', 'V2'), 'vendorSearchQueryV2');
  });

  it("reproduces Magento's definition names (component schemas)", () => {
    assert.equal(MagentoSchemaNames.definitionName('Magento\\Customer\\Api\\Data\\CustomerInterface'), 'customer-data-customer-interface');
    assert.equal(MagentoSchemaNames.definitionName('Magento\\Framework\\Api\\SearchCriteriaInterface'), 'framework-search-criteria-interface');
    assert.equal(MagentoSchemaNames.definitionName('Magento\\Framework\\Api\\Search\\FilterGroup'), 'framework-search-filter-group');
    assert.equal(
      MagentoSchemaNames.definitionName('Magento\\ConfigurableProduct\\Api\\Data\\OptionInterface'),
      'configurable-product-data-option-interface',
    );
    assert.equal(MagentoSchemaNames.definitionName('Fixture\\Catalog\\Api\\Data\\ItemInterface'), 'fixture-catalog-data-item-interface');
  });

  it('builds operation ids and OpenAPI paths', () => {
    assert.equal(MagentoSchemaNames.operationId('customerCustomerRepositoryV1', 'getById', 'GET'), 'customerCustomerRepositoryV1GetByIdGet');
    assert.equal(MagentoSchemaNames.openApiPath('/V1/things/:x/b/:y'), '/V1/things/{x}/b/{y}');
  });
});

describe('OpenApiGenerator', () => {
  it('writes a valid OpenAPI 3.0 document with the given server and one operation per route', async () => {
    await validateOpenApi(document);
    assert.deepEqual(document.servers, [{ url: '/rest/german' }]);
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    assert.equal(operations.length, webapiConfig.routes.length);
    assert.equal(new Set(operations.map((o) => o.operationId)).size, operations.length);
    // Two routes on EchoInterface::isEnabled (GET): Magento's id, then a numbered one. (`Echo` is both module
    // and interface name, so Magento's service name drops the repetition.)
    assert.equal(op('/V1/fixture/enabled', 'get').operationId, 'fixtureEchoV1IsEnabledGet');
    assert.equal(op('/V1/fixture/secure', 'get').operationId, 'fixtureEchoV1IsEnabledGet2');
  });

  it('puts `:name` inputs in the path, GET/DELETE inputs in the query, POST/PUT inputs in one JSON body', () => {
    assert.deepEqual(op('/V1/fixture/echo/{id}', 'get').parameters, [
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'name', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    assert.deepEqual(op('/V1/fixture/echo/{id}', 'delete').parameters, op('/V1/fixture/echo/{id}', 'get').parameters);
    const echo = op('/V1/fixture/echo', 'post');
    assert.equal(echo.parameters, undefined);
    assert.equal(echo.requestBody?.required, true);
    assert.deepEqual(body(echo), {
      type: 'object',
      title: 'fixtureEchoV1EchoScalarsPostBody',
      properties: {
        id: { type: 'integer' },
        name: { type: 'string' },
        ratio: { type: 'number' },
        isActive: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        note: {},
      },
      required: ['id', 'name'],
    });
    const update = op('/V1/fixture/items/{itemId}', 'put');
    assert.deepEqual(update.parameters?.map((p) => [p.name, p.in]), [['itemId', 'path']]);
    assert.deepEqual(body(update)?.properties, { item: { $ref: '#/components/schemas/fixture-catalog-data-item-interface' } });
  });

  it('leaves forced parameters out, and makes webapi.xml defaults optional', () => {
    const me = op('/V1/fixture/me', 'get');
    assert.equal(me.parameters, undefined);
    assert.match(me.description, /`customerId`/);
    const whoami = op('/V1/fixture/whoami', 'post');
    assert.equal(whoami.requestBody, undefined);
    const customerMe = op('/V1/fixture/customers/me', 'put');
    assert.deepEqual(Object.keys(body(customerMe)?.properties ?? {}), ['customer']);
    assert.match(customerMe.description, /`customer\.id`/);
    const defaults = op('/V1/fixture/defaults', 'get');
    const pageSize = defaults.parameters?.find((p) => p.name === 'pageSize');
    assert.equal(pageSize?.required, false);
    assert.match(pageSize?.description ?? '', /Default \(webapi\.xml\): 25/);
  });

  it('expands a search criteria query input into bracket names', () => {
    const names = op('/V1/fixture/items', 'get').parameters?.map((p) => `${p.name}:${p.schema.type ?? ''}:${p.required}`);
    assert.deepEqual(names, [
      'searchCriteria[filter_groups][0][filters][0][field]:string:false',
      'searchCriteria[filter_groups][0][filters][0][value]:string:false',
      'searchCriteria[filter_groups][0][filters][0][condition_type]:string:false',
      'searchCriteria[sort_orders][0][field]:string:false',
      'searchCriteria[sort_orders][0][direction]:string:false',
      'searchCriteria[page_size]:integer:false',
      'searchCriteria[current_page]:integer:false',
    ]);
    assert.match(op('/V1/fixture/items', 'get').parameters?.[0]?.description ?? '', /`searchCriteria`, which is required/);
  });

  it('describes results: data interfaces as components, scalars inline, void as []', () => {
    assert.deepEqual(success(op('/V1/fixture/items/{itemId}', 'get')), { $ref: '#/components/schemas/fixture-catalog-data-item-interface' });
    assert.deepEqual(success(op('/V1/fixture/token', 'get')), { type: 'string' });
    assert.deepEqual(success(op('/V1/fixture/enabled', 'get')), { type: 'boolean' });
    assert.deepEqual(success(op('/V1/fixture/nothing', 'post')), { type: 'array', items: {}, description: 'Always []' });
    const item = document.components.schemas['fixture-catalog-data-item-interface'];
    assert.deepEqual(item?.required, ['sku']);
    assert.deepEqual(item?.properties?.options, { type: 'array', items: { $ref: '#/components/schemas/fixture-catalog-data-option-interface' } });
    assert.deepEqual(item?.properties?.extension_attributes, { $ref: '#/components/schemas/fixture-catalog-data-item-extension-interface' });
    assert.ok(document.components.schemas['fixture-catalog-data-item-search-results-interface']);
    assert.ok(document.components.schemas['error-response']);
  });

  it('derives security and the access text from the route resources', () => {
    assert.deepEqual(op('/V1/fixture/items/special', 'get').security, []);
    assert.deepEqual(op('/V1/fixture/me', 'get').security, [{ customerToken: [] }]);
    const remove = op('/V1/fixture/items/{itemId}', 'delete');
    assert.deepEqual(remove.security, [{ adminToken: [] }]);
    assert.deepEqual(remove['x-acl-resources'], ['Fixture_Catalog::items_read', 'Fixture_Catalog::items_write']);
    assert.match(remove.description, /ACL resources \(all required\) `Fixture_Catalog::items_read` \(Read Items\), `Fixture_Catalog::items_write` \(Write Items\)/);
    assert.match(op('/V1/fixture/secure', 'get').description, /HTTPS only/);
    // Anonymous routes share the generic 401; protected ones carry their own example naming the resources.
    assert.deepEqual(op('/V1/fixture/items/special', 'get').responses['401'], { $ref: '#/components/responses/401' });
    assert.match(JSON.stringify(remove.responses['401']), /"resources":"Fixture_Catalog::items_read, Fixture_Catalog::items_write"/);
  });

  it("filters by Magento's service names", () => {
    assert.deepEqual(generator.serviceNames(), ['fixtureCatalogItemRepositoryV1', 'fixtureEchoV1', 'fixtureFailureV1']);
    const only = generator.generate({ serverUrl: '/rest/default', services: new Set(['fixtureFailureV1']) });
    assert.deepEqual(Object.keys(only.paths), ['/V1/fixture/fail/{kind}']);
    assert.deepEqual(only.tags, [{ name: 'fixtureFailureV1', description: 'Fixture\\Failure\\Api\\FailureInterface' }]);
  });

  it('ends a self-referencing data interface in a $ref and stops expanding it in a query', async () => {
    const TREE = 'Vendor\\Tree\\Api\\Data\\NodeInterface';
    const registry: ContractRegistry = {
      services: new Map([
        [
          'Vendor\\Tree\\Api\\TreeInterface',
          {
            name: 'Vendor\\Tree\\Api\\TreeInterface',
            methods: {
              find: { parameters: [{ name: 'filter', type: TREE, required: false }], returns: `${TREE}[]` },
            },
          },
        ],
      ]),
      dataTypes: new Map([
        [TREE, { name: TREE, fields: [{ name: 'label', type: 'string' }, { name: 'children', type: `${TREE}[]` }] }],
      ]),
    };
    const config = {
      routes: [
        {
          url: '/V1/tree',
          method: 'GET' as const,
          serviceClass: 'Vendor\\Tree\\Api\\TreeInterface',
          serviceMethod: 'find',
          resources: ['anonymous'],
          secure: false,
          parameters: [],
          file: 'webapi.xml',
        },
      ],
    };
    const tree = new OpenApiGenerator({ webapiConfig: config, contracts: registry, aclTree: new AclResourceTree([]) }).generate({ serverUrl: '/rest/default' });
    await validateOpenApi(tree);
    assert.deepEqual(tree.components.schemas['vendor-tree-data-node-interface']?.properties?.children, {
      type: 'array',
      items: { $ref: '#/components/schemas/vendor-tree-data-node-interface' },
    });
    assert.deepEqual(tree.paths['/V1/tree']?.get?.parameters?.map((p) => p.name), ['filter[label]']);
  });

  it('renders the routes table from the description, in webapi.xml order', () => {
    const table = renderRoutesTable(document).split('\n');
    assert.equal(table[0], '| Method | URL | Resources | Service |');
    assert.equal(table[2], '| GET | `/V1/fixture/items/:itemId` | `Fixture_Catalog::items_read` | `Fixture\\Catalog\\Api\\ItemRepositoryInterface::getById` |');
    assert.equal(table.filter((line) => line.startsWith('| ') && !line.startsWith('| Method')).length, webapiConfig.routes.length);
  });
});

/** A stand-in for the ACL: each admin id allows a fixed set of resources; customers pass `self`. */
class FakeAuthorizer implements RequestAuthorizer {
  calls = 0;
  constructor(private readonly rights: ReadonlyMap<number, readonly string[]>) {}

  isAllowed(user: UserContext, resources: readonly string[]): Promise<boolean> {
    this.calls++;
    const granted = user.userType === UserType.ADMIN && user.userId !== null ? (this.rights.get(user.userId) ?? []) : [];
    return Promise.resolve(
      resources.every((r) => r === 'anonymous' || (r === 'self' && user.userType === UserType.CUSTOMER) || granted.includes(r)),
    );
  }
}

const READ = 'Fixture_Catalog::items_read';
const WRITE = 'Fixture_Catalog::items_write';
const admin = (userId: number): UserContext => ({ userId, userType: UserType.ADMIN });
/** OpenAPI 3 (`?format=openapi3`) unless the query says otherwise; without it the handler answers Swagger 2.0. */
const schemaRequest = (user: UserContext, query: Record<string, unknown> = {}): SchemaRequest => ({
  store: { storeId: 1, code: 'default', websiteId: 1 },
  query: { format: 'openapi3', ...query },
  secure: false,
  host: undefined,
  user,
});
const operationsOf = (from: OpenApiDocument): string[] =>
  Object.entries(from.paths).flatMap(([path, item]) => Object.keys(item).map((verb) => `${verb.toUpperCase()} ${path}`));

describe('createSchemaHandler', () => {
  const rights = new Map<number, readonly string[]>([
    [1, [READ]],
    [2, [READ]],
    [3, [READ, WRITE]],
  ]);
  const newHandler = (authorizer: RequestAuthorizer, cacheSize?: number) =>
    createSchemaHandler({ webapiConfig, contracts, aclTree, requestAuthorizer: authorizer }, cacheSize === undefined ? {} : { cacheSize });

  it("describes only the routes the caller passes the ACL for, all of a route's resources required", async () => {
    const handler = newHandler(new FakeAuthorizer(rights));
    const expected = (allowed: (resources: readonly string[]) => boolean): string[] =>
      webapiConfig.routes
        .filter((route) => allowed(route.resources))
        .map((route) => `${route.method} ${MagentoSchemaNames.openApiPath(route.url)}`)
        .sort();
    const guest = (await handler(schemaRequest(GUEST))) as OpenApiDocument;
    assert.deepEqual(operationsOf(guest).sort(), expected((r) => r.every((x) => x === 'anonymous')));
    assert.ok(!operationsOf(guest).includes('GET /V1/fixture/me'));
    // A self route and an anonymous route on one service method: each route is judged on its own.
    assert.ok(operationsOf(guest).includes('POST /V1/fixture/whoami'));

    const reader = (await handler(schemaRequest(admin(1)))) as OpenApiDocument;
    assert.ok(operationsOf(reader).includes('GET /V1/fixture/items/{itemId}'));
    assert.ok(!operationsOf(reader).includes('DELETE /V1/fixture/items/{itemId}'), 'DELETE needs items_read and items_write');
    assert.deepEqual(operationsOf(reader).sort(), expected((r) => r.every((x) => x === 'anonymous' || x === READ)));
    const writer = (await handler(schemaRequest(admin(3)))) as OpenApiDocument;
    assert.ok(operationsOf(writer).includes('DELETE /V1/fixture/items/{itemId}'));

    // A service with nothing the caller may call has no tag.
    const tags = new Set(guest.tags.map((tag) => tag.name));
    assert.deepEqual(tags, new Set(Object.values(guest.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags))));
    await validateOpenApi(guest);
  });

  it('shares one cached document between callers with the same rights, never with broader ones', async () => {
    const authorizer = new FakeAuthorizer(rights);
    const handler = newHandler(authorizer);
    const broad = await handler(schemaRequest(admin(3)));
    const narrow = await handler(schemaRequest(admin(1)));
    assert.notEqual(narrow, broad);
    assert.ok(operationsOf(narrow as OpenApiDocument).length < operationsOf(broad as OpenApiDocument).length);
    assert.equal(await handler(schemaRequest(admin(2))), narrow, 'another admin with the same rights gets the same document');
    const asAdminScope = await handler({ ...schemaRequest(admin(2)), store: ADMIN_STORE });
    assert.notEqual(asAdminScope, narrow);
    assert.deepEqual((asAdminScope as OpenApiDocument).servers, [{ url: '/rest/all' }]);

    // Swagger 2.0 is sent with the request's host and scheme, around the one cached body of those rights.
    const swaggerOf = async (user: UserContext, host: string, secure: boolean): Promise<SwaggerDocument> =>
      (await handler({ ...schemaRequest(user, { format: undefined }), host, secure })) as SwaggerDocument;
    const narrowSwagger = await swaggerOf(admin(1), 'a.example', false);
    const sameRights = await swaggerOf(admin(2), 'b.example:8443', true);
    assert.equal(sameRights.paths, narrowSwagger.paths);
    assert.equal(sameRights.definitions, narrowSwagger.definitions);
    assert.deepEqual([narrowSwagger.host, narrowSwagger.schemes, sameRights.host, sameRights.schemes], ['a.example', ['http'], 'b.example:8443', ['https']]);
    assert.notEqual((await swaggerOf(admin(3), 'a.example', false)).paths, narrowSwagger.paths);
    assert.deepEqual(Object.keys(narrowSwagger.paths), Object.keys((narrow as OpenApiDocument).paths));

    // One ACL check per distinct resource list, not per route.
    const distinct = new Set(webapiConfig.routes.map((route) => JSON.stringify(route.resources))).size;
    authorizer.calls = 0;
    await handler(schemaRequest(admin(1)));
    assert.equal(authorizer.calls, distinct);
  });

  it('answers ?services= with the requested services the caller may see, an empty description when none', async () => {
    const handler = newHandler(new FakeAuthorizer(rights));
    const items = generator.serviceNameOf(webapiConfig.routes.find((route) => route.url === '/V1/fixture/items' && route.method === 'POST')!);
    const forReader = (await handler(schemaRequest(admin(1), { services: items }))) as OpenApiDocument;
    assert.deepEqual(forReader.tags.map((tag) => tag.name), [items]);
    assert.ok(!operationsOf(forReader).includes('POST /V1/fixture/items'));
    await assert.rejects(Promise.resolve(handler(schemaRequest(GUEST, { services: 'nothingV1' }))), /Requested service is not available/);
  });
});

describe('SchemaCache', () => {
  it('keeps at most its size, dropping the least recently used', () => {
    const cache = new SchemaCache(2);
    const made: string[] = [];
    const make = (key: string) => () => {
      made.push(key);
      return { ...document, servers: [{ url: key }] };
    };
    const a = cache.getOrCreate('a', make('a'));
    cache.getOrCreate('b', make('b'));
    assert.equal(cache.getOrCreate('a', make('a')), a);
    cache.getOrCreate('c', make('c'));
    assert.equal(cache.size, 2);
    assert.equal(cache.getOrCreate('a', make('a')), a, 'a was used last, b was dropped');
    cache.getOrCreate('b', make('b'));
    assert.deepEqual(made, ['a', 'b', 'c', 'b']);
    assert.throws(() => new SchemaCache(0));
  });
});
