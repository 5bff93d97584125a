import { createRequestObject, isRequestObject, type RequestObject } from '../RequestObject.ts';

/** PHP's `max_input_nesting_level` and `max_input_vars` defaults: deeper or further variables are dropped. */
const MAX_NESTING_LEVEL = 64;
const MAX_INPUT_VARS = 1000;

/**
 * Parses a query string the way PHP fills `$_GET`, which is what Magento binds GET parameters from:
 * `searchCriteria[filter_groups][0][filters][0][field]=email` becomes nested objects, `a[]=x` appends, dots and
 * spaces in the top-level name become underscores, later duplicates win. Objects have no prototype, so keys such
 * as `__proto__` are plain data.
 */
export const QueryStringParser = {
  parse(query: string): RequestObject {
    return parseQuery(query);
  },

  /**
   * PHP's `urldecode`: `+` is a space, `%XX` a byte; a malformed `%` sequence stays as it is. Node hands over the
   * request target byte by byte (latin1), so characters below 256 are taken as bytes; the result is read as UTF-8.
   */
  urlDecode(text: string): string {
    return decode(text);
  },
} as const;

function parseQuery(query: string): RequestObject {
  const result = createRequestObject();
  let count = 0;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    if (++count > MAX_INPUT_VARS) break;
    const equals = pair.indexOf('=');
    const name = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
    register(result, name, value);
  }
  return result;
}

function register(target: RequestObject, rawName: string, value: string): void {
  const name = rawName.replace(/^ +/, '');
  const open = name.indexOf('[');
  let base = (open === -1 ? name : name.slice(0, open)).replace(/[ .]/g, '_');
  const indices: (string | null)[] = [];
  if (open !== -1) {
    let position = open;
    while (name[position] === '[') {
      const close = name.indexOf(']', position + 1);
      if (close === -1) {
        // An unterminated `[` is not an index: PHP keeps it in the name as `_`.
        if (indices.length === 0) base = `${base}_${name.slice(position + 1)}`;
        break;
      }
      const index = name.slice(position + 1, close);
      indices.push(index === '' ? null : index);
      position = close + 1;
    }
  }
  if (base === '') return;
  if (indices.length >= MAX_NESTING_LEVEL) return;

  let container: RequestObject = target;
  let key = base;
  for (const index of indices) {
    let next = container[key];
    if (!isRequestObject(next)) {
      next = createRequestObject();
      container[key] = next;
    }
    container = next as RequestObject;
    key = index ?? String(nextIndex(container));
  }
  container[key] = value;
}

/** PHP's next append index: one past the largest integer key, 0 when there is none. */
function nextIndex(container: RequestObject): number {
  let next = 0;
  for (const key of Object.keys(container)) {
    if (/^(0|-?[1-9]\d*)$/.test(key)) next = Math.max(next, Number(key) + 1);
  }
  return next;
}

function decode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  const source = isLatin1(text) ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
  const bytes = Buffer.alloc(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] as number;
    if (byte === 0x2b) {
      bytes[length++] = 0x20;
    } else if (byte === 0x25 && isHex(source[i + 1]) && isHex(source[i + 2])) {
      bytes[length++] = parseInt(String.fromCharCode(source[i + 1] as number, source[i + 2] as number), 16);
      i += 2;
    } else {
      bytes[length++] = byte;
    }
  }
  return bytes.subarray(0, length).toString('utf8');
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
