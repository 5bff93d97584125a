import type { AclResourceTree } from '../../Acl/AclResourceTree.ts';
import type { RestRoute, WebapiConfig } from '../Config/WebapiConfig.ts';
import { ContractIndex } from '../ContractIndex.ts';
import {
  isArrayType,
  itemType,
  type ContractRegistry,
  type MethodDeclaration,
  type ParameterDeclaration,
  type TypeRef,
} from '../ServiceContract.ts';
import { SimpleDataObjectConverter } from '../SimpleDataObjectConverter.ts';
import { ERROR_RESPONSES, ERROR_SCHEMAS, errorResponseRef, schemaRef, ERROR_RESPONSE_SCHEMA } from './ErrorSchemas.ts';
import { MagentoSchemaNames } from './MagentoSchemaNames.ts';
import {
  OPENAPI_VERSION,
  type HttpVerb,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResponseOrRef,
  type SchemaObject,
  type SecurityRequirement,
  type TagObject,
} from './OpenApiDocument.ts';

export interface OpenApiGeneratorInput {
  readonly webapiConfig: WebapiConfig;
  readonly contracts: ContractRegistry | ContractIndex;
  readonly aclTree: AclResourceTree;
}

export interface OpenApiGenerateOptions {
  /** Base of every path, e.g. `/rest/default` (relative, so the document works behind any host or proxy). */
  readonly serverUrl: string;
  /** Magento service names (`customerCustomerRepositoryV1`) to describe; all when omitted. */
  readonly services?: ReadonlySet<string>;
  /** The routes to describe (those the caller may call, see SchemaRequestHandler); every route when omitted. */
  readonly routes?: ReadonlySet<RestRoute>;
  readonly title?: string;
  readonly version?: string;
}

/** Security scheme names: one per kind of token, so Swagger UI sends the right one per route. */
export const ADMIN_TOKEN_SCHEME = 'adminToken';
export const CUSTOMER_TOKEN_SCHEME = 'customerToken';

const ANONYMOUS = 'anonymous';
const SELF = 'self';

/** Query expansion of a data interface stops here (Magento's types are not deeper; it also guards cycles). */
const MAX_QUERY_DEPTH = 6;

const SCALAR_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  string: { type: 'string' },
  int: { type: 'integer' },
  float: { type: 'number' },
  bool: { type: 'boolean' },
  mixed: {},
};

/**
 * The API description of `GET /rest/<store>/schema` (SPEC §8) as a pure function of webapi.xml, the service
 * contract declarations and the ACL tree — the same three inputs the front controller routes with, so the
 * document cannot list a route the service does not answer, nor miss one.
 *
 * Follows Magento's Swagger generator (`Magento\Webapi\Model\Rest\Swagger\Generator`) for names and placement:
 * tags are service names, `operationId` is `<service><Method><Verb>`, forced `<parameter>`s are left out, path
 * parameters come from `:name` segments, GET/DELETE inputs are query parameters (data interfaces expanded to
 * bracket names), POST/PUT inputs form one JSON body keyed by parameter name, and data interfaces become
 * component schemas, recursively. It differs in writing OpenAPI 3.0 (not Swagger 2.0). Which routes a caller sees
 * is decided by the caller of `generate` (`routes`); a service none of whose routes is described gets no tag, and
 * only the data interfaces of described routes become schemas, as in Magento. The ACL resources of each route are
 * in its description and in `x-acl-resources`.
 */
export class OpenApiGenerator {
  private readonly contracts: ContractIndex;

  constructor(private readonly input: OpenApiGeneratorInput) {
    this.contracts = input.contracts instanceof ContractIndex ? input.contracts : new ContractIndex(input.contracts);
  }

  /** The Magento service names of all routes, in webapi.xml order (the values `?services=` accepts). */
  serviceNames(): string[] {
    return [...new Set(this.input.webapiConfig.routes.map((route) => this.serviceNameOf(route)))];
  }

  /** The Magento service name a route belongs to (its tag). */
  serviceNameOf(route: RestRoute): string {
    const version = route.url.split('/')[1] ?? 'V1';
    return MagentoSchemaNames.serviceName(route.serviceClass, version);
  }

  generate(options: OpenApiGenerateOptions): OpenApiDocument {
    const schemas = new Map<string, SchemaObject>();
    const tags = new Map<string, TagObject>();
    const paths: OpenApiDocument['paths'] = {};
    const operationIds = new Set<string>();

    for (const route of this.input.webapiConfig.routes) {
      const serviceName = this.serviceNameOf(route);
      if (options.services && !options.services.has(serviceName)) continue;
      if (options.routes && !options.routes.has(route)) continue;
      if (!tags.has(serviceName)) tags.set(serviceName, { name: serviceName, description: route.serviceClass });
      const method = this.contracts.getMethod(route.serviceClass, route.serviceMethod);
      if (!method) throw new Error(`${route.file}: route "${route.url}" ${route.method}: no contract for ${route.serviceClass}::${route.serviceMethod}`);

      const operation = this.operation(route, method, serviceName, schemas);
      // Two routes on one service method (`/V1/customers/me` and `/V1/customers/:customerId`) would share
      // Magento's id; OpenAPI wants ids unique, so later ones get a counter.
      let id = operation.operationId;
      for (let n = 2; operationIds.has(id); n++) id = `${operation.operationId}${n}`;
      operationIds.add(id);
      operation.operationId = id;

      const path = MagentoSchemaNames.openApiPath(route.url);
      const item = (paths[path] ??= {});
      item[route.method.toLowerCase() as HttpVerb] = operation;
    }

    return {
      openapi: OPENAPI_VERSION,
      info: {
        title: options.title ?? 'Magento REST API',
        version: options.version ?? '2.4',
        description:
          'Generated from etc/webapi.xml, the service contracts and etc/acl.xml. ' +
          'As in Magento, it lists only the routes the token sent with it may call (no token: the anonymous ones). ' +
          'Get an admin token with `POST /V1/integration/admin/token` or a customer token with ' +
          '`POST /V1/integration/customer/token`, then authorise with it (`Authorization: Bearer <token>`).',
      },
      servers: [{ url: options.serverUrl }],
      tags: [...tags.values()],
      paths,
      components: {
        schemas: { ...ERROR_SCHEMAS, ...Object.fromEntries(schemas) },
        responses: { ...ERROR_RESPONSES },
        securitySchemes: {
          [ADMIN_TOKEN_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'Admin token (`POST /V1/integration/admin/token`) or integration access token. The role must allow every ACL resource the route names.',
          },
          [CUSTOMER_TOKEN_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'Customer token (`POST /V1/integration/customer/token`, or a Login as Customer exchange), for `self` routes.',
          },
        },
      },
    };
  }

  private operation(route: RestRoute, method: MethodDeclaration, serviceName: string, schemas: Map<string, SchemaObject>): OperationObject {
    const urlParams = route.url
      .split('/')
      .filter((segment) => segment.startsWith(':'))
      .map((segment) => segment.slice(1));
    const forced = new Set(route.parameters.filter((p) => p.force && p.path.length === 1).map((p) => normalize(p.name)));
    const defaults = new Map(route.parameters.filter((p) => !p.force && p.path.length === 1).map((p) => [normalize(p.name), p.value]));
    const readsQuery = route.method === 'GET' || route.method === 'DELETE';

    const parameters: ParameterObject[] = [];
    const bodyProperties: Record<string, SchemaObject> = {};
    const bodyRequired: string[] = [];
    const usedUrlParams = new Set<string>();
    for (const parameter of method.parameters) {
      const key = normalize(parameter.name);
      if (forced.has(key)) continue;
      const required = parameter.required && !defaults.has(key);
      const description = describeParameter(parameter, defaults.get(key));
      const urlParam = urlParams.find((name) => normalize(name) === key);
      if (urlParam !== undefined) {
        usedUrlParams.add(urlParam);
        parameters.push({ name: urlParam, in: 'path', required: true, ...withDescription(description), schema: this.schemaFor(parameter.type, schemas) });
      } else if (readsQuery) {
        parameters.push(...this.queryParameters(parameter.name, parameter.type, required, description, schemas));
      } else {
        bodyProperties[parameter.name] = { ...this.schemaFor(parameter.type, schemas), ...(description && !this.contracts.isDataType(parameter.type) ? { description } : {}) };
        if (required) bodyRequired.push(parameter.name);
      }
    }
    // A `:name` segment no parameter takes is still part of the path (Magento types it as a string).
    for (const name of urlParams) {
      if (!usedUrlParams.has(name)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }

    const operationId = MagentoSchemaNames.operationId(serviceName, route.serviceMethod, route.method);
    const operation: OperationObject = {
      tags: [serviceName],
      ...(method.description ? { summary: method.description } : {}),
      description: this.describeAccess(route),
      operationId,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(Object.keys(bodyProperties).length > 0
        ? {
            requestBody: {
              required: bodyRequired.length > 0,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    title: `${operationId}Body`,
                    properties: bodyProperties,
                    ...(bodyRequired.length > 0 ? { required: bodyRequired } : {}),
                  },
                },
              },
            },
          }
        : {}),
      responses: this.responses(route, method, schemas),
      security: securityFor(route.resources),
      'x-acl-resources': [...route.resources],
      'x-service': `${route.serviceClass}::${route.serviceMethod}`,
      'x-webapi-url': route.url,
    };
    return operation;
  }

  private responses(route: RestRoute, method: MethodDeclaration, schemas: Map<string, SchemaObject>): Record<string, ResponseOrRef> {
    const success: ResponseOrRef =
      method.returns === 'void'
        ? {
            description: '200 Success. The method returns nothing; Magento sends an empty list.',
            content: { 'application/json': { schema: { type: 'array', items: {}, description: 'Always []' } } },
          }
        : { description: '200 Success.', content: { 'application/json': { schema: this.schemaFor(method.returns, schemas) } } };
    const aclIds = route.resources.filter((resource) => resource !== ANONYMOUS);
    // The 401 of a protected route names its resources; the example is exactly the body the ACL check sends.
    const unauthorized: ResponseOrRef =
      aclIds.length > 0
        ? {
            description: aclIds.every((id) => id === SELF)
              ? '401 Unauthorized: no valid customer token (missing, expired or revoked).'
              : `401 Unauthorized: no valid admin or integration token, or its role does not allow ${aclIds.join(', ')}.`,
            content: {
              'application/json': {
                schema: schemaRef(ERROR_RESPONSE_SCHEMA),
                example: {
                  message: "The consumer isn't authorized to access %resources.",
                  parameters: { resources: route.resources.join(', ') },
                },
              },
            },
          }
        : errorResponseRef('401');
    return {
      '200': success,
      '400': errorResponseRef('400'),
      '401': unauthorized,
      '404': errorResponseRef('404'),
      '500': errorResponseRef('500'),
    };
  }

  private describeAccess(route: RestRoute): string {
    const lines: string[] = [];
    const aclIds = route.resources.filter((resource) => resource !== ANONYMOUS && resource !== SELF);
    if (route.resources.includes(ANONYMOUS) && route.resources.length === 1) {
      lines.push('**Access:** anonymous — no token needed.');
    } else {
      if (route.resources.includes(SELF)) {
        lines.push('**Access:** `self` — a customer token; the route acts on the token\'s customer.');
      }
      if (aclIds.length > 0) {
        const listed = aclIds.map((id) => {
          const title = this.input.aclTree.get(id)?.title;
          return title ? `\`${id}\` (${title})` : `\`${id}\``;
        });
        lines.push(
          `**Access:** ACL resource${aclIds.length > 1 ? 's (all required)' : ''} ${listed.join(', ')} — ` +
            'an admin or integration token whose role allows it.',
        );
      }
    }
    const forced = route.parameters.filter((p) => p.force).map((p) => `\`${p.name}\``);
    if (forced.length > 0) lines.push(`Set from the token, not the request: ${forced.join(', ')} (webapi.xml \`force\`).`);
    if (route.secure) lines.push('HTTPS only (`secure="true"`).');
    lines.push(`webapi.xml: \`${route.method} ${route.url}\` → \`${route.serviceClass}::${route.serviceMethod}\``);
    return lines.join('\n\n');
  }

  /**
   * GET/DELETE inputs as query parameters. A data interface becomes one parameter per scalar leaf in PHP's
   * bracket form with snake_case keys and index 0 for lists — `searchCriteria[filter_groups][0][filters][0][field]`
   * (SPEC §3.7) — which the query parser nests back. Magento writes camelCase keys and `[]`, which PHP would
   * split into separate list items; `[0]` keeps one filter together when sent from Swagger UI.
   */
  private queryParameters(
    name: string,
    type: TypeRef,
    required: boolean,
    description: string | undefined,
    schemas: Map<string, SchemaObject>,
  ): ParameterObject[] {
    if (!this.contracts.isDataType(type)) {
      const queryName = isArrayType(type) ? `${name}[]` : name;
      return [{ name: queryName, in: 'query', required, ...withDescription(description), schema: this.schemaFor(type, schemas) }];
    }
    const note = required ? `Part of \`${name}\`, which is required: send at least one of its fields.` : `Part of \`${name}\` (optional).`;
    const prefix = isArrayType(type) ? `${name}[0]` : name;
    return this.expandQuery(prefix, itemType(type), new Set(), 0).map((leaf) => ({
      name: leaf.name,
      in: 'query',
      required: false,
      description: leaf.description ? `${leaf.description} ${note}` : note,
      schema: leaf.schema,
    }));
  }

  private expandQuery(
    prefix: string,
    dataType: string,
    visiting: ReadonlySet<string>,
    depth: number,
  ): { name: string; schema: SchemaObject; description?: string }[] {
    const declaration = this.contracts.getDataType(dataType);
    if (!declaration || visiting.has(dataType) || depth >= MAX_QUERY_DEPTH) return [];
    const inside = new Set(visiting).add(dataType);
    const leaves: { name: string; schema: SchemaObject; description?: string }[] = [];
    for (const field of declaration.fields) {
      const fieldName = `${prefix}[${field.name}]`;
      const item = itemType(field.type);
      if (this.contracts.isDataType(item)) {
        leaves.push(...this.expandQuery(isArrayType(field.type) ? `${fieldName}[0]` : fieldName, item, inside, depth + 1));
      } else {
        leaves.push({
          name: isArrayType(field.type) ? `${fieldName}[]` : fieldName,
          schema: this.scalarOrArraySchema(field.type),
          ...(field.description ? { description: field.description } : {}),
        });
      }
    }
    return leaves;
  }

  /** The schema of a type reference; data interfaces are registered as components on first use. */
  private schemaFor(type: TypeRef, schemas: Map<string, SchemaObject>): SchemaObject {
    const item = itemType(type);
    const itemSchema = this.contracts.isDataType(item) ? this.componentRef(item, schemas) : { ...(SCALAR_SCHEMAS[item] ?? {}) };
    return isArrayType(type) ? { type: 'array', items: itemSchema } : itemSchema;
  }

  private scalarOrArraySchema(type: TypeRef): SchemaObject {
    const item = { ...(SCALAR_SCHEMAS[itemType(type)] ?? {}) };
    return isArrayType(type) ? { type: 'array', items: item } : item;
  }

  private componentRef(dataType: string, schemas: Map<string, SchemaObject>): SchemaObject {
    const name = MagentoSchemaNames.definitionName(dataType);
    const existing = schemas.get(name);
    if (existing === undefined) {
      const declaration = this.contracts.getDataType(dataType);
      if (!declaration) throw new Error(`Unknown data interface ${dataType}`);
      // Registered before its fields are walked, so a type that refers to itself ends in a $ref, not a loop.
      const schema: SchemaObject = { type: 'object', title: dataType, ...(declaration.description ? { description: declaration.description } : {}) };
      schemas.set(name, schema);
      const properties: Record<string, SchemaObject> = {};
      const required: string[] = [];
      for (const field of declaration.fields) {
        const fieldSchema = this.schemaFor(field.type, schemas);
        properties[field.name] = field.description && fieldSchema.$ref === undefined ? { ...fieldSchema, description: field.description } : fieldSchema;
        if (field.required) required.push(field.name);
      }
      schema.properties = properties;
      if (required.length > 0) schema.required = required;
    } else if (existing.title !== dataType) {
      throw new Error(`Data interfaces ${existing.title ?? '?'} and ${dataType} both map to schema name "${name}"`);
    }
    return schemaRef(name);
  }
}

/** Parameter names compare the way the input resolver binds them: `customer_id` and `customerId` are one name. */
function normalize(name: string): string {
  return SimpleDataObjectConverter.snakeCaseToCamelCase(name);
}

function describeParameter(parameter: ParameterDeclaration, defaultValue: string | null | undefined): string | undefined {
  const parts: string[] = [];
  if (parameter.description) parts.push(parameter.description);
  if (defaultValue !== undefined) parts.push(`Default (webapi.xml): ${defaultValue === null ? 'null' : defaultValue}.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function withDescription(description: string | undefined): { description?: string } {
  return description ? { description } : {};
}

/**
 * `anonymous` alone → no token; any ACL id → an admin/integration token (ACL ids are admin-panel roles); `self`
 * alone → a customer token. Scopes stay empty: OpenAPI 3.0 allows none for HTTP bearer schemes, which is why the
 * ids are in the description and `x-acl-resources`.
 */
function securityFor(resources: readonly string[]): SecurityRequirement[] {
  if (resources.every((resource) => resource === ANONYMOUS)) return [];
  if (resources.some((resource) => resource !== ANONYMOUS && resource !== SELF)) return [{ [ADMIN_TOKEN_SCHEME]: [] }];
  return [{ [CUSTOMER_TOKEN_SCHEME]: [] }];
}
