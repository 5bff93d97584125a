/**
 * `GET /rest/<store>/schema` lists what the caller may call, as Magento's schema generator does
 * (`AbstractSchemaGenerator::getAllowedServicesMetadata`): a guest the `anonymous` routes, a customer those plus
 * its `self` routes, an admin or integration the routes all of whose resources its role allows. The expectation
 * is worked out here from etc/webapi.xml and etc/acl.xml read with a plain XML parser, not from the service's
 * readers or its ACL; the routes left out are then called, and the front controller must refuse each.
 *
 * And `/swagger` is served where Magento serves it: developer mode, or any mode with the `enabledInProduction`
 * setting (`MAGENTO_SWAGGER_ENABLED=1`); not in default or production mode otherwise.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { createApp } from '../../src/app.ts';
import { createApplication } from '../../src/bootstrap.ts';
import { MemoryLogger } from '../../src/Framework/App/Logger.ts';
import { DeploymentConfigError, loadDeploymentConfig, type MagentoMode } from '../../src/Framework/Config/DeploymentConfig.ts';
import type { OpenApiDocument } from '../../src/Framework/Webapi/Schema/OpenApiDocument.ts';
import type { SwaggerDocument } from '../../src/Framework/Webapi/Schema/SwaggerDocument.ts';
import { AclBuilder } from '../../src/Model/Authorization/AclBuilder.ts';
import { Rules } from '../../src/Model/ResourceModel/Authorization/Rules.ts';
import { listen } from '../../src/server.ts';
import { readWebapiXmlIndependently, type XmlRoute } from '../api/Ecosystem/webapiXmlRoutes.ts';
import { createAdmin, createCustomer, createGroupRole } from '../integration/Identity/factories.ts';
import { createTestApplication, TEST_CRYPT_KEY, type TestApplication } from '../support/app.ts';
import { forEachDatabase } from '../support/databases.ts';
import { createActiveIntegration } from '../support/oauthIntegration.ts';

const ROUTES = readWebapiXmlIndependently();
const ROOT = 'Magento_Backend::all';
/** Magento's `Rules::saveRel` grants it to every restricted role it writes rules for (an empty list writes none). */
const ADMIN_RESOURCE = 'Magento_Backend::admin';
const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";
const INTEGRATION_AS_BEARER = 'oauth/consumer/enable_integration_as_bearer';
/** The factories' stored hashes are of these passwords. */
const ADMIN_PASSWORD = 'Admin123!';
const CUSTOMER_PASSWORD = 'Customer#2024';

/** Every resource id of etc/acl.xml, read without the service's AclXmlReader. */
function readAclIdsIndependently(): string[] {
  const file = fileURLToPath(new URL('../../etc/acl.xml', import.meta.url));
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'resource' });
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const id = (node as Record<string, unknown>)['@id'];
      if (typeof id === 'string') ids.push(id);
      for (const [key, child] of Object.entries(node)) if (!key.startsWith('@')) walk(child);
    }
  };
  walk(parser.parse(readFileSync(file, 'utf8')));
  return ids;
}
const ACL_IDS = readAclIdsIndependently();
const GRANTABLE = ACL_IDS.filter((id) => id !== ROOT);

type Store = 'default' | 'all';
/** Magento's Swagger 2.0 (the default) or OpenAPI 3 (`?format=openapi3`): the same routes either way. */
type Format = 'swagger' | 'openapi3';
type Described = OpenApiDocument | SwaggerDocument;
const formatQuery = (format: Format, query: string): string =>
  format === 'swagger' ? query : `${query}${query === '' ? '?' : '&'}format=openapi3`;
/** Where the document says its routes are served: Swagger's basePath, OpenAPI's server URL. */
const baseOf = (document: Described): string | undefined =>
  'swagger' in document ? document.basePath : document.servers[0]?.url;
const definitionOf = (document: Described, name: string): unknown =>
  'swagger' in document ? document.definitions[name] : document.components.schemas[name];
/** Who asks. A role is either everything (Magento's "All" resource access) or an explicit list. */
type Caller =
  | { readonly kind: 'guest' }
  | { readonly kind: 'customer' }
  | { readonly kind: 'admin' | 'integration'; readonly all: boolean; readonly resources: readonly string[] };

/**
 * The expectation, from Magento's rules: `anonymous` passes for everyone; `self` for a customer on a store of its
 * website (the admin scope `all` is none); an ACL id for a role that allows it — every id for a role with the
 * global allow, which also passes `self` (Magento's ACL policy falls back to the global rule for a resource the
 * ACL does not know). A route needs all its resources.
 */
function mayCall(caller: Caller, store: Store, route: XmlRoute): boolean {
  return route.resources.every((resource) => {
    if (resource === 'anonymous') return true;
    switch (caller.kind) {
      case 'guest':
        return false;
      case 'customer':
        return resource === 'self' && store === 'default';
      default:
        if (caller.all) return true;
        return resource !== 'self' && ((resource === ADMIN_RESOURCE && caller.resources.length > 0) || caller.resources.includes(resource));
    }
  });
}

const openApiPath = (url: string): string => url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
const operationKey = (method: string, url: string): string => `${method.toUpperCase()} ${openApiPath(url)}`;

function describedOperations(document: Described): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((verb) => `${verb.toUpperCase()} ${path}`))
    .sort();
}

function expectedOperations(caller: Caller, store: Store): string[] {
  return ROUTES.filter((route) => mayCall(caller, store, route))
    .map((route) => operationKey(route.method, route.url))
    .sort();
}

/** A concrete URL for a route template (`:customerId` → `1`). */
const concreteUrl = (store: Store, url: string): string => `/rest/${store}${url.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '1')}`;

forEachDatabase('GET /rest/<store>/schema lists what the caller may call', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  let adminRoleId: number;
  let integrationToken: string;
  let integrationRoleId: number;
  let customerToken: string;

  /** Rewrites a role's rules the way Magento saves a role (and an integration's resource access). */
  const grant = async (roleId: number, caller: { all: boolean; resources: readonly string[] }): Promise<void> => {
    const rules = app.application.container.get(Rules);
    await rules.saveRel(roleId, caller.all ? [ROOT] : caller.resources, ACL_IDS, ROOT, ADMIN_RESOURCE);
    app.application.container.get(AclBuilder).clean();
  };

  const tokenOf = (caller: Caller): string | undefined => {
    switch (caller.kind) {
      case 'guest':
        return undefined;
      case 'customer':
        return customerToken;
      case 'admin':
        return adminToken;
      case 'integration':
        return integrationToken;
    }
  };

  /** Sets the caller's rights, then reads the description as that caller. */
  const schemaAs = async (caller: Caller, store: Store, query = '', format: Format = 'swagger'): Promise<Described> => {
    if (caller.kind === 'admin') await grant(adminRoleId, caller);
    if (caller.kind === 'integration') await grant(integrationRoleId, caller);
    const token = tokenOf(caller);
    const reply = await app.request('GET', `/rest/${store}/schema${formatQuery(format, query)}`, token === undefined ? {} : { token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const document = reply.body as Described;
    assert.equal('swagger' in document ? 'swagger' : 'openapi3', format);
    return document;
  };

  before(async () => {
    const db = getDb();
    app = await createTestApplication(db, { config: { [INTEGRATION_AS_BEARER]: '1' } });

    adminRoleId = await createGroupRole(db, []);
    const admin = await createAdmin(db, { roleId: adminRoleId });
    adminToken = await login(app, '/V1/integration/admin/token', admin.username, ADMIN_PASSWORD);

    const customer = await createCustomer(db);
    customerToken = await login(app, '/V1/integration/customer/token', customer.email, CUSTOMER_PASSWORD);

    ({ accessToken: integrationToken, roleId: integrationRoleId } = await createActiveIntegration(app.application, []));
  });
  after(() => app.close());

  it('for guests, customers, and admins and integrations with any set of ACL resources', { timeout: 600_000 }, async () => {
    const rights = fc.oneof(
      { arbitrary: fc.constant({ all: true, resources: [] as string[] }), weight: 1 },
      { arbitrary: fc.subarray(GRANTABLE).map((resources) => ({ all: false, resources })), weight: 4 },
    );
    const caller: fc.Arbitrary<Caller> = fc.oneof(
      fc.constant({ kind: 'guest' as const }),
      fc.constant({ kind: 'customer' as const }),
      rights.map((r) => ({ kind: 'admin' as const, ...r })),
      rights.map((r) => ({ kind: 'integration' as const, ...r })),
    );
    await fc.assert(
      fc.asyncProperty(caller, fc.constantFrom<Store>('default', 'all'), fc.constantFrom<Format>('swagger', 'openapi3'), async (who, store, format) => {
        const document = await schemaAs(who, store, '', format);
        const expected = expectedOperations(who, store);
        assert.deepEqual(describedOperations(document), expected);
        assert.equal(baseOf(document), `/rest/${store}`);
        const tagged = new Set(
          Object.values(document.paths).flatMap((item: Record<string, { tags: string[] }>) => Object.values(item).flatMap((operation) => operation.tags)),
        );
        assert.deepEqual(new Set(document.tags.map((tag) => tag.name)), tagged, 'a service with nothing to call has no tag');

        // What the description leaves out, the front controller refuses (before reading any body: no side effects).
        const token = tokenOf(who);
        for (const route of ROUTES.filter((r) => !expected.includes(operationKey(r.method, r.url)))) {
          const reply = await app.request(route.method, concreteUrl(store, route.url), token === undefined ? {} : { token });
          assert.equal(reply.status, 401, `${route.method} ${route.url}: ${JSON.stringify(reply.body)}`);
          assert.equal((reply.body as { message: string }).message, UNAUTHORIZED);
        }
      }),
      { numRuns: 50, includeErrorInReport: true },
    );
  });

  for (const format of ['swagger', 'openapi3'] as const) {
    it(`never serves a broader cached description to a narrower caller of the same store (${format})`, async () => {
      const everything = ROUTES.map((route) => operationKey(route.method, route.url)).sort();
      const full: Caller = { kind: 'admin', all: true, resources: [] };
      assert.deepEqual(describedOperations(await schemaAs(full, 'default', '', format)), everything);

      const guest = await schemaAs({ kind: 'guest' }, 'default', '', format);
      assert.deepEqual(describedOperations(guest), expectedOperations({ kind: 'guest' }, 'default'));
      assert.ok(describedOperations(guest).length < everything.length);
      assert.ok(!describedOperations(guest).includes('POST /V1/login-as-customer/secret'));
      // The data interfaces of routes left out are not described either.
      assert.equal(definitionOf(guest, 'login-as-customer-api-data-authentication-secret-interface'), undefined);
      assert.ok(definitionOf(await schemaAs(full, 'default', '', format), 'login-as-customer-api-data-authentication-secret-interface'));

      assert.deepEqual(describedOperations(await schemaAs({ kind: 'customer' }, 'default', '', format)), expectedOperations({ kind: 'customer' }, 'default'));
      // The same admin token, its role narrowed since: the description follows the role, not the token.
      const narrowed: Caller = { kind: 'admin', all: false, resources: ['Magento_LoginAsCustomer::login'] };
      const narrow = await schemaAs(narrowed, 'default', '', format);
      assert.deepEqual(describedOperations(narrow), expectedOperations(narrowed, 'default'));
      assert.ok(describedOperations(narrow).includes('POST /V1/login-as-customer/secret'));
      assert.ok(!describedOperations(narrow).includes('GET /V1/customers/search'));
      // A bad token is a guest, as for an API call.
      const forged = await app.request('GET', `/rest/default/schema${formatQuery(format, '')}`, { token: 'not-a-token' });
      assert.deepEqual(describedOperations(forged.body as Described), describedOperations(guest));
    });
  }

  it("answers a requested service the caller may call nothing of with Magento's empty description", async () => {
    const document = await schemaAs({ kind: 'guest' }, 'default', '?services=customerCustomerRepositoryV1');
    assert.deepEqual(document.paths, {});
    assert.deepEqual(document.tags, []);
    const customer = await schemaAs({ kind: 'customer' }, 'default', '?services=customerCustomerRepositoryV1');
    assert.deepEqual(describedOperations(customer), ['GET /V1/customers/me', 'PUT /V1/customers/me']);

    // Unknown names and malformed lists keep their answers, whoever asks.
    const unknown = await app.request('GET', '/rest/default/schema?services=nothingHereV1');
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { message: 'Requested service is not available: "nothingHereV1"' });
    const malformed = await app.request('GET', '/rest/default/schema?services=customer-repository', { token: adminToken });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body, { message: 'Incorrect format of request URI or Requested services are missing.' });
  });
});

async function login(app: TestApplication, path: string, username: string, password: string): Promise<string> {
  const reply = await app.request('POST', `/rest/V1${path.slice(3)}`, { body: { username, password } });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body as string;
}

forEachDatabase('/swagger is served where Magento serves it', (getDb) => {
  /** The app on the block's database with the given deployment mode and swagger setting. */
  const withDeployment = async (mode: MagentoMode, swaggerEnabled: boolean | undefined, use: (baseUrl: string) => Promise<void>): Promise<void> => {
    const application = await createApplication({
      deployment: {
        database: { kind: 'sqlite', path: ':memory:' },
        cryptKey: TEST_CRYPT_KEY,
        tablePrefix: getDb().getTableName(''),
        mode,
        host: '127.0.0.1',
        port: 0,
        varDir: tmpdir(),
        source: 'embedded',
        ...(swaggerEnabled === undefined ? {} : { swaggerEnabled }),
      },
      connection: getDb(),
      logger: new MemoryLogger(),
      install: false,
    });
    const server = await listen(createApp(application), '127.0.0.1', 0);
    try {
      await use(server.url);
    } finally {
      await server.close();
    }
  };
  const status = async (url: string): Promise<number> => (await fetch(url)).status;

  it('without the setting, only developer mode serves it; the schema is served in every mode', async () => {
    for (const mode of ['default', 'production'] as const) {
      for (const setting of [undefined, false]) {
        await withDeployment(mode, setting, async (baseUrl) => {
          const page = await fetch(`${baseUrl}/swagger`);
          assert.equal(page.status, 404, `${mode} mode, setting ${String(setting)}`);
          assert.deepEqual(await page.json(), { message: 'Request does not match any route.' });
          assert.equal(await status(`${baseUrl}/swagger/assets/swagger-ui-bundle.js`), 404);
          assert.equal(await status(`${baseUrl}/swagger/assets/initializer.js`), 404);
          assert.equal(await status(`${baseUrl}/rest/default/schema`), 200);
        });
      }
    }
    for (const setting of [undefined, false]) {
      await withDeployment('developer', setting, async (baseUrl) => {
        const page = await fetch(`${baseUrl}/swagger`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /data-url="\/rest\/all\/schema\?services=all"/);
        assert.equal(await status(`${baseUrl}/swagger/assets/swagger-ui-bundle.js`), 200);
      });
    }
  });

  it("MAGENTO_SWAGGER_ENABLED serves it in every mode, production included (Magento's enabledInProduction)", async () => {
    for (const mode of ['default', 'production', 'developer'] as const) {
      await withDeployment(mode, true, async (baseUrl) => {
        assert.equal(await status(`${baseUrl}/swagger`), 200, `${mode} mode`);
        assert.equal(await status(`${baseUrl}/swagger/assets/swagger-ui-bundle.js`), 200);
      });
    }
  });
});

describe('MAGENTO_SWAGGER_ENABLED', () => {
  let varDir: string;
  before(() => {
    varDir = mkdtempSync(join(tmpdir(), 'lac-swagger-'));
  });
  after(() => rmSync(varDir, { recursive: true, force: true }));
  const load = (value: string | undefined) =>
    loadDeploymentConfig({ MAGENTO_CRYPT_KEY: TEST_CRYPT_KEY, MAGENTO_VAR_DIR: varDir, ...(value === undefined ? {} : { MAGENTO_SWAGGER_ENABLED: value }) }, varDir);

  it('is off unless set to 1 (or true), and refuses anything else at start-up', () => {
    assert.equal(load(undefined).swaggerEnabled, false);
    assert.equal(load('').swaggerEnabled, false);
    assert.equal(load('0').swaggerEnabled, false);
    assert.equal(load('false').swaggerEnabled, false);
    assert.equal(load('1').swaggerEnabled, true);
    assert.equal(load('true').swaggerEnabled, true);
    assert.throws(() => load('yes'), (error: unknown) => error instanceof DeploymentConfigError && /MAGENTO_SWAGGER_ENABLED/.test(error.message));
  });
});
