/**
 * The subset of Swagger 2.0 (OpenAPI 2.0) that Magento's REST schema generator writes
 * (`Magento\Webapi\Model\Rest\Swagger\Generator`), and ours with it.
 */
export const SWAGGER_VERSION = '2.0';

export type SwaggerPrimitive = 'string' | 'integer' | 'number' | 'boolean';

export interface SwaggerSchema {
  $ref?: string;
  type?: SwaggerPrimitive | 'object' | 'array';
  description?: string;
  properties?: Record<string, SwaggerSchema>;
  required?: string[];
  items?: SwaggerSchema;
}

interface SwaggerParameterBase {
  name: string;
  description?: string;
}

export interface SwaggerPathParameter extends SwaggerParameterBase {
  in: 'path';
  type: SwaggerPrimitive;
  required: true;
}

export interface SwaggerQueryParameter extends SwaggerParameterBase {
  in: 'query';
  type: SwaggerPrimitive | 'array';
  items?: { type: SwaggerPrimitive };
  collectionFormat?: 'multi';
  required?: boolean;
}

/** Magento's one body parameter, named `<operationId>Body`, with each PHP parameter a property. */
export interface SwaggerBodyParameter extends SwaggerParameterBase {
  in: 'body';
  schema: SwaggerSchema;
}

export type SwaggerParameter = SwaggerPathParameter | SwaggerQueryParameter | SwaggerBodyParameter;

export interface SwaggerResponse {
  description: string;
  schema?: SwaggerSchema;
}

export interface SwaggerOperation {
  tags: string[];
  description: string;
  operationId: string;
  parameters?: SwaggerParameter[];
  responses: Record<string, SwaggerResponse>;
  /** `[]` for anonymous routes. Magento writes no security; ours names the token kind a route takes. */
  security: Record<string, string[]>[];
  /** The route's `<resources>`, all required. */
  'x-acl-resources': string[];
  /** `<service class>::<method>`. */
  'x-service': string;
  /** The route's url as webapi.xml declares it. */
  'x-webapi-url': string;
}

export type SwaggerVerb = 'get' | 'post' | 'put' | 'delete';

export interface SwaggerSecurityScheme {
  type: 'apiKey';
  name: 'Authorization';
  in: 'header';
  description: string;
}

export interface SwaggerDocument {
  swagger: typeof SWAGGER_VERSION;
  info: { version: string; title: string; description?: string };
  host?: string;
  basePath: string;
  schemes: string[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<SwaggerVerb, SwaggerOperation>>>;
  definitions: Record<string, SwaggerSchema>;
  securityDefinitions: Record<string, SwaggerSecurityScheme>;
}
