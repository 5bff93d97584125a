import { SerializationException } from '../Exception/SerializationException.ts';
import { __ } from '../Exception/Phrase.ts';
import { isRequestObject } from './RequestObject.ts';
import { PhpValue } from './PhpValue.ts';
import { isArrayType, itemType, type TypeRef } from './ServiceContract.ts';

/** Magento's text for a value of the wrong type (`TypeProcessor::processSimpleAndAnyType`). */
export const INVALID_TYPE_MESSAGE = 'The "%value" value\'s type is invalid. The "%type" type was expected. Verify and try again.';

/** PHP 8 `is_numeric` for strings: optional surrounding whitespace, sign, decimal digits, optional exponent. */
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const TRUE_STRINGS: ReadonlySet<string> = new Set(['1', 'true', 'on', 'yes']);
/** The integers a request may carry: those a JavaScript number holds exactly. */
export const MAX_INT = Number.MAX_SAFE_INTEGER;
export const MIN_INT = Number.MIN_SAFE_INTEGER;

/**
 * Scalar conversion of request values as Magento's `Magento\Framework\Reflection\TypeProcessor` does it:
 * `int`/`float` accept numbers and numeric strings (`"12"`, `"1e3"`, `" 7 "`), and reject anything else, booleans
 * included; `bool` follows PHP's FILTER_VALIDATE_BOOLEAN (`true`, `1`, `"yes"`, `"on"` … are true, everything
 * else false); `string` takes any scalar (`true` → `"1"`); `mixed` takes anything. A list/object for a scalar
 * type, or a scalar for a list type, is rejected naming the PHP type (`The "array" value's type is invalid…`).
 *
 * Deliberate differences, so that no request value reaches a service as something it did not say:
 * - Magento converts list items with PHP's lenient `settype` (`"abc"` becomes 0 in an `int[]`); here items get
 *   the same check as single values.
 * - `int` accepts what PHP's `settype` accepts (numbers and numeric strings, a fraction truncated towards zero:
 *   `"12.9"` → 12, as Magento) but only inside JavaScript's exact integer range, ±(2^53 − 1). PHP on 64-bit takes
 *   ±2^63 and turns anything beyond into 0 or PHP_INT_MAX, and `"1e400"` or a JSON `1e400` into 0; here those are
 *   400s with the type message (`The "1e400" value's type is invalid. The "int" type was expected…`), since a
 *   rounded or clamped id would name another row. Every id column is far inside that range; values inside it
 *   but outside a column (`-1`, `4294967296`) are the services' business (not found / validation).
 * - `float` accepts only finite values: PHP's INF/NAN (`"1e400"`) cannot be stored or written back as JSON.
 */
export const TypeProcessor = {
  processSimpleAndAnyType(value: unknown, type: TypeRef): unknown {
    const isArray = isArrayType(type);
    const item = itemType(type);
    if (isArray && (Array.isArray(value) || isRequestObject(value))) {
      const items = Array.isArray(value) ? value : Object.values(value);
      return items.map((entry: unknown) => {
        if (item === 'mixed' || entry === null || entry === undefined) return entry ?? null;
        const converted = Array.isArray(entry) || isRequestObject(entry) ? undefined : convertScalar(entry, item);
        if (converted === undefined) {
          throw invalidType(Array.isArray(entry) || isRequestObject(entry) ? PhpValue.gettype(entry) : PhpValue.stringCast(entry), type);
        }
        return converted;
      });
    }
    if (isArray && (value === null || value === undefined)) return null;
    if (!isArray && !Array.isArray(value) && !isRequestObject(value)) {
      if (value === null || value === undefined || type === 'mixed') return value ?? null;
      const converted = convertScalar(value, type);
      if (converted === undefined) throw invalidType(PhpValue.stringCast(value), type);
      return converted;
    }
    if (item !== 'mixed') throw invalidType(PhpValue.gettype(value), type);
    return value;
  },

  isNumeric(value: unknown): boolean {
    return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && NUMERIC.test(value);
  },
} as const;

/** The converted scalar, or undefined when the value cannot take the type. */
function convertScalar(value: unknown, type: TypeRef): unknown {
  switch (type) {
    case 'bool':
      return TRUE_STRINGS.has(PhpValue.stringCast(value).trim().toLowerCase());
    case 'int': {
      if (!TypeProcessor.isNumeric(value)) return undefined;
      const number = Math.trunc(Number(typeof value === 'string' ? value.trim() : value)) + 0;
      return Number.isSafeInteger(number) ? number : undefined;
    }
    case 'float': {
      if (!TypeProcessor.isNumeric(value)) return undefined;
      const number = Number(typeof value === 'string' ? value.trim() : value);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'string':
      return PhpValue.stringCast(value);
    default:
      return value;
  }
}

export function invalidType(value: string, type: TypeRef): SerializationException {
  return new SerializationException(__(INVALID_TYPE_MESSAGE, { value, type }));
}
