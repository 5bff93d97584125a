import { UserType, type UserContext } from '../../Authentication/UserContext.ts';
import type { RouteParameter } from '../Config/WebapiConfig.ts';
import { copyRequestObject, createRequestObject, isRequestObject, isSet, type RequestObject } from '../RequestObject.ts';
import { SimpleDataObjectConverter } from '../SimpleDataObjectConverter.ts';

/** Computes the value of a `%placeholder%` in `<parameter>` text (Magento's `ParamOverriderInterface`). */
export type ParamOverrider = (user: UserContext) => unknown;

/** Magento's `%customer_id%` (`ParamOverriderCustomerId`): the caller's id for a customer token, else null. */
export const DEFAULT_PARAM_OVERRIDERS: Readonly<Record<string, ParamOverrider>> = Object.freeze({
  '%customer_id%': (user: UserContext) => (user.userType === UserType.CUSTOMER ? user.userId : null),
});

/**
 * Magento's `Webapi\Controller\Rest\ParamsOverrider::override`: each webapi.xml `<parameter>` sets its (possibly
 * dotted, i.e. nested) key when `force` is on or the request left it unset (null counts as unset). A value that
 * names a registered placeholder is replaced by the overrider's result; any other text is used literally.
 *
 * Two hardenings over Magento, both about names that bind to the same argument or field:
 * - a forced value removes the request's other spellings of that key (`customer_id` next to a forced
 *   `customerId`, `Id` next to a forced `customer.id`): in Magento those could still reach the service;
 * - a default counts the request's other spelling as set (`page_size=3` keeps 3 against a `pageSize` default).
 * Returns a new object; the input is not modified.
 */
export const ParamsOverrider = {
  override(
    input: RequestObject,
    parameters: readonly RouteParameter[],
    user: UserContext,
    overriders: Readonly<Record<string, ParamOverrider>>,
  ): RequestObject {
    const result = copyRequestObject(input);
    for (const parameter of parameters) {
      if (!parameter.force && isNestedSet(result, parameter.path)) continue;
      const overrider =
        parameter.value !== null && Object.hasOwn(overriders, parameter.value) ? overriders[parameter.value] : undefined;
      setNested(result, parameter.path, overrider ? overrider(user) : parameter.value, parameter.force);
    }
    return result;
  },
} as const;

/**
 * Keys of `container` that bind to the same thing as `segment`: at the top level the two names
 * ServiceInputProcessor looks a parameter up by, below it every key with the same UpperCamelCase property.
 */
function equivalentKeys(container: RequestObject, segment: string, topLevel: boolean): string[] {
  if (topLevel) {
    const camel = SimpleDataObjectConverter.snakeCaseToCamelCase(segment);
    const names = new Set([segment, camel, SimpleDataObjectConverter.parameterNameToSnakeCase(camel)]);
    return Object.keys(container).filter((key) => names.has(key));
  }
  const property = SimpleDataObjectConverter.snakeCaseToUpperCamelCase(segment);
  return Object.keys(container).filter((key) => SimpleDataObjectConverter.snakeCaseToUpperCamelCase(key) === property);
}

function isNestedSet(data: RequestObject, path: readonly string[]): boolean {
  let current: unknown = data;
  for (const [depth, segment] of path.entries()) {
    if (!isRequestObject(current)) return false;
    const container: RequestObject = current;
    const key = depth === 0 ? equivalentKeys(container, segment, true).find((candidate) => isSet(container, candidate)) : segment;
    if (key === undefined || !isSet(container, key)) return false;
    current = container[key];
  }
  return true;
}

/**
 * Magento creates missing levels as arrays; a scalar in the way (where PHP fails with a 500) is replaced by an
 * object too. Every level on the path is copied, so the caller's nested objects stay untouched.
 */
function setNested(data: RequestObject, path: readonly string[], value: unknown, force: boolean): void {
  let current = data;
  for (const [depth, segment] of path.slice(0, -1).entries()) {
    // At the top level, descend into the spelling the request used, so the argument is not split in two.
    const key =
      depth === 0 && !isRequestObject(current[segment])
        ? (equivalentKeys(current, segment, true).find((candidate) => isRequestObject(current[candidate])) ?? segment)
        : segment;
    const next = current[key];
    const copy = isRequestObject(next) ? copyRequestObject(next) : Array.isArray(next) ? arrayToObject(next) : createRequestObject();
    current[key] = copy;
    current = copy;
  }
  const last = path[path.length - 1] as string;
  if (force) {
    for (const key of equivalentKeys(current, last, path.length === 1)) delete current[key];
  }
  current[last] = value;
}

function arrayToObject(list: readonly unknown[]): RequestObject {
  const result = createRequestObject();
  list.forEach((item, index) => {
    result[String(index)] = item;
  });
  return result;
}
