/**
 * Request data (decoded body, parsed query string, path parameters) is held in null-prototype objects, so a key
 * like `__proto__` or `constructor` is an ordinary key and can never reach or shadow Object.prototype.
 */
export type RequestObject = Record<string, unknown>;

export function createRequestObject(): RequestObject {
  return Object.create(null) as RequestObject;
}

/** An object in the PHP-associative-array sense: not null, not a list. */
export function isRequestObject(value: unknown): value is RequestObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** PHP's `isset($array[$key])`: an own key whose value is not null. */
export function isSet(data: unknown, key: string): boolean {
  if (Array.isArray(data)) {
    const index = Number(key);
    return /^(0|[1-9]\d*)$/.test(key) && data[index] !== undefined && data[index] !== null;
  }
  return isRequestObject(data) && Object.hasOwn(data, key) && data[key] !== null && data[key] !== undefined;
}

/** A shallow copy into a null-prototype object (own enumerable keys, `__proto__` included as a plain key). */
export function copyRequestObject(source: RequestObject): RequestObject {
  const copy = createRequestObject();
  for (const key of Object.keys(source)) copy[key] = source[key];
  return copy;
}
