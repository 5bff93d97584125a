/**
 * The Swagger 2.0 generator over the fixture module's webapi.xml and contracts: a valid document for every route,
 * and Magento's placement rules on shapes the Customer module lacks (`[]` for lists of data objects in query names,
 * forced and defaulted parameters, path parameters no PHP parameter takes, several body parameters in one body).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AclXmlReader } from '../../../../src/Framework/Acl/AclXmlReader.ts';
import { WebapiXmlReader } from '../../../../src/Framework/Webapi/Config/WebapiXmlReader.ts';
import type { SwaggerOperation } from '../../../../src/Framework/Webapi/Schema/SwaggerDocument.ts';
import { SwaggerGenerator } from '../../../../src/Framework/Webapi/Schema/SwaggerGenerator.ts';
import { validateOpenApi } from '../../../api/Ecosystem/validateOpenApi.ts';
import { createFixtureContracts } from '../../../fixtures/Webapi/FixtureContracts.ts';
import { FIXTURE_ACL_XML, FIXTURE_WEBAPI_XML } from '../../../fixtures/Webapi/startFixtureServer.ts';

const contracts = createFixtureContracts();
const aclTree = new AclXmlReader().read([FIXTURE_ACL_XML]);
const webapiConfig = new WebapiXmlReader(contracts, aclTree).read([FIXTURE_WEBAPI_XML]);
const document = new SwaggerGenerator({ webapiConfig, contracts, aclTree }).generate({ basePath: '/rest/german' });
const operation = (path: string, verb: 'get' | 'post' | 'put' | 'delete'): SwaggerOperation => {
  const found = document.paths[path]?.[verb];
  assert.ok(found, `${verb} ${path}`);
  return found;
};

describe('SwaggerGenerator', () => {
  it('writes a valid Swagger 2.0 document with every route, the base path it is given and no host of its own', async () => {
    await validateOpenApi({ ...document, schemes: ['http'] });
    assert.equal(document.basePath, '/rest/german');
    assert.equal(document.host, undefined);
    const described = Object.values(document.paths).flatMap((item) => Object.values(item));
    assert.equal(described.length, webapiConfig.routes.length);
  });

  it('leaves forced parameters out, and lists a path parameter no PHP parameter takes as a string', () => {
    for (const [path, verb] of [['/V1/fixture/me', 'get'], ['/V1/fixture/whoami', 'post']] as const) {
      const names = (operation(path, verb).parameters ?? []).flatMap((p) => (p.in === 'body' ? Object.keys(p.schema.properties ?? {}) : [p.name]));
      assert.ok(!names.includes('customerId'), `${verb} ${path}: ${names.join(',')}`);
    }
    for (const [path, verb] of [['/V1/fixture/things/{a}/b', 'get'], ['/V1/fixture/things/{x}/{y}', 'get']] as const) {
      for (const parameter of (operation(path, verb).parameters ?? []).filter((p) => p.in === 'path')) {
        assert.equal(parameter.required, true);
      }
    }
  });

  it('puts every non-path input of a POST/PUT into one body parameter named <operationId>Body', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const verb of ['post', 'put'] as const) {
        const op = item[verb];
        if (!op) continue;
        const bodies = (op.parameters ?? []).filter((p) => p.in === 'body');
        assert.ok(bodies.length <= 1, `${verb} ${path}`);
        if (bodies[0]) assert.equal(bodies[0].name, `${op.operationId}Body`);
        assert.ok(!(op.parameters ?? []).some((p) => p.in === 'query'), `${verb} ${path} has no query parameters`);
      }
    }
  });

  it('types every query parameter with a Swagger primitive or an array of one', () => {
    for (const item of Object.values(document.paths)) {
      for (const op of Object.values(item)) {
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query') continue;
          assert.ok(['string', 'integer', 'number', 'boolean', 'array'].includes(p.type), `${p.name}: ${p.type}`);
          if (p.type === 'array') assert.ok(p.items && p.collectionFormat === 'multi', p.name);
          assert.match(p.name, /^[A-Za-z][A-Za-z0-9]*(\[[A-Za-z0-9]*\])*$/, 'camelCase keys and [] only, as Magento writes them');
        }
      }
    }
  });
});
