import { AuthenticationException } from '../Exception/AuthenticationException.ts';
import { AuthorizationException } from '../Exception/AuthorizationException.ts';
import { ConnectionException } from '../Exception/DbException.ts';
import { InputException } from '../Exception/InputException.ts';
import { LocalizedException } from '../Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../Exception/NoSuchEntityException.ts';
import type { PhraseParameters } from '../Exception/Phrase.ts';
import { WebapiException } from '../Exception/WebapiException.ts';
import type { Logger } from '../App/Logger.ts';
import type { ReportIdGenerator } from './ReportIdGenerator.ts';

/** Magento's `ErrorProcessor::INTERNAL_SERVER_ERROR_MSG`; Magento puts the id into the text (sprintf). */
export const INTERNAL_ERROR_MESSAGE = 'Internal Error. Details are available in Magento log file. Report ID: %s';

/** The JSON error body, keys in Magento's order. */
export interface ErrorBody {
  message: string;
  errors?: { message: string; parameters: PhraseParameters }[];
  parameters?: PhraseParameters;
  trace?: string | null;
}

export interface ProcessedError {
  readonly status: number;
  readonly body: ErrorBody;
  /** Set when the error was unexpected (500/503) and logged under this id. */
  readonly reportId?: string;
}

/**
 * The one place that maps exceptions to HTTP: Magento's `Webapi\ErrorProcessor::maskException` plus
 * `Webapi\Rest\Response::_renderMessages`.
 *
 * - WebapiException: its own status; `message` is its rendered text, `parameters` its details.
 * - LocalizedException: NoSuchEntityException 404, AuthenticationException/AuthorizationException 401, others 400;
 *   `message` is the raw template, `parameters` its arguments (named → object, positional → array), `errors` the
 *   aggregated InputException errors when there are any.
 * - ConnectionException (database unreachable): 503, masked like a 500 (our addition: Magento has no such case).
 * - anything else: 500 `Internal Error. Details are available in Magento log file. Report ID: webapi-…`, the
 *   full error logged under that id. In developer mode Magento shows the real message instead.
 * `parameters` only when non-empty; `trace` only in developer mode (null for a WebapiException thrown as such,
 * as in Magento).
 */
export class ErrorProcessor {
  constructor(
    private readonly options: {
      readonly developerMode: boolean;
      readonly logger: Logger;
      readonly reportIdGenerator: ReportIdGenerator;
    },
  ) {}

  process(error: unknown): ProcessedError {
    const developerMode = this.options.developerMode;
    if (error instanceof WebapiException) {
      const body: ErrorBody = { message: error.message };
      addParameters(body, error.getDetails());
      if (developerMode) body.trace = null;
      return { status: error.httpCode, body };
    }
    if (error instanceof LocalizedException) {
      const body: ErrorBody = { message: error.getRawMessage() };
      if (error instanceof InputException && error.getErrors().length > 0) {
        body.errors = error.getErrors().map((item) => ({ message: item.getRawMessage(), parameters: item.getParameters() }));
      }
      addParameters(body, error.getParameters());
      if (developerMode) body.trace = error.stack ?? '';
      return { status: localizedStatus(error), body };
    }

    const status = error instanceof ConnectionException ? WebapiException.HTTP_SERVICE_UNAVAILABLE : WebapiException.HTTP_INTERNAL_ERROR;
    const reportId = this.options.reportIdGenerator();
    const details = describe(error);
    this.options.logger.error(
      { reportId, error: details },
      `Report ID: ${reportId}; Message: ${details.message}`,
    );
    const body: ErrorBody = developerMode
      ? { message: details.message, trace: details.stack }
      : { message: INTERNAL_ERROR_MESSAGE.replace('%s', reportId) };
    return { status, body, reportId };
  }
}

function localizedStatus(error: LocalizedException): number {
  if (error instanceof NoSuchEntityException) return WebapiException.HTTP_NOT_FOUND;
  if (error instanceof AuthorizationException || error instanceof AuthenticationException) {
    return WebapiException.HTTP_UNAUTHORIZED;
  }
  return WebapiException.HTTP_BAD_REQUEST;
}

/** PHP arrays: a list encodes as a JSON array, a map as an object; an empty one is left out of the body. */
function addParameters(body: ErrorBody, parameters: PhraseParameters): void {
  const empty = Array.isArray(parameters) ? parameters.length === 0 : Object.keys(parameters).length === 0;
  if (!empty) body.parameters = parameters;
}

function describe(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack ?? `${error.name}: ${error.message}` };
  }
  return { name: typeof error, message: String(error), stack: String(error) };
}
