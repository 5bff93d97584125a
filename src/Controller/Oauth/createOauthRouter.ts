import { Router, type Request, type Response } from 'express';
import type { Logger } from '../../Framework/App/Logger.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import type { Oauth } from '../../Framework/Oauth/Oauth.ts';
import { OauthException } from '../../Framework/Oauth/OauthException.ts';
import { OauthInputException } from '../../Framework/Oauth/OauthInputException.ts';
import { prepareOauthRequest } from '../../Framework/Oauth/OauthRequestHelper.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { RequestBodyTooLargeError } from '../../Framework/Webapi/Rest/RestHttpRequest.ts';
import { readRawBody } from '../Rest/readRawBody.ts';

export interface OauthRouterDeps {
  readonly oauth: Oauth;
  /** Magento's Access controller: the consumer's integration becomes active once it has its access token. */
  readonly activateIntegration: (consumerId: number) => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

type Step = 'request' | 'access';

/**
 * Magento's `Magento\Integration\Controller\Token\Request` and `…\Access` (`/oauth/token/request`,
 * `/oauth/token/access`, any HTTP method): the answer is a form-encoded body, `oauth_token=…&oauth_token_secret=…`,
 * or `oauth_problem=<message>` with 401 (OauthException), 400 (input problems; several are joined with ", ")
 * or 500 (anything else), as `Oauth\Helper\Request::prepareErrorResponse` builds it. Logs the outcome only.
 */
export function createOauthRouter(deps: OauthRouterDeps): Router {
  const router = Router();
  const handle = (step: Step) => (request: Request, response: Response) => {
    void process(deps, step, request).then(({ status, body }) => {
      deps.logger.info({ route: `/oauth/token/${step}`, method: request.method, status }, 'oauth request');
      response.status(status);
      response.setHeader('Content-Type', 'text/html; charset=UTF-8');
      response.setHeader('Content-Length', Buffer.byteLength(body));
      response.end(body);
    });
  };
  router.all('/oauth/token/request', handle('request'));
  router.all('/oauth/token/access', handle('access'));
  return router;
}

async function process(deps: OauthRouterDeps, step: Step, request: Request): Promise<{ status: number; body: string }> {
  try {
    const url = `${request.protocol}://${request.headers.host ?? 'localhost'}${request.originalUrl}`;
    const params = (await prepareOauthRequest({
      method: request.method,
      url,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: async () => (await readRawBody(request, deps.maxBodyBytes ?? 1024 * 1024)).toString('utf8'),
    })) ?? { protocol: new Map<string, string>(), signed: [] };
    if (step === 'request') {
      const token = await deps.oauth.getRequestToken(params, url, request.method);
      return { status: 200, body: new URLSearchParams({ ...token }).toString() };
    }
    const { consumer, token } = await deps.oauth.getAccessToken(params, url, request.method);
    await deps.activateIntegration(consumer.id);
    return { status: 200, body: new URLSearchParams({ ...token }).toString() };
  } catch (error) {
    return problem(error, deps.logger);
  }
}

function problem(error: unknown, logger: Logger): { status: number; body: string } {
  if (error instanceof OauthException) return { status: 401, body: new URLSearchParams({ oauth_problem: error.message }).toString() };
  if (error instanceof OauthInputException || error instanceof InputException) {
    const message =
      error instanceof OauthInputException && error.getRawMessage() === InputException.DEFAULT_MESSAGE
        ? error.getAggregatedErrorMessage()
        : error.message;
    return { status: 400, body: new URLSearchParams({ oauth_problem: message }).toString() };
  }
  if (error instanceof LocalizedException) return { status: 400, body: new URLSearchParams({ oauth_problem: error.message }).toString() };
  // Magento has no answer of its own (the web server refuses first); the REST router's status and reason phrase.
  if (error instanceof RequestBodyTooLargeError) return { status: 413, body: new URLSearchParams({ oauth_problem: 'Request Entity Too Large' }).toString() };
  logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'oauth token request failed');
  return { status: 500, body: `oauth_problem=${encodeURIComponent('internal_error&message=empty_message')}` };
}
