import express, { type Express } from 'express';
import type { Application } from './bootstrap.ts';
import { createOauthRouter } from './Controller/Oauth/createOauthRouter.ts';
import { createRestRouter } from './Controller/Rest/createRestRouter.ts';
import { createSwaggerRouter } from './Controller/Swagger/createSwaggerRouter.ts';
import { isSwaggerEnabled } from './Controller/Swagger/isSwaggerEnabled.ts';
import type { RequestAuthorizer } from './Framework/Acl/RequestAuthorizer.ts';
import type { RequestContext } from './Framework/App/RequestContext.ts';
import type { UserContextResolver } from './Framework/Authentication/UserContext.ts';
import { TYPES } from './Framework/Di/Types.ts';
import type { SchemaHandler } from './Framework/Webapi/Rest/RestFrontController.ts';
import { createSchemaHandler } from './Framework/Webapi/Schema/SchemaRequestHandler.ts';
import { IntegrationOauth } from './Model/Integration/Oauth/IntegrationOauth.ts';
import { IntegrationService } from './Model/Integration/Oauth/IntegrationService.ts';
import { StoreCodeResolver } from './Model/Store/StoreCodeResolver.ts';

export interface AppOptions {
  /** The API description for `/rest/<store>/schema`; default: OpenAPI generated from webapi.xml and the contracts. */
  readonly schemaHandler?: SchemaHandler;
  readonly extend?: (app: Express, application: Application) => void;
}

/** Builds the Express application around the REST front controller. Never listens. */
export function createApp(application: Application, options: AppOptions = {}): Express {
  const { container } = application;
  const requestAuthorizer = container.get<RequestAuthorizer>(TYPES.RequestAuthorizer);
  const schemaHandler =
    options.schemaHandler ??
    createSchemaHandler({
      webapiConfig: application.webapiConfig,
      contracts: application.contracts,
      aclTree: application.aclTree,
      requestAuthorizer,
    });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // Outside /rest: a load balancer probe that proves the database answers.
  app.get('/health', async (_req, res) => {
    try {
      await application.connection.ping();
      res.json({ status: 'ok', database: application.connection.platform });
    } catch {
      res.status(503).json({ status: 'unavailable', database: application.connection.platform });
    }
  });

  // Magento serves /swagger in developer mode, elsewhere only when enabled (MAGENTO_SWAGGER_ENABLED=1).
  if (isSwaggerEnabled(application.deployment)) app.use(createSwaggerRouter());

  options.extend?.(app, application);

  // Magento_Integration's OAuth 1.0a handshake, outside /rest: POST /oauth/token/request and /oauth/token/access.
  app.use(
    createOauthRouter({
      oauth: container.get(IntegrationOauth),
      activateIntegration: (consumerId) => container.get(IntegrationService).markActiveByConsumerId(consumerId),
      logger: application.logger,
    }),
  );

  app.use(
    '/rest',
    createRestRouter({
      webapiConfig: application.webapiConfig,
      contracts: application.contracts,
      serviceLocator: { get: (className: string) => container.get<object>(Symbol.for(className)) },
      userContextResolver: container.get<UserContextResolver>(TYPES.UserContextResolver),
      requestAuthorizer,
      storeResolver: container.get(StoreCodeResolver),
      requestContext: container.get<RequestContext>(TYPES.RequestContext),
      logger: application.logger,
      developerMode: application.deployment.mode === 'developer',
      schemaHandler,
    }),
  );

  // Anything else: Magento's router answer, in Magento's error body shape.
  app.use((_req, res) => {
    res.status(404).json({ message: 'Request does not match any route.' });
  });
  return app;
}
