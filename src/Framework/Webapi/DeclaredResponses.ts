import { readFileSync } from 'node:fs';
import { ConfigFileException } from '../Exception/ConfigFileException.ts';
import { Phrase } from '../Exception/Phrase.ts';
import { WebapiException } from '../Exception/WebapiException.ts';
import { HTTP_METHODS, type HttpMethod } from './Config/WebapiConfig.ts';
import { XmlConfigParser } from './Config/XmlConfigParser.ts';
import type { MethodDeclaration, ParameterDeclaration, ServiceContract } from './ServiceContract.ts';

/** The file beside a mounted module's `etc/` that answers its routes when no JavaScript service does. */
export const DECLARED_RESPONSES_FILE = 'emulator-responses.json';

/** One declared answer: a 200 with `body`, or a Magento error body with `status`, `message` and `parameters`. */
type DeclaredResponse =
  | { readonly kind: 'body'; readonly body: unknown }
  | { readonly kind: 'error'; readonly status: number; readonly message: string; readonly parameters: unknown };

/** A route of a module's webapi.xml, as far as declared responses need it. */
interface RouteRef {
  readonly url: string;
  readonly method: string;
  readonly serviceClass: string;
  readonly serviceMethod: string;
  /** First segments of `<data><parameter name>` (the method must take them). */
  readonly dataParameters: readonly string[];
}

/** Services made from declared responses: contracts for the webapi.xml reader, objects for the container. */
export interface DeclaredServices {
  readonly contracts: readonly ServiceContract[];
  readonly services: ReadonlyMap<string, object>;
}

/**
 * Answers a mounted module's routes from `emulator-responses.json`, so a PHP extension can be pointed at as it is:
 *
 *   { "GET /V1/acme/stock/:sku": { "body": { "sku": "{sku}", "qty": 5 } },
 *     "DELETE /V1/acme/stock/:sku": { "status": 404, "message": "Stock item \"%1\" not found.", "parameters": ["{sku}"] } }
 *
 * `{name}` in any string is replaced by that path parameter. Authentication, ACL and `<data>` overrides apply as for
 * any route; the service method takes the route's path parameters (and `<data>` parameters), and returns the body
 * as it is. Each route whose service class nothing else provides must be declared, else boot stops naming the
 * webapi.xml file and the route.
 */
export function declaredServices(
  webapiFile: string,
  responsesFile: string | undefined,
  isProvided: (serviceClass: string) => boolean,
): DeclaredServices {
  const routes = readRoutes(webapiFile).filter((route) => !isProvided(route.serviceClass));
  if (routes.length === 0) return { contracts: [], services: new Map() };
  const responses = responsesFile ? readResponses(responsesFile) : new Map<string, DeclaredResponse>();
  const methods = new Map<string, Map<string, { declaration: MethodDeclaration; response: DeclaredResponse; route: RouteRef }>>();
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    const response = responses.get(key);
    if (!response) {
      throw new ConfigFileException(
        webapiFile,
        `route "${route.url}" ${route.method}`,
        `service class "${route.serviceClass}" is not a JavaScript class the module exports (emulator.mjs / emulator.js) ` +
          `and ${responsesFile ?? `the module has no ${DECLARED_RESPONSES_FILE}`} declares no "${key}"`,
      );
    }
    const byMethod = methods.get(route.serviceClass) ?? new Map();
    const previous = byMethod.get(route.serviceMethod);
    if (previous) {
      throw new ConfigFileException(
        webapiFile,
        `route "${route.url}" ${route.method}`,
        `${route.serviceClass}::${route.serviceMethod} also serves "${previous.route.method} ${previous.route.url}"; ` +
          'a service answered from declared responses needs one method per route',
      );
    }
    byMethod.set(route.serviceMethod, { declaration: declarationFor(route), response, route });
    methods.set(route.serviceClass, byMethod);
  }
  const contracts: ServiceContract[] = [];
  const services = new Map<string, object>();
  for (const [serviceClass, byMethod] of methods) {
    const declarations: Record<string, MethodDeclaration> = {};
    const service: Record<string, (...args: unknown[]) => unknown> = {};
    for (const [name, { declaration, response }] of byMethod) {
      declarations[name] = declaration;
      const names = declaration.parameters.map((p) => p.name);
      service[name] = (...args: unknown[]) => answer(response, names, args);
    }
    contracts.push(Object.freeze({ name: serviceClass, methods: Object.freeze(declarations) }));
    services.set(serviceClass, Object.freeze(service));
  }
  return { contracts, services };
}

function declarationFor(route: RouteRef): MethodDeclaration {
  const parameters: ParameterDeclaration[] = [];
  for (const segment of route.url.split('/')) {
    if (segment.startsWith(':')) parameters.push({ name: segment.slice(1), type: 'string', required: true });
  }
  for (const name of route.dataParameters) {
    if (!parameters.some((p) => p.name === name)) parameters.push({ name, type: 'mixed', required: false });
  }
  return Object.freeze({ parameters: Object.freeze(parameters), returns: 'mixed', description: 'Declared response' });
}

function answer(response: DeclaredResponse, names: readonly string[], args: readonly unknown[]): unknown {
  const values = new Map(names.map((name, i) => [name, args[i] === undefined || args[i] === null ? '' : String(args[i])]));
  if (response.kind === 'body') return substitute(response.body, values);
  const parameters = substitute(response.parameters, values);
  throw new WebapiException(new Phrase(String(substitute(response.message, values))), response.status, {
    details: (parameters ?? []) as readonly unknown[],
  });
}

function substitute(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => values.get(name) ?? whole);
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)]));
  }
  return value;
}

function readRoutes(file: string): RouteRef[] {
  const root = XmlConfigParser.parse(readFileSync(file, 'utf8'), file);
  return XmlConfigParser.childrenNamed(root, 'route').map((route) => {
    const service = XmlConfigParser.childrenNamed(route, 'service')[0];
    const dataParameters = XmlConfigParser.childrenNamed(route, 'data').flatMap((data) =>
      XmlConfigParser.childrenNamed(data, 'parameter').map((p) => (p.attributes.get('name') ?? '').split('.')[0] ?? ''),
    );
    return {
      url: route.attributes.get('url')?.trim() ?? '',
      method: route.attributes.get('method') ?? '',
      serviceClass: service?.attributes.get('class') ?? '',
      serviceMethod: service?.attributes.get('method') ?? '',
      dataParameters: dataParameters.filter((name) => name !== ''),
    };
  });
}

function readResponses(file: string): Map<string, DeclaredResponse> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigFileException(file, 'document', `not valid JSON (${(error as Error).message})`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigFileException(file, 'document', 'must be an object of "METHOD /V1/url" → response');
  }
  const responses = new Map<string, DeclaredResponse>();
  for (const [key, value] of Object.entries(document)) {
    const fail = (reason: string): never => {
      throw new ConfigFileException(file, `"${key}"`, reason);
    };
    const [method, url, ...rest] = key.trim().split(/\s+/);
    if (rest.length > 0 || !HTTP_METHODS.includes(method as HttpMethod) || !url?.startsWith('/V')) {
      fail('key must be "<GET|POST|PUT|DELETE> /V1/…" as the route is declared in webapi.xml');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('must be an object with "body", or "status" and "message"');
    const entry = value as Record<string, unknown>;
    const status = entry.status ?? 200;
    if (typeof status !== 'number' || !Number.isInteger(status) || !(status === 200 || (status >= 400 && status <= 599))) {
      fail('"status" must be 200 or an HTTP error status (400–599)');
    }
    if (status === 200) {
      if (!('body' in entry)) fail('a 200 response needs a "body"');
      responses.set(`${method} ${url}`, { kind: 'body', body: entry.body });
    } else {
      if (typeof entry.message !== 'string' || entry.message === '') fail('an error response needs a "message"');
      const parameters = entry.parameters ?? [];
      if (parameters === null || typeof parameters !== 'object') fail('"parameters" must be a list or an object');
      responses.set(`${method} ${url}`, { kind: 'error', status: status as number, message: entry.message as string, parameters });
    }
  }
  return responses;
}
