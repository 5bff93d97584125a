import type { UserContext } from '../../Authentication/UserContext.ts';
import type { ContractIndex } from '../ContractIndex.ts';
import type { HttpMethod, RestRoute } from '../Config/WebapiConfig.ts';
import { copyRequestObject, isRequestObject, isSet, type RequestObject } from '../RequestObject.ts';
import type { MethodDeclaration } from '../ServiceContract.ts';
import { ServiceInputProcessor } from '../ServiceInputProcessor.ts';
import { SimpleDataObjectConverter } from '../SimpleDataObjectConverter.ts';
import { ParamsOverrider, type ParamOverrider } from './ParamsOverrider.ts';

/** Everything the request contributes to a service call. */
export interface RestRequestData {
  readonly httpMethod: HttpMethod;
  /** Path parameters of the matched route(s), URL-decoded. */
  readonly pathParams: RequestObject;
  /** The query string parsed as PHP's `$_GET`. */
  readonly query: RequestObject;
  /** The decoded body for POST/PUT; ignored for GET/DELETE, as in Magento. */
  readonly body: RequestObject;
  readonly user: UserContext;
}

/**
 * Magento's `Webapi\Controller\Rest\InputParamsResolver`, as a pure function of (route, contract declaration,
 * request data):
 * 1. params = path parameters, then query parameters not already set (PHP `$params += $_GET`);
 * 2. POST/PUT: inputs = body merged with params, params winning (`array_merge($body, $params)`); GET/DELETE read
 *    no body. PUT first copies the last param into the body (`overrideRequestBodyIdWithPathParam`);
 * 3. webapi.xml `<parameter>` overrides (`%customer_id%` …);
 * 4. ServiceInputProcessor: names, types, data objects, missing-field aggregation → positional arguments.
 */
export class InputParamsResolver {
  private readonly inputProcessor: ServiceInputProcessor;

  constructor(
    private readonly contracts: ContractIndex,
    private readonly overriders: Readonly<Record<string, ParamOverrider>>,
  ) {
    this.inputProcessor = new ServiceInputProcessor(contracts);
  }

  resolve(route: RestRoute, method: MethodDeclaration, request: RestRequestData): unknown[] {
    const params = copyRequestObject(request.pathParams);
    for (const key of Object.keys(request.query)) {
      if (!Object.hasOwn(params, key)) params[key] = request.query[key];
    }

    let input: RequestObject;
    if (request.httpMethod === 'POST' || request.httpMethod === 'PUT') {
      const body =
        request.httpMethod === 'PUT' ? this.overrideBodyIdWithPathParam(params, request.body, method) : request.body;
      input = copyRequestObject(body);
      for (const key of Object.keys(params)) input[key] = params[key];
    } else {
      input = params;
    }

    input = ParamsOverrider.override(input, route.parameters, request.user, this.overriders);
    return this.inputProcessor.process(method, input);
  }

  /**
   * Magento's `ParamsOverrider::overrideRequestBodyIdWithPathParam`: for PUT, the *last* param (path parameters
   * come first, then the query string) is written into the body, unless its value is `me` (self routes), so
   * `PUT /V1/items/5` with `{"item":{"id":9}}` saves item 5. When the body is a single object whose parameter's
   * data interface has that field, the value goes inside it; otherwise at the top level. An existing camelCase
   * key is overwritten, otherwise the snake_case key is set.
   */
  private overrideBodyIdWithPathParam(params: RequestObject, body: RequestObject, method: MethodDeclaration): RequestObject {
    const keys = Object.keys(params);
    const lastKey = keys[keys.length - 1];
    if (lastKey === undefined) return body;
    const value = params[lastKey];
    if (value === 'me') return body;

    const result = copyRequestObject(body);
    const bodyKeys = Object.keys(result);
    const onlyKey = bodyKeys.length === 1 ? (bodyKeys[0] as string) : undefined;
    const onlyValue = onlyKey === undefined ? undefined : result[onlyKey];
    if (onlyKey !== undefined && isRequestObject(onlyValue) && this.isPropertyDeclared(method, onlyKey, lastKey)) {
      const nested = copyRequestObject(onlyValue);
      substitute(nested, lastKey, value);
      result[onlyKey] = nested;
    } else {
      substitute(result, lastKey, value);
    }
    return result;
  }

  private isPropertyDeclared(method: MethodDeclaration, parameterName: string, property: string): boolean {
    const parameter = method.parameters.find((candidate) => candidate.name === parameterName);
    if (!parameter || !this.contracts.isDataType(parameter.type) || parameter.type.endsWith('[]')) return false;
    return this.contracts.findField(parameter.type, SimpleDataObjectConverter.snakeCaseToCamelCase(property)) !== undefined;
  }
}

function substitute(data: RequestObject, key: string, value: unknown): void {
  const camelKey = SimpleDataObjectConverter.snakeCaseToCamelCase(key);
  if (isSet(data, camelKey)) data[camelKey] = value;
  else data[SimpleDataObjectConverter.camelCaseToSnakeCase(key)] = value;
}
