import type { RequestContext, RequestState } from '../../App/RequestContext.ts';
import type { Logger } from '../../App/Logger.ts';
import type { RequestAuthorizer } from '../../Acl/RequestAuthorizer.ts';
import { GUEST, type AuthenticationRequest, type UserContext, type UserContextResolver } from '../../Authentication/UserContext.ts';
import { AuthorizationException } from '../../Exception/AuthorizationException.ts';
import { LocalizedException } from '../../Exception/LocalizedException.ts';
import { WebapiException } from '../../Exception/WebapiException.ts';
import { __ } from '../../Exception/Phrase.ts';
import { HTTP_METHODS, type HttpMethod, type RestRoute, type WebapiConfig } from '../Config/WebapiConfig.ts';
import { ContractIndex } from '../ContractIndex.ts';
import { ErrorProcessor } from '../ErrorProcessor.ts';
import { createRequestObject } from '../RequestObject.ts';
import { createUniqidReportIdGenerator, type ReportIdGenerator } from '../ReportIdGenerator.ts';
import type { ContractRegistry } from '../ServiceContract.ts';
import type { ServiceLocator } from '../ServiceLocator.ts';
import { ServiceOutputProcessor } from '../ServiceOutputProcessor.ts';
import type { StoreRecord, StoreResolver } from '../StoreResolver.ts';
import { FieldsFilter } from './FieldsFilter.ts';
import { InputParamsResolver } from './InputParamsResolver.ts';
import { DEFAULT_PARAM_OVERRIDERS, type ParamOverrider } from './ParamsOverrider.ts';
import { PathProcessor } from './PathProcessor.ts';
import { QueryStringParser } from './QueryStringParser.ts';
import { RequestDeserializer } from './RequestDeserializer.ts';
import { RequestBodyTooLargeError, type RestHttpRequest, type RestHttpResponse } from './RestHttpRequest.ts';
import { RestRouteMatcher } from './RestRouteMatcher.ts';

/** What `GET /rest/<store>/schema` is given; the handler returns the JSON document to send. */
export interface SchemaRequest {
  readonly store: StoreRecord;
  readonly query: Readonly<Record<string, unknown>>;
  readonly secure: boolean;
  readonly host: string | undefined;
  /** The caller, from the bearer token as for an API call (a guest without one); the schema lists its routes. */
  readonly user: UserContext;
}

export type SchemaHandler = (request: SchemaRequest) => unknown;

export interface RestFrontControllerDeps {
  readonly webapiConfig: WebapiConfig;
  readonly contracts: ContractRegistry | ContractIndex;
  readonly serviceLocator: ServiceLocator;
  readonly userContextResolver: UserContextResolver;
  readonly requestAuthorizer: RequestAuthorizer;
  readonly storeResolver: StoreResolver;
  readonly requestContext: RequestContext;
  readonly logger: Logger;
  readonly developerMode: boolean;
  /** Serves `/rest/<store>/schema`; without it that path gets Magento's unknown-path answer. */
  readonly schemaHandler?: SchemaHandler;
  /** Default: Magento's `webapi-<uniqid>`. */
  readonly reportIdGenerator?: ReportIdGenerator;
  /** Extra `%placeholder%` values for webapi.xml `<parameter>`s, next to `%customer_id%`. */
  readonly paramOverriders?: Readonly<Record<string, ParamOverrider>>;
  /** Largest accepted body, default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Deepest accepted JSON nesting, default 64. */
  readonly maxJsonDepth?: number;
  /** Monotonic milliseconds for the request duration in the log line; default `performance.now`. */
  readonly monotonicNow?: () => number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 64;

/** Magento's SynchronousRequestProcessor takes paths starting with `/V<n>`. */
const API_PATH = /^\/V\d+/;
/** The pseudo-resource every caller has (Magento's GuestAuthorization). */
const ANONYMOUS = 'anonymous';
/** Magento's SchemaRequestProcessor takes paths starting with `schema`. */
const SCHEMA_PATH = 'schema';

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'application/json; charset=utf-8' });

/**
 * Magento's REST front controller (`Magento\Webapi\Controller\Rest::dispatch`) and its synchronous request
 * processor, in Magento's order:
 * path/store prefix → HTTP method (405) → request processor (400) → route (404) → authentication →
 * ACL (401, before any body is read) → HTTPS-only routes → body and query → input resolution → service call →
 * output. Every error goes through the ErrorProcessor; one log line per request.
 */
export class RestFrontController {
  private readonly contracts: ContractIndex;
  private readonly pathProcessor: PathProcessor;
  private readonly matcher: RestRouteMatcher;
  private readonly deserializer: RequestDeserializer;
  private readonly inputResolver: InputParamsResolver;
  private readonly outputProcessor: ServiceOutputProcessor;
  private readonly errorProcessor: ErrorProcessor;
  private readonly maxBodyBytes: number;
  private readonly now: () => number;

  constructor(private readonly deps: RestFrontControllerDeps) {
    this.contracts = deps.contracts instanceof ContractIndex ? deps.contracts : new ContractIndex(deps.contracts);
    for (const route of deps.webapiConfig.routes) {
      if (!this.contracts.getMethod(route.serviceClass, route.serviceMethod)) {
        throw new Error(`${route.file}: route "${route.url}" ${route.method}: no contract for ${route.serviceClass}::${route.serviceMethod}`);
      }
    }
    this.pathProcessor = new PathProcessor(deps.storeResolver);
    this.matcher = new RestRouteMatcher(deps.webapiConfig.routes);
    this.deserializer = new RequestDeserializer({
      maxDepth: deps.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH,
      developerMode: deps.developerMode,
    });
    this.inputResolver = new InputParamsResolver(this.contracts, { ...DEFAULT_PARAM_OVERRIDERS, ...deps.paramOverriders });
    this.outputProcessor = new ServiceOutputProcessor(this.contracts);
    this.errorProcessor = new ErrorProcessor({
      developerMode: deps.developerMode,
      logger: deps.logger,
      reportIdGenerator: deps.reportIdGenerator ?? createUniqidReportIdGenerator(),
    });
    this.maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.now = deps.monotonicNow ?? (() => performance.now());
  }

  dispatch(request: RestHttpRequest): Promise<RestHttpResponse> {
    const state: RequestState = {
      user: GUEST,
      storeCode: '',
      storeId: 0,
      ip: request.ip,
      userAgent: request.header('user-agent') ?? '',
    };
    return this.deps.requestContext.run(state, () => this.handle(request, state));
  }

  private async handle(request: RestHttpRequest, state: RequestState): Promise<RestHttpResponse> {
    const started = this.now();
    let response: RestHttpResponse;
    try {
      response = await this.process(request, state);
    } catch (error) {
      const processed = this.errorProcessor.process(error);
      if (processed.reportId !== undefined) state.reportId = processed.reportId;
      response = { status: processed.status, headers: JSON_HEADERS, body: JSON.stringify(processed.body) };
    }
    // Only ids and outcomes: the path itself may carry a token (e.g. reset-password links), so the route
    // template is logged, never the URL, headers or body.
    this.deps.logger.info(
      {
        method: request.method,
        route: state.route ?? null,
        status: response.status,
        durationMs: Math.round((this.now() - started) * 1000) / 1000,
        storeCode: state.storeCode || null,
        userType: state.user.userType,
        userId: state.user.userId,
        ...(state.reportId !== undefined ? { reportId: state.reportId } : {}),
        ...state.logFields,
      },
      'rest request',
    );
    return response;
  }

  private async process(request: RestHttpRequest, state: RequestState): Promise<RestHttpResponse> {
    const { path, store } = await this.pathProcessor.process(request.path);
    const method = request.method;
    if (!HTTP_METHODS.includes(method as HttpMethod)) {
      throw new WebapiException(
        __('The %1 HTTP method is not supported.', [request.method]),
        WebapiException.HTTP_METHOD_NOT_ALLOWED,
      );
    }
    const isApi = API_PATH.test(path);
    const isSchema = !isApi && this.deps.schemaHandler !== undefined && trimLeadingSlashes(path).startsWith(SCHEMA_PATH);
    if (!isApi && !isSchema) {
      throw new WebapiException(__('Specified request cannot be processed.'), WebapiException.HTTP_BAD_REQUEST);
    }
    const currentStore = store ?? (await this.deps.storeResolver.getDefault());
    state.storeCode = currentStore.code;
    state.storeId = currentStore.storeId;

    if (isSchema && this.deps.schemaHandler) {
      state.user = await this.deps.userContextResolver.resolve(this.authenticationRequest(request));
      const document = await this.deps.schemaHandler({
        store: currentStore,
        query: QueryStringParser.parse(request.queryString),
        secure: request.secure,
        host: request.header('host'),
        user: state.user,
      });
      return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(document) };
    }
    return this.processApiRequest(request, method as HttpMethod, path, state);
  }

  private async processApiRequest(
    request: RestHttpRequest,
    method: HttpMethod,
    path: string,
    state: RequestState,
  ): Promise<RestHttpResponse> {
    const { route, params } = this.matcher.match(method, path);
    state.route = route.url;

    state.user = await this.resolveUser(request, route.resources);
    if (!(await this.deps.requestAuthorizer.isAllowed(state.user, route.resources))) {
      throw new AuthorizationException(
        __("The consumer isn't authorized to access %resources.", { resources: route.resources.join(', ') }),
      );
    }
    if (route.secure && !request.secure) {
      throw new WebapiException(__('Operation allowed only in HTTPS'));
    }

    const body =
      method === 'POST' || method === 'PUT'
        ? this.deserializer.deserialize(request.header('content-type'), await this.readBody(request))
        : createRequestObject();
    const declaration = this.contracts.getMethod(route.serviceClass, route.serviceMethod);
    if (!declaration) throw new Error(`No contract for ${route.serviceClass}::${route.serviceMethod}`);
    const query = QueryStringParser.parse(request.queryString);
    const args = this.inputResolver.resolve(route, declaration, {
      httpMethod: method,
      pathParams: params,
      query,
      body,
      user: state.user,
    });

    const result = await this.callService(route, args);
    const output = FieldsFilter.apply(this.outputProcessor.process(result, declaration.returns), query);
    return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(output) };
  }

  /**
   * Magento asks for the caller only when a resource needs it: on a route open to `anonymous` alone a request
   * whose credentials fail their checks (an OAuth signature that does not verify) is served as a guest.
   */
  private async resolveUser(request: RestHttpRequest, resources: readonly string[]): Promise<UserContext> {
    try {
      return await this.deps.userContextResolver.resolve(this.authenticationRequest(request));
    } catch (error) {
      if (error instanceof LocalizedException && resources.every((resource) => resource === ANONYMOUS)) return GUEST;
      throw error;
    }
  }

  /**
   * What the user context needs: the URL as the client addressed it (an OAuth signature covers scheme, Host
   * and the raw request URI) and the body on demand, read once and kept for the service call.
   */
  private authenticationRequest(request: RestHttpRequest): AuthenticationRequest {
    const query = request.queryString === '' ? '' : `?${request.queryString}`;
    const uri = request.requestUri ?? `/rest${request.path}${query}`;
    let body: Promise<Buffer> | undefined;
    const originalRead = request.readBody.bind(request);
    request.readBody = (limit: number) => (body ??= originalRead(limit));
    return {
      method: request.method,
      url: `${request.secure ? 'https' : 'http'}://${request.header('host') ?? 'localhost'}${uri}`,
      header: (name: string) => request.header(name),
      readBody: () => this.readBody(request),
    };
  }

  private async readBody(request: RestHttpRequest): Promise<Buffer> {
    try {
      return await request.readBody(this.maxBodyBytes);
    } catch (error) {
      if (error instanceof RequestBodyTooLargeError) {
        // Magento has no message of its own here (nginx answers 413 before PHP runs); the reason phrase is used.
        throw new WebapiException(__('Request Entity Too Large'), WebapiException.HTTP_PAYLOAD_TOO_LARGE, {
          cause: error,
        });
      }
      throw error;
    }
  }

  private async callService(route: RestRoute, args: unknown[]): Promise<unknown> {
    const service = this.deps.serviceLocator.get(route.serviceClass);
    const method: unknown = (service as Record<string, unknown>)[route.serviceMethod];
    if (typeof method !== 'function') {
      throw new Error(`Service ${route.serviceClass} has no method ${route.serviceMethod}`);
    }
    return (await Promise.resolve(method.apply(service, args))) as unknown;
  }
}

function trimLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '');
}
