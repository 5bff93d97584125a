import { WebapiException } from '../../Exception/WebapiException.ts';
import { __ } from '../../Exception/Phrase.ts';
import type { HttpMethod, RestRoute } from '../Config/WebapiConfig.ts';
import { createRequestObject, type RequestObject } from '../RequestObject.ts';
import { trimSlashes } from './PathProcessor.ts';
import { QueryStringParser } from './QueryStringParser.ts';

export interface RouteMatch {
  readonly route: RestRoute;
  /** Path parameters, URL-decoded. */
  readonly params: RequestObject;
}

interface CompiledRoute {
  readonly route: RestRoute;
  /** Literal segment, or null at a `:name` segment. */
  readonly segments: readonly (string | null)[];
  readonly variables: ReadonlyMap<number, string>;
}

/** Magento's `_getServiceBaseUrl`: the first two `\w+` segments. */
const SERVICE_BASE_URL = /^\/?[A-Za-z0-9_]+\/[A-Za-z0-9_]+/;

/**
 * Route matching as Magento's `Webapi\Controller\Rest\Router` with `Webapi\Model\Rest\Config::getRestRoutes`:
 * 1. a route whose url equals the path exactly (for this method) wins outright;
 * 2. otherwise every route whose url starts with the path's first two segments is tried in byte order of url
 *    (PHP `ksort(SORT_STRING)`): equal segment count, literal segments equal, `:name` takes one URL-decoded
 *    segment (PHP `urldecode`, `+` is a space); the last route that matches wins (`array_pop`).
 * Path parameters of every matching route are kept, later ones overwriting (Magento calls `setParams` per match).
 */
export class RestRouteMatcher {
  private readonly exact = new Map<string, RestRoute>();
  private readonly sorted: readonly CompiledRoute[];

  constructor(routes: readonly RestRoute[]) {
    for (const route of routes) this.exact.set(`${route.method} ${route.url}`, route);
    const compiled = routes.map((route) => compile(route));
    const urls = [...new Set(routes.map((route) => route.url))].sort(compareBytes);
    this.sorted = urls.flatMap((url) => compiled.filter((candidate) => candidate.route.url === url));
  }

  match(method: HttpMethod, path: string): RouteMatch {
    const exact = this.exact.get(`${method} ${path}`);
    if (exact) return { route: exact, params: createRequestObject() };

    const baseUrl = SERVICE_BASE_URL.exec(path)?.[0];
    const params = createRequestObject();
    let matched: RestRoute | undefined;
    if (baseUrl !== undefined) {
      const base = trimSlashes(baseUrl);
      const pathParts = trimSlashes(path).split('/');
      for (const candidate of this.sorted) {
        if (candidate.route.method !== method || !trimSlashes(candidate.route.url).startsWith(base)) continue;
        const found = matchSegments(candidate, pathParts);
        if (found) {
          for (const key of Object.keys(found)) params[key] = found[key];
          matched = candidate.route;
        }
      }
    }
    if (!matched) {
      throw new WebapiException(__('Request does not match any route.'), WebapiException.HTTP_NOT_FOUND);
    }
    return { route: matched, params };
  }
}

function compile(route: RestRoute): CompiledRoute {
  const variables = new Map<number, string>();
  const segments = trimSlashes(route.url)
    .split('/')
    .map((segment, index) => {
      // Magento's Route::isVariable: `:` not followed by another `:`.
      if (segment.startsWith(':') && segment[1] !== ':' && segment.length > 1) {
        variables.set(index, segment.slice(1));
        return null;
      }
      return segment;
    });
  return { route, segments, variables };
}

function matchSegments(candidate: CompiledRoute, pathParts: readonly string[]): RequestObject | undefined {
  if (pathParts.length !== candidate.segments.length) return undefined;
  const result = createRequestObject();
  for (let index = 0; index < pathParts.length; index++) {
    const part = pathParts[index] as string;
    const variable = candidate.variables.get(index);
    if (variable !== undefined) {
      result[variable] = QueryStringParser.urlDecode(part);
    } else if (part !== candidate.segments[index]) {
      return undefined;
    }
  }
  return result;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
