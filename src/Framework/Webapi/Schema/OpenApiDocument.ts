/**
 * The subset of OpenAPI 3.0.3 the schema generator writes. Typed so that the generator, the routes table and
 * the tests read the same shapes; anything OpenAPI allows but we never emit is left out.
 */
export const OPENAPI_VERSION = '3.0.3';

export type JsonSchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface SchemaObject {
  $ref?: string;
  type?: JsonSchemaType;
  title?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
  oneOf?: SchemaObject[];
  nullable?: boolean;
  default?: string | number | boolean;
  example?: unknown;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: SchemaObject;
}

export interface MediaTypeObject {
  schema: SchemaObject;
  example?: unknown;
}

export interface RequestBodyObject {
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

export type ResponseOrRef = ResponseObject | { $ref: string };

/** An empty list: HTTP bearer schemes take no scopes in OpenAPI 3.0. */
export type SecurityRequirement = Record<string, string[]>;

/** One webapi.xml route. The `x-` fields carry what OpenAPI has no place for (Magento's ACL and service names). */
export interface OperationObject {
  tags: string[];
  summary?: string;
  description: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseOrRef>;
  /** `[]` for anonymous routes: no token needed. */
  security: SecurityRequirement[];
  /** The route's `<resources>` as declared: `anonymous`, `self` or ACL ids, all required. */
  'x-acl-resources': string[];
  /** `<service class>::<method>` of the route. */
  'x-service': string;
  /** The route's url exactly as webapi.xml declares it (`/V1/customers/:customerId`). */
  'x-webapi-url': string;
}

export type HttpVerb = 'get' | 'post' | 'put' | 'delete';

export type PathItemObject = Partial<Record<HttpVerb, OperationObject>>;

export interface SecuritySchemeObject {
  type: 'http';
  scheme: 'bearer';
  bearerFormat?: string;
  description: string;
}

export interface TagObject {
  name: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: typeof OPENAPI_VERSION;
  info: { title: string; version: string; description?: string };
  servers: { url: string; description?: string }[];
  tags: TagObject[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}
