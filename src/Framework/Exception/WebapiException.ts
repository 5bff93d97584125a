import { LocalizedException } from './LocalizedException.ts';
import { Phrase } from './Phrase.ts';

/**
 * Magento's `Magento\Framework\Webapi\Exception`: a web API error that carries its own HTTP status
 * (400, 401, 404, 405, 413, 429, 500, 503…).
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

  constructor(
    phrase: Phrase,
    readonly httpCode: number = WebapiException.HTTP_BAD_REQUEST,
    options?: { cause?: unknown },
  ) {
    super(phrase, options);
  }
}
