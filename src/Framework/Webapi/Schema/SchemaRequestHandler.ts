import type { RequestAuthorizer } from '../../Acl/RequestAuthorizer.ts';
import type { UserContext } from '../../Authentication/UserContext.ts';
import { WebapiException } from '../../Exception/WebapiException.ts';
import { __ } from '../../Exception/Phrase.ts';
import type { RestRoute } from '../Config/WebapiConfig.ts';
import type { SchemaHandler, SchemaRequest } from '../Rest/RestFrontController.ts';
import { ADMIN_STORE } from '../StoreResolver.ts';
import type { OpenApiDocument } from './OpenApiDocument.ts';
import { OpenApiGenerator, type OpenApiGeneratorInput } from './OpenApiGenerator.ts';
import { SchemaCache } from './SchemaCache.ts';
import type { SwaggerDocument } from './SwaggerDocument.ts';
import { SwaggerGenerator } from './SwaggerGenerator.ts';

/** `Magento\Framework\Webapi\Request::REQUEST_PARAM_SERVICES` and its "everything" value. */
const SERVICES_PARAM = 'services';
const ALL_SERVICES = 'all';
/** `Request::_convertRequestParamToServiceArray`: comma-separated `<name>V<n>` service names. */
const SERVICE_LIST = /^[a-zA-Z\d]*V\d+(,[a-zA-Z\d]*V\d+)*$/;
/**
 * Not Magento's: `?format=openapi3` answers the same description as OpenAPI 3.0 instead of Magento's Swagger 2.0.
 * Any other value (or none) is Swagger 2.0, as Magento ignores parameters it does not know.
 */
export const FORMAT_PARAM = 'format';
export const OPENAPI3_FORMAT = 'openapi3';

/** Distinct documents kept: store prefixes × distinct sets of allowed routes × `?services=` subsets in use. */
export const DEFAULT_SCHEMA_CACHE_SIZE = 64;

export interface SchemaHandlerInput extends OpenApiGeneratorInput {
  /** The front controller's ACL step; a route is described when it passes for the caller. */
  readonly requestAuthorizer: RequestAuthorizer;
}

export interface SchemaHandlerOptions {
  readonly title?: string;
  readonly version?: string;
  readonly cacheSize?: number;
}

/** Routes that name the same resources pass or fail the ACL together: one check per distinct list. */
interface AccessGroup {
  readonly resources: readonly string[];
  readonly routeIndexes: readonly number[];
}

/**
 * Magento's SchemaRequestProcessor: `GET /rest/<store>/schema?services=all|<name>V1,<name>V1` answers the API
 * description — Swagger 2.0 as Magento's generator writes it (SwaggerGenerator), or OpenAPI 3.0 with
 * `?format=openapi3` (OpenApiGenerator). `services` defaults to `all`, as in Magento. The base path is the request's
 * own prefix — `/rest/<store code>`, or `/rest/all` for the admin scope — so "Try it out" calls go to the same store
 * the schema was read from; Swagger's `host` and `schemes` are the request's (Host header, http/https).
 *
 * As Magento's `AbstractSchemaGenerator::getAllowedServicesMetadata`, the document lists only what the caller
 * may call: each route is put through the same check the front controller makes before calling it (the bearer
 * token's user context, then `RequestAuthorizer` on all of the route's resources — `anonymous` for everyone,
 * `self` for a customer of the request's store, ACL ids for the admin's or integration's role). A requested
 * service the caller may call nothing of is left out without an error, as in Magento. Magento checks the
 * resources of a service method merged over every route naming it; here each route is checked on its own, so
 * the list is exactly what the front controller lets the caller call.
 *
 * Magento caches per store and user (type + id). Here a document is cached by what it contains — format, store
 * prefix and the exact set of routes described (never the host, which is set per response) — so callers with the
 * same rights share it, and a caller is never given a document built for broader rights. The rights are worked
 * out on every request, so a role change applies at once. Both full documents are generated once at boot, so an
 * inconsistency fails start-up, not a request.
 */
export function createSchemaHandler(input: SchemaHandlerInput, options: SchemaHandlerOptions = {}): SchemaHandler {
  const generator = new OpenApiGenerator(input);
  const swagger = new SwaggerGenerator(input);
  const routes = input.webapiConfig.routes;
  const serviceOfRoute = routes.map((route) => generator.serviceNameOf(route));
  const known = new Set(serviceOfRoute);
  const groups = accessGroups(routes);
  const cache = new SchemaCache<OpenApiDocument | SwaggerDocument>(options.cacheSize ?? DEFAULT_SCHEMA_CACHE_SIZE);
  const info = { ...(options.title !== undefined ? { title: options.title } : {}), ...(options.version !== undefined ? { version: options.version } : {}) };

  const describe = (format: 'swagger' | 'openapi3', serverUrl: string, selected: readonly boolean[]): OpenApiDocument | SwaggerDocument => {
    const key = `${format} ${serverUrl} ${selected.map((on) => (on ? '1' : '0')).join('')}`;
    const described = new Set(routes.filter((_, index) => selected[index]));
    return cache.getOrCreate(key, () =>
      format === 'openapi3'
        ? generator.generate({ serverUrl, ...info, routes: described })
        : swagger.generate({ basePath: serverUrl, ...info, routes: described }),
    );
  };
  describe('openapi3', '/rest/default', routes.map(() => true));
  describe('swagger', '/rest/default', routes.map(() => true));

  /** Of the `wanted` routes, those the caller may call. */
  const allowedOf = async (user: UserContext, wanted: readonly boolean[]): Promise<boolean[]> => {
    const allowed = routes.map(() => false);
    for (const group of groups) {
      if (!group.routeIndexes.some((index) => wanted[index])) continue;
      if (!(await input.requestAuthorizer.isAllowed(user, group.resources))) continue;
      for (const index of group.routeIndexes) allowed[index] = wanted[index] === true;
    }
    return allowed;
  };

  return async (request: SchemaRequest): Promise<OpenApiDocument | SwaggerDocument> => {
    const storeCode = request.store.storeId === ADMIN_STORE.storeId ? 'all' : request.store.code;
    const serverUrl = `/rest/${storeCode}`;
    const services = requestedServices(request.query[SERVICES_PARAM] ?? ALL_SERVICES);
    if (services !== ALL_SERVICES) {
      for (const name of services) {
        if (!known.has(name)) {
          // Magento lets a RuntimeException escape here (a masked 500); an unknown name is the caller's mistake.
          throw new WebapiException(__('Requested service is not available: "%1"', [name]), WebapiException.HTTP_NOT_FOUND);
        }
      }
    }
    const wanted = serviceOfRoute.map((service) => services === ALL_SERVICES || services.has(service));
    const allowed = await allowedOf(request.user, wanted);
    if (request.query[FORMAT_PARAM] === OPENAPI3_FORMAT) return describe('openapi3', serverUrl, allowed);
    return withRequestOrigin(describe('swagger', serverUrl, allowed) as SwaggerDocument, request);
  };
}

/** Magento's `setHost($request->getHttpHost())` and `setSchemes([$request->getScheme()])`, on a copy of the cached document. */
function withRequestOrigin(document: SwaggerDocument, request: SchemaRequest): SwaggerDocument {
  const { swagger, info, basePath, tags, paths, definitions, securityDefinitions } = document;
  return {
    swagger,
    info,
    ...(request.host ? { host: request.host } : {}),
    basePath,
    schemes: [request.secure ? 'https' : 'http'],
    tags,
    paths,
    definitions,
    securityDefinitions,
  };
}

function accessGroups(routes: readonly RestRoute[]): AccessGroup[] {
  const byResources = new Map<string, { resources: readonly string[]; routeIndexes: number[] }>();
  routes.forEach((route, index) => {
    const key = JSON.stringify(route.resources);
    let group = byResources.get(key);
    if (group === undefined) {
      group = { resources: route.resources, routeIndexes: [] };
      byResources.set(key, group);
    }
    group.routeIndexes.push(index);
  });
  return [...byResources.values()];
}

function requestedServices(value: unknown): typeof ALL_SERVICES | ReadonlySet<string> {
  if (value === ALL_SERVICES) return ALL_SERVICES;
  if (typeof value !== 'string' || !SERVICE_LIST.test(value)) {
    throw new WebapiException(__('Incorrect format of request URI or Requested services are missing.'), WebapiException.HTTP_BAD_REQUEST);
  }
  return new Set(value.split(','));
}
