import { Router, type Request, type Response } from 'express';
import {
  RestFrontController,
  type RestFrontControllerDeps,
} from '../../Framework/Webapi/Rest/RestFrontController.ts';
import type { RestHttpRequest, RestHttpResponse } from '../../Framework/Webapi/Rest/RestHttpRequest.ts';
import { readRawBody } from './readRawBody.ts';

/** Everything the REST router needs; the app passes it in (no container lookups inside). */
export type RestRouterDeps = RestFrontControllerDeps;

/**
 * The REST entry point: an Express router the app mounts at `/rest` (`app.use('/rest', createRestRouter(deps))`),
 * before any body parser — it reads bodies itself, bounded, and only after the ACL check. Every method and path
 * below `/rest` is answered here, the way Magento's REST area does (unknown paths and methods get Magento's
 * errors, not Express's).
 */
export function createRestRouter(deps: RestRouterDeps): Router {
  const controller = new RestFrontController(deps);
  const router = Router();
  router.use((request: Request, response: Response, next: (error?: unknown) => void) => {
    controller.dispatch(toRestHttpRequest(request)).then((result) => send(response, result), next);
  });
  return router;
}

function toRestHttpRequest(request: Request): RestHttpRequest {
  const url = request.url;
  const queryStart = url.indexOf('?');
  return {
    method: request.method,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    queryString: queryStart === -1 ? '' : url.slice(queryStart + 1),
    ip: request.ip ?? request.socket.remoteAddress ?? '',
    secure: request.secure,
    requestUri: request.originalUrl,
    header(name: string): string | undefined {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    readBody: (limit: number) => readRawBody(request, limit),
  };
}

/** Written with `res.end`: no ETag or 304 handling from Express, the body is exactly what Magento would send. */
function send(response: Response, result: RestHttpResponse): void {
  response.status(result.status);
  for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
  response.setHeader('Content-Length', Buffer.byteLength(result.body));
  response.end(result.body);
}
