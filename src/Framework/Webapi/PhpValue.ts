/**
 * PHP's view of a request value, for Magento's error texts: `gettype()` names and the `(string)` cast.
 */
export const PhpValue = {
  /** PHP's `gettype()` names, used in Magento's type error messages. */
  gettype(value: unknown): string {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'boolean') return 'boolean';
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
    if (typeof value === 'string') return 'string';
    return 'array';
  },

  /** PHP's `(string)` cast of a scalar, as Magento puts a rejected value into its message. */
  stringCast(value: unknown): string {
    if (value === true) return '1';
    if (value === false || value === null || value === undefined) return '';
    if (typeof value === 'number') return PhpValue.numberToString(value);
    if (typeof value === 'string') return value;
    return 'Array';
  },

  /** PHP 8 float/int to string: shortest round-trip digits, exponent written `1.0E+25`. */
  numberToString(value: number): string {
    if (Number.isNaN(value)) return 'NAN';
    if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
    const text = String(value);
    const exponent = /^(-?\d+)(?:\.(\d+))?e([+-])(\d+)$/.exec(text);
    if (!exponent) return text;
    const [, whole, fraction, sign, digits] = exponent;
    return `${whole}.${fraction ?? '0'}E${sign}${digits}`;
  },
} as const;
