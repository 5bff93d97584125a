import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUEST, UserType, type UserContext } from '../../../../src/Framework/Authentication/UserContext.ts';
import { InputException } from '../../../../src/Framework/Exception/InputException.ts';
import { WebapiException } from '../../../../src/Framework/Exception/WebapiException.ts';
import type { HttpMethod, RestRoute, RouteParameter } from '../../../../src/Framework/Webapi/Config/WebapiConfig.ts';
import { ContractIndex } from '../../../../src/Framework/Webapi/ContractIndex.ts';
import { copyRequestObject, createRequestObject, type RequestObject } from '../../../../src/Framework/Webapi/RequestObject.ts';
import { InputParamsResolver } from '../../../../src/Framework/Webapi/Rest/InputParamsResolver.ts';
import { DEFAULT_PARAM_OVERRIDERS } from '../../../../src/Framework/Webapi/Rest/ParamsOverrider.ts';
import type { MethodDeclaration } from '../../../../src/Framework/Webapi/ServiceContract.ts';
import { ECHO_SERVICE, ITEM_REPOSITORY, createFixtureContracts } from '../../../fixtures/Webapi/FixtureContracts.ts';

const contracts = new ContractIndex(createFixtureContracts());
const resolver = new InputParamsResolver(contracts, DEFAULT_PARAM_OVERRIDERS);
const CUSTOMER_7: UserContext = { userType: UserType.CUSTOMER, userId: 7 };
const ADMIN_1: UserContext = { userType: UserType.ADMIN, userId: 1 };

function data(value: Record<string, unknown>): RequestObject {
  return copyRequestObject(JSON.parse(JSON.stringify(value)) as RequestObject);
}

function method(service: string, name: string): MethodDeclaration {
  const declaration = contracts.getMethod(service, name);
  assert.ok(declaration);
  return declaration;
}

interface Call {
  service?: string;
  method: string;
  httpMethod?: HttpMethod;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  user?: UserContext;
  parameters?: RouteParameter[];
}

function resolve(call: Call): unknown[] {
  const service = call.service ?? ECHO_SERVICE;
  const route: RestRoute = {
    url: '/V1/test',
    method: call.httpMethod ?? 'POST',
    serviceClass: service,
    serviceMethod: call.method,
    resources: ['anonymous'],
    secure: false,
    parameters: call.parameters ?? [],
    file: 'webapi.xml',
  };
  return resolver.resolve(route, method(service, call.method), {
    httpMethod: call.httpMethod ?? 'POST',
    pathParams: call.pathParams ? data(call.pathParams) : createRequestObject(),
    query: call.query ? data(call.query) : createRequestObject(),
    body: call.body ? data(call.body) : createRequestObject(),
    user: call.user ?? GUEST,
  });
}

function parameter(name: string, value: string | null, force: boolean): RouteParameter {
  return { name, path: name.split('.'), force, value };
}

function rejectsWith(call: Call, check: (error: unknown) => void): void {
  assert.throws(() => resolve(call), (error: unknown) => {
    check(error);
    return true;
  });
}

function badRequest(message: string): (error: unknown) => void {
  return (error) => {
    assert.ok(error instanceof WebapiException, `expected WebapiException, got ${String(error)}`);
    assert.equal(error.httpCode, 400);
    assert.equal(error.message, message);
    assert.deepEqual(error.getDetails(), []);
  };
}

describe('InputParamsResolver', () => {
  describe('names and sources', () => {
    it('finds a parameter under its camelCase or snake_case name and passes positional arguments', () => {
      assert.deepEqual(resolve({ method: 'echoScalars', body: { id: 1, name: 'a', is_active: true, tags: ['x'] } }), [1, 'a', undefined, true, ['x'], undefined]);
      assert.deepEqual(resolve({ method: 'echoScalars', body: { id: 1, name: 'a', isActive: 'no' } })[3], false);
    });

    it('lets path parameters win over the body', () => {
      assert.deepEqual(resolve({ method: 'echoQuery', pathParams: { id: '5' }, body: { id: 9, name: 'body' } }), [5, 'body']);
    });

    it('takes query parameters for every method, path parameters winning over them', () => {
      assert.deepEqual(resolve({ method: 'echoQuery', httpMethod: 'GET', pathParams: { id: '5' }, query: { id: '6', name: 'q' } }), [5, 'q']);
      assert.deepEqual(resolve({ method: 'echoQuery', httpMethod: 'POST', query: { id: '6' }, body: { id: 9 } }), [6, undefined]);
    });

    it('reads no body for GET and DELETE', () => {
      for (const httpMethod of ['GET', 'DELETE'] as const) {
        rejectsWith({ method: 'echoQuery', httpMethod, body: { id: 9 } }, (error) => {
          assert.ok(error instanceof InputException);
          assert.equal(error.getRawMessage(), '"%fieldName" is required. Enter and try again.');
          assert.deepEqual(error.getParameters(), { fieldName: 'id' });
        });
      }
    });
  });

  describe('webapi.xml <parameter> overrides', () => {
    const forced = [parameter('customerId', '%customer_id%', true)];

    it('forces %customer_id% to the calling customer, over any request value', () => {
      assert.deepEqual(resolve({ method: 'whoAmI', user: CUSTOMER_7, body: { customerId: 99 }, pathParams: { customerId: '98' }, parameters: forced }), [7]);
    });

    it('forces %customer_id% to null for a caller that is not a customer', () => {
      assert.deepEqual(resolve({ method: 'whoAmI', user: ADMIN_1, body: { customerId: 99 }, parameters: forced }), [undefined]);
    });

    it('a forced value cannot be bypassed with another spelling of the same name', () => {
      assert.deepEqual(resolve({ method: 'whoAmI', user: GUEST, body: { customer_id: 99 }, parameters: forced }), [undefined]);
      const nested = [parameter('customer.id', '%customer_id%', true)];
      assert.deepEqual(
        resolve({ method: 'updateMe', httpMethod: 'PUT', user: CUSTOMER_7, body: { customer: { id: 1, Id: 99 } }, parameters: nested }),
        [{ id: 7 }],
      );
    });

    it('a default does not replace the request\'s snake_case spelling', () => {
      assert.deepEqual(resolve({ method: 'defaults', httpMethod: 'GET', query: { page_size: '3' }, parameters: [parameter('pageSize', '25', false)] }), [undefined, 3]);
    });

    it('fills a non-forced parameter only when missing (null counts as missing), values used literally', () => {
      const parameters = [parameter('pageSize', '25', false)];
      assert.deepEqual(resolve({ method: 'defaults', httpMethod: 'GET', parameters }), [undefined, 25]);
      assert.deepEqual(resolve({ method: 'defaults', httpMethod: 'GET', query: { pageSize: '3' }, parameters }), [undefined, 3]);
      assert.deepEqual(resolve({ method: 'defaults', body: { pageSize: null }, parameters }), [undefined, 25]);
    });

    it('sets a dotted name inside a data object (Magento `customer.id`)', () => {
      const parameters = [parameter('customer.id', '%customer_id%', true)];
      const [customer] = resolve({ method: 'updateMe', httpMethod: 'PUT', user: CUSTOMER_7, body: { customer: { id: 1, email: 'a@b.c' } }, parameters });
      assert.deepEqual(customer, { id: 7, email: 'a@b.c' });
      assert.deepEqual(resolve({ method: 'updateMe', httpMethod: 'PUT', user: CUSTOMER_7, body: {}, parameters }), [{ id: 7 }]);
    });

    it('does not modify the request data it was given', () => {
      const body = data({ customer: { id: 1 } });
      const route: RestRoute = {
        url: '/V1/test', method: 'PUT', serviceClass: ECHO_SERVICE, serviceMethod: 'updateMe', resources: ['self'], secure: false,
        parameters: [parameter('customer.id', '%customer_id%', true)], file: 'webapi.xml',
      };
      resolver.resolve(route, method(ECHO_SERVICE, 'updateMe'), {
        httpMethod: 'PUT', pathParams: createRequestObject(), query: createRequestObject(), body, user: CUSTOMER_7,
      });
      assert.deepEqual(JSON.parse(JSON.stringify(body)), { customer: { id: 1 } });
    });
  });

  describe('PUT: the last path parameter goes into the body (overrideRequestBodyIdWithPathParam)', () => {
    it('inside the single body object when its data interface has the field', () => {
      const [sku, item] = resolve({ service: ITEM_REPOSITORY, method: 'updateBySku', httpMethod: 'PUT', pathParams: { sku: 'PATH' }, body: { item: { sku: 'BODY', name: 'n' } } });
      assert.equal(sku, 'PATH');
      assert.deepEqual(item, { sku: 'PATH', name: 'n' });
    });

    it('at the top level when the data interface has no such field', () => {
      const [itemId, item] = resolve({ service: ITEM_REPOSITORY, method: 'update', httpMethod: 'PUT', pathParams: { itemId: '5' }, body: { item: { id: 9, sku: 'S' } } });
      assert.equal(itemId, 5);
      assert.deepEqual(item, { id: 9, sku: 'S' });
    });

    it('not for `me`', () => {
      const [sku, item] = resolve({ service: ITEM_REPOSITORY, method: 'updateBySku', httpMethod: 'PUT', pathParams: { sku: 'me' }, body: { item: { sku: 'BODY' } } });
      assert.equal(sku, 'me');
      assert.deepEqual(item, { sku: 'BODY' });
    });
  });

  describe('types (Magento TypeProcessor)', () => {
    it('converts numeric strings for int and float, scalars for string, PHP booleans for bool', () => {
      assert.deepEqual(resolve({ method: 'echoScalars', body: { id: ' 12 ', name: 5, ratio: '1.5e1', isActive: 'yes' } }).slice(0, 4), [12, '5', 15, true]);
      assert.deepEqual(resolve({ method: 'echoScalars', body: { id: 12.9, name: true, ratio: 2, isActive: 0 } }).slice(0, 4), [12, '1', 2, false]);
    });

    it('passes mixed values through', () => {
      assert.deepEqual(JSON.parse(JSON.stringify(resolve({ method: 'echoScalars', body: { id: 1, name: 'n', note: { any: [1, 'x'] } } })[5])), { any: [1, 'x'] });
    });

    it('a wrong scalar is a 400 with Magento\'s rendered message', () => {
      rejectsWith({ method: 'echoScalars', body: { id: 'abc', name: 'n' } }, badRequest('The "abc" value\'s type is invalid. The "int" type was expected. Verify and try again.'));
      rejectsWith({ method: 'echoScalars', body: { id: true, name: 'n' } }, badRequest('The "1" value\'s type is invalid. The "int" type was expected. Verify and try again.'));
      rejectsWith({ method: 'echoScalars', body: { id: '', name: 'n' } }, badRequest('The "" value\'s type is invalid. The "int" type was expected. Verify and try again.'));
    });

    it('a list for a scalar and a scalar for a list name the PHP type', () => {
      rejectsWith({ method: 'echoScalars', body: { id: [1], name: 'n' } }, badRequest('The "array" value\'s type is invalid. The "int" type was expected. Verify and try again.'));
      rejectsWith({ method: 'echoScalars', body: { id: 1, name: 'n', tags: 'x' } }, badRequest('The "string" value\'s type is invalid. The "string[]" type was expected. Verify and try again.'));
    });

    it('a wrong value inside a data object names the field as Magento does', () => {
      rejectsWith(
        { service: ITEM_REPOSITORY, method: 'save', body: { item: { sku: 'S', price: 'cheap' } } },
        badRequest('Error occurred during "price" processing. The "cheap" value\'s type is invalid. The "float" type was expected. Verify and try again.'),
      );
      rejectsWith(
        { service: ITEM_REPOSITORY, method: 'save', body: { item: { options: [{ code: ['x'] }] } } },
        badRequest('Error occurred during "options" processing. Error occurred during "code" processing. The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.'),
      );
    });

    it('a scalar where a data object is expected is a 400, not an empty object', () => {
      rejectsWith({ service: ITEM_REPOSITORY, method: 'save', body: { item: 'x' } }, badRequest('The "string" value\'s type is invalid. The "Fixture\\Catalog\\Api\\Data\\ItemInterface" type was expected. Verify and try again.'));
    });
  });

  describe('data objects', () => {
    it('bind snake_case and camelCase keys into snake_case objects, arrays of them too', () => {
      const [item] = resolve({
        service: ITEM_REPOSITORY,
        method: 'save',
        body: { item: { sku: 'S', isActive: '1', price: '2.5', options: [{ code: 'a' }, { Code: 'b' }], extensionAttributes: { warehouseCode: 'W' } } },
      });
      assert.deepEqual(item, { sku: 'S', is_active: true, price: 2.5, options: [{ code: 'a' }, { code: 'b' }], extension_attributes: { warehouse_code: 'W' } });
      assert.equal(Object.getPrototypeOf(item), Object.prototype);
    });

    it('a null or scalar item in a list of data objects is an empty object (Magento: `is_array($data) ? $data : []`), never null', () => {
      const [item] = resolve({ service: ITEM_REPOSITORY, method: 'save', body: { item: { sku: 'S', options: [null, 'x', { code: 'a' }] } } });
      assert.deepEqual((item as { options: unknown[] }).options, [{}, {}, { code: 'a' }]);
    });

    it('an unknown key is a 400 with Magento\'s NameFinder text', () => {
      rejectsWith(
        { service: ITEM_REPOSITORY, method: 'save', body: { item: { sku: 'S', colour: 'red' } } },
        badRequest('Property "Colour" does not have accessor method "getColour" in class "Fixture\\Catalog\\Api\\Data\\ItemInterface".'),
      );
      rejectsWith(
        { service: ITEM_REPOSITORY, method: 'save', body: { item: { ['__proto__']: { polluted: true } } } },
        badRequest('Property "Proto" does not have accessor method "getProto" in class "Fixture\\Catalog\\Api\\Data\\ItemInterface".'),
      );
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    });

    it('binds SearchCriteria from PHP-style query data, page size 20 when absent', () => {
      const query = { searchCriteria: { filter_groups: { '0': { filters: { '0': { field: 'email', value: 'a@b.c', condition_type: 'eq' } } } }, sortOrders: { '0': { field: 'id', direction: 'DESC' } } } };
      const [criteria] = resolve({ service: ITEM_REPOSITORY, method: 'getList', httpMethod: 'GET', query });
      assert.deepEqual(criteria, {
        filter_groups: [{ filters: [{ field: 'email', value: 'a@b.c', condition_type: 'eq' }] }],
        sort_orders: [{ field: 'id', direction: 'DESC' }],
        page_size: 20,
      });
    });
  });

  describe('missing arguments', () => {
    it('one missing → that error alone', () => {
      rejectsWith({ method: 'echoScalars', body: { id: 1 } }, (error) => {
        assert.ok(error instanceof InputException);
        assert.equal(error.getRawMessage(), '"%fieldName" is required. Enter and try again.');
        assert.deepEqual(error.getParameters(), { fieldName: 'name' });
        assert.deepEqual(error.getErrors(), []);
      });
    });

    it('two or more → One or more input exceptions have occurred. with each', () => {
      rejectsWith({ method: 'echoScalars', body: { id: null, ratio: 1 } }, (error) => {
        assert.ok(error instanceof InputException);
        assert.equal(error.getRawMessage(), 'One or more input exceptions have occurred.');
        assert.deepEqual(
          error.getErrors().map((item) => [item.getRawMessage(), item.getParameters()]),
          [
            ['"%fieldName" is required. Enter and try again.', { fieldName: 'id' }],
            ['"%fieldName" is required. Enter and try again.', { fieldName: 'name' }],
          ],
        );
      });
    });

    it('an optional argument that is missing or null is passed as undefined', () => {
      assert.deepEqual(resolve({ method: 'echoScalars', body: { id: 1, name: 'n', ratio: null } }), [1, 'n', undefined, undefined, undefined, undefined]);
    });
  });
});
