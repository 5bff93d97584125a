import { InputException } from '../../Exception/InputException.ts';
import { WebapiException } from '../../Exception/WebapiException.ts';
import { __ } from '../../Exception/Phrase.ts';
import { createRequestObject, isRequestObject, type RequestObject } from '../RequestObject.ts';

/** Magento's Content-Type pattern (`Magento\Framework\Webapi\Rest\Request::getContentType`), case-insensitive. */
const CONTENT_TYPE = /^([a-z\d/\-+.]+)(?:; *charset=(.+))?$/i;
const JSON_MEDIA_TYPE = 'application/json';

export interface RequestDeserializerOptions {
  /** Deepest nesting of arrays/objects accepted; deeper bodies are a decoding error, as PHP's json_decode depth. */
  readonly maxDepth: number;
  readonly developerMode: boolean;
}

/**
 * Turns a POST/PUT body into request data as Magento's `Rest\Request::getBodyParams` with the JSON deserializer:
 * an empty body (PHP-falsy: `""` or `"0"`) is no data and its Content-Type is not looked at; otherwise the
 * Content-Type is checked, then the body decoded. Invalid UTF-8, a byte-order mark, too deep nesting and bad JSON
 * are all `Decoding error.` (PHP's json_decode fails on each). Only JSON is understood; Magento's XML
 * deserializers are not reproduced, so XML media types get Magento's "cannot understand" answer.
 */
export class RequestDeserializer {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(private readonly options: RequestDeserializerOptions) {}

  deserialize(contentType: string | undefined, body: Buffer): RequestObject {
    if (body.length === 0 || (body.length === 1 && body[0] === 0x30)) return createRequestObject();
    const mediaType = this.mediaType(contentType);
    if (mediaType !== JSON_MEDIA_TYPE) {
      throw new WebapiException(__('Server cannot understand Content-Type HTTP header media type %1', [mediaType]));
    }
    return toRequestObject(this.decodeJson(body));
  }

  /** Magento's `getContentType`, with its three messages. */
  mediaType(headerValue: string | undefined): string {
    if (!headerValue) {
      throw new InputException(__('Content-Type header is empty.'));
    }
    const match = CONTENT_TYPE.exec(headerValue);
    if (!match) {
      throw new InputException(__('Content-Type header is invalid.'));
    }
    const charset = match[2];
    if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
      throw new InputException(__('UTF-8 is the only supported charset.'));
    }
    return match[1] as string;
  }

  private decodeJson(body: Buffer): unknown {
    let text: string;
    try {
      text = this.utf8.decode(body);
    } catch (error) {
      throw this.decodingError(new Error('Malformed UTF-8 characters, possibly incorrectly encoded', { cause: error }));
    }
    const depth = nestingDepth(text);
    if (depth > this.options.maxDepth) {
      throw this.decodingError(new Error(`Maximum stack depth exceeded (${depth} > ${this.options.maxDepth})`));
    }
    try {
      return JSON.parse(text, (_key, value: unknown) => (isRequestObject(value) ? nullPrototypeCopy(value) : value));
    } catch (error) {
      throw this.decodingError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Magento's Json deserializer: a bare message, or in developer mode the reason and trace. */
  private decodingError(reason: Error): WebapiException {
    if (!this.options.developerMode) {
      return new WebapiException(__('Decoding error.'), WebapiException.HTTP_BAD_REQUEST, { cause: reason });
    }
    return new WebapiException(
      __('Decoding error: %1%2%3%4', ['\n', reason.message, '\n', reason.stack ?? '']),
      WebapiException.HTTP_BAD_REQUEST,
      { cause: reason },
    );
  }
}

/** Deepest array/object nesting of a JSON text, counted without parsing (strings and escapes skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) max = depth;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return max;
}

function nullPrototypeCopy(value: RequestObject): RequestObject {
  const copy = createRequestObject();
  for (const key of Object.keys(value)) copy[key] = value[key];
  return copy;
}

/** PHP's `(array)` cast of the decoded body: a list keeps its indexes as keys, a scalar becomes `[0 => value]`. */
function toRequestObject(decoded: unknown): RequestObject {
  if (isRequestObject(decoded)) return decoded;
  const result = createRequestObject();
  if (Array.isArray(decoded)) {
    decoded.forEach((item: unknown, index) => {
      result[String(index)] = item;
    });
  } else if (decoded !== null) {
    result['0'] = decoded;
  }
  return result;
}
