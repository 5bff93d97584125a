import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Router, type Request, type Response } from 'express';

/** Magento's `/swagger?store=<code>` takes any store code; `all` (the admin scope) when none is given. */
const DEFAULT_STORE = 'all';
const STORE_CODE = /^[A-Za-z0-9_]{1,32}$/;

/** Files of the installed swagger-ui-dist package the page uses; nothing else of the package is served. */
const UI_FILES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
  ['favicon-16x16.png', 'image/png'],
]);

const ASSETS = '/swagger/assets';

/**
 * Starts Swagger UI on the element's `data-url`. A separate file rather than an inline script, so the page's
 * Content-Security-Policy can forbid inline scripts. BaseLayout has no "explore" bar, so the page only ever
 * loads this service's own description; the validator badge (a call to swagger.io) is off.
 *
 * The description lists only what the token sent with it may call (Magento's rule), so, like the api_key +
 * "apply" of Magento's page, authorising (or logging out) loads it again with the token now set: the admin or
 * customer then sees the routes that token may call.
 */
const INITIALIZER = `window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui');
  var SCHEMES = ['adminToken', 'customerToken'];
  var token = null;
  // Swagger 2.0 has no bearer scheme: the token is an apiKey in the Authorization header, typed with or without
  // the "Bearer " Magento's API wants.
  function bearer(value) {
    return /^Bearer\\s/i.test(value) ? value : 'Bearer ' + value;
  }
  function reloadForToken(system) {
    var authorized = system.authSelectors.authorized();
    var next = null;
    for (var i = 0; i < SCHEMES.length && next === null; i++) next = authorized.getIn([SCHEMES[i], 'value']) || null;
    if (next === token) return;
    token = next;
    system.specActions.download();
  }
  function thenReload(original, system) {
    return function () {
      var result = original.apply(null, arguments);
      reloadForToken(system);
      return result;
    };
  }
  // An apiKey value is sent as typed: store it with "Bearer " so calls (and the curl shown) carry it.
  function withBearer(payload) {
    var fixed = {};
    Object.keys(payload || {}).forEach(function (name) {
      var entry = payload[name];
      var schema = entry && entry.schema;
      var type = schema && (typeof schema.get === 'function' ? schema.get('type') : schema.type);
      fixed[name] = type === 'apiKey' && typeof entry.value === 'string' && entry.value !== ''
        ? Object.assign({}, entry, { value: bearer(entry.value) })
        : entry;
    });
    return fixed;
  }
  function authorizeWithBearer(original, system) {
    return thenReload(function (payload) {
      return original(withBearer(payload));
    }, system);
  }
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-url'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [function () {
      return { statePlugins: { auth: { wrapActions: { authorize: authorizeWithBearer, logout: thenReload } } } };
    }],
    requestInterceptor: function (request) {
      if (request.loadSpec) {
        if (token) request.headers.Authorization = bearer(token);
        return request;
      }
      if (request.headers.Authorization) request.headers.Authorization = bearer(request.headers.Authorization);
      return request;
    },
    layout: 'BaseLayout',
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    filter: true,
    persistAuthorization: false,
    validatorUrl: null
  });
});
`;

const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  // Swagger UI sets style attributes from React, hence 'unsafe-inline' for styles only.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/**
 * Magento's `/swagger` page (Magento_Swagger): Swagger UI from the installed `swagger-ui-dist` package (no CDN)
 * on the API description of `/rest/<store>/schema?services=all` — Magento's Swagger 2.0 document. The app mounts it only where Magento serves it
 * (isSwaggerEnabled: developer mode, or enabled by setting).
 */
export function createSwaggerRouter(): Router {
  const uiDirectory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const router = Router();

  router.get('/swagger', (request: Request, response: Response) => {
    const store = typeof request.query.store === 'string' && request.query.store !== '' ? request.query.store : DEFAULT_STORE;
    response.set(SECURITY_HEADERS);
    if (!STORE_CODE.test(store)) {
      response.status(400).type('text/plain').send('Invalid store code.');
      return;
    }
    response.set('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page(`/rest/${store}/schema?services=all`));
  });

  router.get(`${ASSETS}/initializer.js`, (_request: Request, response: Response) => {
    response.set(SECURITY_HEADERS).type('text/javascript; charset=utf-8').send(INITIALIZER);
  });

  router.get(`${ASSETS}/:file`, (request: Request, response: Response, next: (error?: unknown) => void) => {
    const file = String(request.params.file);
    const type = UI_FILES.get(file);
    if (type === undefined) {
      next();
      return;
    }
    response.set(SECURITY_HEADERS).type(type);
    response.sendFile(file, { root: uiDirectory, maxAge: '1d' }, (error?: Error) => {
      if (error) next(error);
    });
  });

  return router;
}

function page(schemaUrl: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Magento REST API</title>
  <link rel="stylesheet" href="${ASSETS}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${ASSETS}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${ASSETS}/favicon-16x16.png" sizes="16x16">
</head>
<body>
  <div id="swagger-ui" data-url="${escapeAttribute(schemaUrl)}"></div>
  <script src="${ASSETS}/swagger-ui-bundle.js"></script>
  <script src="${ASSETS}/initializer.js"></script>
</body>
</html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
