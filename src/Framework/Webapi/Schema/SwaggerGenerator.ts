import type { AclResourceTree } from '../../Acl/AclResourceTree.ts';
import type { RestRoute, WebapiConfig } from '../Config/WebapiConfig.ts';
import { ContractIndex } from '../ContractIndex.ts';
import { isArrayType, itemType, type ContractRegistry, type MethodDeclaration, type TypeRef } from '../ServiceContract.ts';
import { SimpleDataObjectConverter } from '../SimpleDataObjectConverter.ts';
import { MagentoSchemaNames } from './MagentoSchemaNames.ts';
// Security definition names shared with the OpenAPI 3 document, so Swagger UI's page works with either.
import { ADMIN_TOKEN_SCHEME, CUSTOMER_TOKEN_SCHEME } from './OpenApiGenerator.ts';
import {
  SWAGGER_VERSION,
  type SwaggerDocument,
  type SwaggerOperation,
  type SwaggerParameter,
  type SwaggerPrimitive,
  type SwaggerQueryParameter,
  type SwaggerResponse,
  type SwaggerSchema,
  type SwaggerVerb,
} from './SwaggerDocument.ts';

export interface SwaggerGeneratorInput {
  readonly webapiConfig: WebapiConfig;
  readonly contracts: ContractRegistry | ContractIndex;
  readonly aclTree: AclResourceTree;
}

export interface SwaggerGenerateOptions {
  /** `/rest/<store code>` (`/rest/all` for the admin scope). */
  readonly basePath: string;
  /** The routes to describe (those the caller may call); every route when omitted. */
  readonly routes?: ReadonlySet<RestRoute>;
  readonly title?: string;
  readonly version?: string;
}


const ANONYMOUS = 'anonymous';
const SELF = 'self';
const ERROR_SCHEMA: SwaggerSchema = { $ref: '#/definitions/error-response' };
/** Query expansion depth guard (Magento's types are not deeper; it also stops cycles). */
const MAX_QUERY_DEPTH = 6;

/** `Generator::$simpleTypeList`: Magento's scalar names → Swagger types; `mixed` is written as a string. */
const SIMPLE_TYPES: Readonly<Record<string, SwaggerPrimitive>> = {
  bool: 'boolean',
  int: 'integer',
  float: 'number',
  string: 'string',
  mixed: 'string',
};

/**
 * Magento's Swagger 2.0 error definitions (`Generator::getDefinitions`), which every generated document starts with.
 */
const ERROR_DEFINITIONS: Readonly<Record<string, SwaggerSchema>> = {
  'error-response': {
    type: 'object',
    properties: {
      message: { type: 'string', description: 'Error message' },
      errors: { $ref: '#/definitions/error-errors' },
      code: { type: 'integer', description: 'Error code' },
      parameters: { $ref: '#/definitions/error-parameters' },
      trace: { type: 'string', description: 'Stack trace' },
    },
    required: ['message'],
  },
  'error-errors': { type: 'array', description: 'Errors list', items: { $ref: '#/definitions/error-errors-item' } },
  'error-errors-item': {
    type: 'object',
    description: 'Error details',
    properties: { message: { type: 'string', description: 'Error message' }, parameters: { $ref: '#/definitions/error-parameters' } },
  },
  'error-parameters': { type: 'array', description: 'Error parameters list', items: { $ref: '#/definitions/error-parameters-item' } },
  'error-parameters-item': {
    type: 'object',
    description: 'Error parameters item',
    properties: {
      resources: { type: 'string', description: 'ACL resource' },
      fieldName: { type: 'string', description: 'Missing or invalid field name' },
      fieldValue: { type: 'string', description: 'Incorrect field value' },
    },
  },
};

/**
 * `GET /rest/<store>/schema` as Magento serves it: Swagger 2.0 from `Magento\Webapi\Model\Rest\Swagger\Generator`,
 * generated here from the same three inputs the front controller routes with (webapi.xml, the contracts, acl.xml).
 *
 * Reproduced from Magento: `swagger: "2.0"`, `info` (`Magento Community`, `2.4`), `basePath` `/rest/<store>`, one
 * tag per service (`customerCustomerRepositoryV1`), paths with `{param}`, `operationId` `<service><Method><Verb>`,
 * forced `<parameter>`s left out, path parameters typed, GET inputs as query parameters with data interfaces
 * expanded to Magento's names (`searchCriteria[filterGroups][][filters][][field]`, camelCase keys and `[]`), other
 * inputs as one body parameter `<operationId>Body` whose properties are the PHP parameters, definitions named
 * `customer-data-customer-interface` with snake_case properties and `required`, Magento's `error-response`
 * definitions, `401 Unauthorized` on every route that is not anonymous, `default: Unexpected error`.
 * `host` and `schemes` are the request's and are added by the caller.
 *
 * Differences, each to keep the document valid or true to this service: DELETE inputs are query parameters too (the
 * service reads them from the query, as Magento's request does; Magento's generator puts them in a body);
 * operation ids are made unique with a counter (two routes on one method share Magento's id); Magento's `@throws`
 * responses become `400 Bad Request` on every route and `404 Not Found` on routes with a path parameter (contracts
 * here declare no throws); `securityDefinitions` and per-operation `security` name the kind of token a route takes
 * (Magento writes none); `x-acl-resources`, `x-service` and `x-webapi-url` carry the route's webapi.xml data.
 */
export class SwaggerGenerator {
  private readonly contracts: ContractIndex;

  constructor(private readonly input: SwaggerGeneratorInput) {
    this.contracts = input.contracts instanceof ContractIndex ? input.contracts : new ContractIndex(input.contracts);
  }

  serviceNameOf(route: RestRoute): string {
    return MagentoSchemaNames.serviceName(route.serviceClass, route.url.split('/')[1] ?? 'V1');
  }

  generate(options: SwaggerGenerateOptions): SwaggerDocument {
    const definitions = new Map<string, SwaggerSchema>();
    const tags = new Map<string, { name: string; description: string }>();
    const paths: SwaggerDocument['paths'] = {};
    const operationIds = new Set<string>();

    for (const route of this.input.webapiConfig.routes) {
      if (options.routes && !options.routes.has(route)) continue;
      const serviceName = this.serviceNameOf(route);
      if (!tags.has(serviceName)) tags.set(serviceName, { name: serviceName, description: route.serviceClass });
      const method = this.contracts.getMethod(route.serviceClass, route.serviceMethod);
      if (!method) throw new Error(`${route.file}: route "${route.url}" ${route.method}: no contract for ${route.serviceClass}::${route.serviceMethod}`);

      const baseId = MagentoSchemaNames.operationId(serviceName, route.serviceMethod, route.method);
      let operationId = baseId;
      for (let n = 2; operationIds.has(operationId); n++) operationId = `${baseId}${n}`;
      operationIds.add(operationId);

      const path = MagentoSchemaNames.openApiPath(route.url);
      (paths[path] ??= {})[route.method.toLowerCase() as SwaggerVerb] = this.operation(route, method, serviceName, operationId, definitions);
    }

    return {
      swagger: SWAGGER_VERSION,
      info: { version: options.version ?? '2.4', title: options.title ?? 'Magento Community' },
      basePath: options.basePath,
      schemes: [],
      tags: [...tags.values()],
      paths,
      definitions: { ...ERROR_DEFINITIONS, ...Object.fromEntries(definitions) },
      securityDefinitions: {
        [ADMIN_TOKEN_SCHEME]: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          description:
            '`Bearer <token>` with an admin token (`POST /V1/integration/admin/token`) or an integration access token; its role must allow every ACL resource the route names.',
        },
        [CUSTOMER_TOKEN_SCHEME]: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          description: '`Bearer <token>` with a customer token (`POST /V1/integration/customer/token`, or a Login as Customer exchange), for `self` routes.',
        },
      },
    };
  }

  private operation(
    route: RestRoute,
    method: MethodDeclaration,
    serviceName: string,
    operationId: string,
    definitions: Map<string, SwaggerSchema>,
  ): SwaggerOperation {
    const urlParams = route.url
      .split('/')
      .filter((segment) => segment.startsWith(':'))
      .map((segment) => segment.slice(1));
    const forced = new Set(route.parameters.filter((p) => p.force && p.path.length === 1).map((p) => normalize(p.name)));
    const defaults = new Set(route.parameters.filter((p) => !p.force && p.path.length === 1).map((p) => normalize(p.name)));
    const readsQuery = route.method === 'GET' || route.method === 'DELETE';

    const parameters: SwaggerParameter[] = [];
    const body: SwaggerSchema = { type: 'object', properties: {} };
    const bodyRequired: string[] = [];
    const usedUrlParams = new Set<string>();
    for (const parameter of method.parameters) {
      const key = normalize(parameter.name);
      if (forced.has(key)) continue;
      const required = parameter.required && !defaults.has(key);
      const urlParam = urlParams.find((name) => normalize(name) === key);
      if (urlParam !== undefined) {
        usedUrlParams.add(urlParam);
        parameters.push({
          name: urlParam,
          in: 'path',
          type: SIMPLE_TYPES[itemType(parameter.type)] ?? 'string',
          required: true,
          ...(parameter.description ? { description: parameter.description } : {}),
        });
      } else if (readsQuery) {
        parameters.push(...this.queryParameters(parameter.name, parameter.type, required, parameter.description));
      } else {
        (body.properties as Record<string, SwaggerSchema>)[parameter.name] = this.objectSchema(parameter.type, parameter.description, definitions);
        if (required) bodyRequired.push(parameter.name);
      }
    }
    for (const name of urlParams) {
      if (!usedUrlParams.has(name)) parameters.push({ name, in: 'path', type: 'string', required: true });
    }
    if (Object.keys(body.properties ?? {}).length > 0) {
      if (bodyRequired.length > 0) body.required = bodyRequired;
      parameters.push({ name: `${operationId}Body`, in: 'body', schema: body });
    }

    const responses: Record<string, SwaggerResponse> = {};
    responses['200'] =
      method.returns === 'void'
        ? { description: '200 Success.' }
        : { description: '200 Success.', schema: this.objectSchema(method.returns, undefined, definitions) };
    responses['400'] = { description: '400 Bad Request', schema: ERROR_SCHEMA };
    if (route.resources.some((resource) => resource !== ANONYMOUS)) responses['401'] = { description: '401 Unauthorized', schema: ERROR_SCHEMA };
    if (urlParams.length > 0) responses['404'] = { description: '404 Not Found', schema: ERROR_SCHEMA };
    responses['default'] = { description: 'Unexpected error', schema: ERROR_SCHEMA };

    return {
      tags: [serviceName],
      description: [method.description, this.describeAccess(route)].filter((part) => part).join('\n\n'),
      operationId,
      ...(parameters.length > 0 ? { parameters } : {}),
      responses,
      security: securityFor(route.resources),
      'x-acl-resources': [...route.resources],
      'x-service': `${route.serviceClass}::${route.serviceMethod}`,
      'x-webapi-url': route.url,
    };
  }

  /**
   * `Generator::generateMethodQueryParameters`: a simple parameter is one query parameter with `required`; a data
   * interface becomes one parameter per scalar leaf, named with the fields' camelCase names and `[]` after a list
   * (`searchCriteria[filterGroups][][filters][][field]`), without `required`.
   */
  private queryParameters(name: string, type: TypeRef, required: boolean, description: string | undefined): SwaggerQueryParameter[] {
    if (!this.contracts.isDataType(type)) {
      return [{ ...this.queryParameter(name, type, description), required }];
    }
    return this.complexLeaves(name, itemType(type), isArrayType(type), 0, new Set());
  }

  private complexLeaves(prefix: string, dataType: string, isArray: boolean, depth: number, visiting: ReadonlySet<string>): SwaggerQueryParameter[] {
    const declaration = this.contracts.getDataType(dataType);
    if (!declaration || depth >= MAX_QUERY_DEPTH || visiting.has(dataType)) return [];
    const inside = new Set(visiting).add(dataType);
    const base = isArray ? `${prefix}[]` : prefix;
    const leaves: SwaggerQueryParameter[] = [];
    for (const field of declaration.fields) {
      const name = `${base}[${SimpleDataObjectConverter.snakeCaseToCamelCase(field.name)}]`;
      if (this.contracts.isDataType(field.type)) {
        leaves.push(...this.complexLeaves(name, itemType(field.type), isArrayType(field.type), depth + 1, inside));
      } else {
        leaves.push(this.queryParameter(name, field.type, field.description));
      }
    }
    return leaves;
  }

  private queryParameter(name: string, type: TypeRef, description: string | undefined): SwaggerQueryParameter {
    const simple = SIMPLE_TYPES[itemType(type)] ?? 'string';
    return isArrayType(type)
      ? { name, in: 'query', type: 'array', items: { type: simple }, collectionFormat: 'multi', ...(description ? { description } : {}) }
      : { name, in: 'query', type: simple, ...(description ? { description } : {}) };
  }

  /** `Generator::getObjectSchema`: a scalar or a list of them inline, a data interface as a `$ref` to its definition. */
  private objectSchema(type: TypeRef, description: string | undefined, definitions: Map<string, SwaggerSchema>): SwaggerSchema {
    const item = itemType(type);
    const withDescription = description ? { description } : {};
    if (!this.contracts.isDataType(item)) {
      const simple: SwaggerSchema = { type: SIMPLE_TYPES[item] ?? 'string' };
      return isArrayType(type) ? { type: 'array', ...withDescription, items: simple } : { ...simple, ...withDescription };
    }
    const ref = this.definitionRef(item, definitions);
    return isArrayType(type) ? { type: 'array', ...withDescription, items: ref } : ref;
  }

  private definitionRef(dataType: string, definitions: Map<string, SwaggerSchema>): SwaggerSchema {
    const name = MagentoSchemaNames.definitionName(dataType);
    if (!definitions.has(name)) {
      const declaration = this.contracts.getDataType(dataType);
      if (!declaration) throw new Error(`Unknown data interface ${dataType}`);
      // Registered before its fields are walked, so a type that refers to itself ends in a $ref, not a loop.
      const definition: SwaggerSchema = { type: 'object', ...(declaration.description ? { description: declaration.description } : {}) };
      definitions.set(name, definition);
      const properties: Record<string, SwaggerSchema> = {};
      const required: string[] = [];
      for (const field of declaration.fields) {
        properties[field.name] = this.objectSchema(field.type, field.description, definitions);
        if (field.required) required.push(field.name);
      }
      if (Object.keys(properties).length > 0) definition.properties = properties;
      if (required.length > 0) definition.required = required;
    }
    return { $ref: `#/definitions/${name}` };
  }

  private describeAccess(route: RestRoute): string {
    const aclIds = route.resources.filter((resource) => resource !== ANONYMOUS && resource !== SELF);
    const lines: string[] = [];
    if (route.resources.every((resource) => resource === ANONYMOUS)) lines.push('Access: anonymous.');
    if (route.resources.includes(SELF)) lines.push("Access: `self` — a customer token; the route acts on the token's customer.");
    if (aclIds.length > 0) {
      const listed = aclIds.map((id) => {
        const title = this.input.aclTree.get(id)?.title;
        return title ? `\`${id}\` (${title})` : `\`${id}\``;
      });
      lines.push(`Access: ACL resource${aclIds.length > 1 ? 's (all required)' : ''} ${listed.join(', ')}.`);
    }
    return lines.join('\n\n');
  }
}

function normalize(name: string): string {
  return SimpleDataObjectConverter.snakeCaseToCamelCase(name);
}

function securityFor(resources: readonly string[]): Record<string, string[]>[] {
  if (resources.every((resource) => resource === ANONYMOUS)) return [];
  if (resources.some((resource) => resource !== ANONYMOUS && resource !== SELF)) return [{ [ADMIN_TOKEN_SCHEME]: [] }];
  return [{ [CUSTOMER_TOKEN_SCHEME]: [] }];
}
