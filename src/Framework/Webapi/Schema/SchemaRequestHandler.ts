import { WebapiException } from '../../Exception/WebapiException.ts';
import { __ } from '../../Exception/Phrase.ts';
import type { SchemaHandler, SchemaRequest } from '../Rest/RestFrontController.ts';
import { ADMIN_STORE } from '../StoreResolver.ts';
import type { OpenApiDocument } from './OpenApiDocument.ts';
import { OpenApiGenerator, type OpenApiGeneratorInput } from './OpenApiGenerator.ts';

/** `Magento\Framework\Webapi\Request::REQUEST_PARAM_SERVICES` and its "everything" value. */
const SERVICES_PARAM = 'services';
const ALL_SERVICES = 'all';
/** `Request::_convertRequestParamToServiceArray`: comma-separated `<name>V<n>` service names. */
const SERVICE_LIST = /^[a-zA-Z\d]*V\d+(,[a-zA-Z\d]*V\d+)*$/;

export interface SchemaHandlerOptions {
  readonly title?: string;
  readonly version?: string;
}

/**
 * Magento's SchemaRequestProcessor: `GET /rest/<store>/schema?services=all|<name>V1,<name>V1` answers the API
 * description (OpenAPI 3.0 here, see OpenApiGenerator). `services` defaults to `all`, as in Magento. The
 * server URL is the request's own prefix — `/rest/<store code>`, or `/rest/all` for the admin scope — so "Try
 * it out" calls go to the same store the schema was read from.
 *
 * The full document is generated once here, at boot (so an inconsistency fails start-up, not a request) and
 * then per store prefix on first use; documents for a `services` subset are not cached, their keys being caller
 * controlled.
 */
export function createSchemaHandler(input: OpenApiGeneratorInput, options: SchemaHandlerOptions = {}): SchemaHandler {
  const generator = new OpenApiGenerator(input);
  const known = new Set(generator.serviceNames());
  const cache = new Map<string, OpenApiDocument>();
  const generate = (serverUrl: string, services?: ReadonlySet<string>): OpenApiDocument =>
    generator.generate({ serverUrl, ...options, ...(services ? { services } : {}) });
  cache.set('/rest/default', generate('/rest/default'));

  return (request: SchemaRequest): OpenApiDocument => {
    const storeCode = request.store.storeId === ADMIN_STORE.storeId ? 'all' : request.store.code;
    const serverUrl = `/rest/${storeCode}`;
    const services = requestedServices(request.query[SERVICES_PARAM] ?? ALL_SERVICES);
    if (services === ALL_SERVICES) {
      let document = cache.get(serverUrl);
      if (document === undefined) {
        document = generate(serverUrl);
        cache.set(serverUrl, document);
      }
      return document;
    }
    for (const name of services) {
      if (!known.has(name)) {
        // Magento lets a RuntimeException escape here (a masked 500); an unknown name is the caller's mistake.
        throw new WebapiException(__('Requested service is not available: "%1"', [name]), WebapiException.HTTP_NOT_FOUND);
      }
    }
    return generate(serverUrl, services);
  };
}

function requestedServices(value: unknown): typeof ALL_SERVICES | ReadonlySet<string> {
  if (value === ALL_SERVICES) return ALL_SERVICES;
  if (typeof value !== 'string' || !SERVICE_LIST.test(value)) {
    throw new WebapiException(__('Incorrect format of request URI or Requested services are missing.'), WebapiException.HTTP_BAD_REQUEST);
  }
  return new Set(value.split(','));
}
