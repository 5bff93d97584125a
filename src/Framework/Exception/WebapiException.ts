import { LocalizedException } from './LocalizedException.ts';
import { Phrase, type PhraseParameters } from './Phrase.ts';

/**
 * Magento's `Magento\Framework\Webapi\Exception`: a web API error that carries its own HTTP status
 * (400, 401, 404, 405, 413, 429, 500, 503…).
 *
 * As in Magento, the error body of a WebapiException carries its *rendered* message (`getMessage()`), and
 * `parameters` only from `details` — not the phrase's template and arguments as for other LocalizedExceptions.
 */
export class WebapiException extends LocalizedException {
  static readonly HTTP_BAD_REQUEST = 400;
  static readonly HTTP_UNAUTHORIZED = 401;
  static readonly HTTP_FORBIDDEN = 403;
  static readonly HTTP_NOT_FOUND = 404;
  static readonly HTTP_METHOD_NOT_ALLOWED = 405;
  static readonly HTTP_PAYLOAD_TOO_LARGE = 413;
  static readonly HTTP_TOO_MANY_REQUESTS = 429;
  static readonly HTTP_INTERNAL_ERROR = 500;
  static readonly HTTP_SERVICE_UNAVAILABLE = 503;

  /** Magento's `$details`: rendered as the body's `parameters` when non-empty. */
  readonly details: PhraseParameters;

  constructor(
    phrase: Phrase,
    readonly httpCode: number = WebapiException.HTTP_BAD_REQUEST,
    options?: { cause?: unknown; details?: PhraseParameters },
  ) {
    super(phrase, options);
    this.details = options?.details ?? [];
  }

  getDetails(): PhraseParameters {
    return this.details;
  }
}
