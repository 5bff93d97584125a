import type { ContractIndex } from './ContractIndex.ts';
import { PhpValue } from './PhpValue.ts';
import { isArrayType, itemType, type TypeRef } from './ServiceContract.ts';
import { SimpleDataObjectConverter } from './SimpleDataObjectConverter.ts';
import { TypeProcessor } from './TypeProcessor.ts';

/**
 * Magento's `ServiceOutputProcessor` + `DataObjectProcessor::buildOutputDataArray`: a service result → the JSON
 * value of the response.
 *
 * - `null`/`undefined`, and every `void` method, render as `[]` (Magento turns null into an empty PHP array);
 * - a scalar result is passed through (`"eyJ…"`, `true`, `42`);
 * - a list renders its values in order (PHP re-indexes), data-object items converted;
 * - a data object renders its declared fields with snake_case keys; null fields are left out unless declared
 *   required; scalar fields are cast to the declared type (Magento's TypeCaster: `"5"` for an `int` field is
 *   `5`); a data object with no field left renders as `[]`, as an empty PHP array does.
 *
 * A service may return data objects with snake_case keys (the contract) or camelCase ones; reading a field falls
 * back to its camelCase name. This is the one output place where casing is looked at.
 */
export class ServiceOutputProcessor {
  constructor(private readonly contracts: ContractIndex) {}

  process(value: unknown, returnType: TypeRef): unknown {
    if (value === null || value === undefined || returnType === 'void') return [];
    if (isArrayType(returnType) || Array.isArray(value)) {
      return listValues(value).map((item) => this.convertItem(item, itemType(returnType)));
    }
    if (this.contracts.isDataType(returnType) && isObject(value)) return this.buildOutputDataArray(value, returnType);
    return value;
  }

  private convertItem(item: unknown, type: TypeRef): unknown {
    if (this.contracts.isDataType(type) && isObject(item)) return this.buildOutputDataArray(item, type);
    return item;
  }

  private buildOutputDataArray(object: object, typeName: string): Record<string, unknown> | unknown[] {
    const declaration = this.contracts.getDataType(typeName);
    if (!declaration) return {};
    const output: Record<string, unknown> = {};
    for (const field of declaration.fields) {
      const value = readField(object, field.name);
      if (value === null || value === undefined) {
        if (field.required) output[field.name] = null;
        continue;
      }
      output[field.name] = this.convertField(value, field.type);
    }
    return Object.keys(output).length === 0 ? [] : output;
  }

  private convertField(value: unknown, type: TypeRef): unknown {
    if (isArrayType(type)) {
      return listValues(value).map((item) => (isObject(item) ? this.convertItem(item, itemType(type)) : castScalar(item, itemType(type))));
    }
    if (this.contracts.isDataType(type)) return isObject(value) ? this.buildOutputDataArray(value, type) : value;
    return castScalar(value, type);
  }
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.values(value);
  return [value];
}

/** Own property, or an accessor from a class prototype — never something inherited from Object.prototype. */
function readField(object: object, snakeName: string): unknown {
  for (const key of [snakeName, SimpleDataObjectConverter.snakeCaseToCamelCase(snakeName)]) {
    if (Object.hasOwn(object, key) || (key in object && !(key in Object.prototype))) {
      return (object as Record<string, unknown>)[key];
    }
  }
  return undefined;
}

/** Magento's TypeCaster: PHP casts to the getter's declared scalar type. */
function castScalar(value: unknown, type: TypeRef): unknown {
  if (value === null || value === undefined || typeof value === 'object') return value;
  switch (type) {
    case 'int':
      return phpIntCast(value);
    case 'float':
      return typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : parseLeadingNumber(PhpValue.stringCast(value));
    case 'string':
      return PhpValue.stringCast(value);
    case 'bool':
      return !(value === false || value === 0 || value === '' || value === '0');
    default:
      return value;
  }
}

function phpIntCast(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) + 0 : 0;
  const number = parseLeadingNumber(PhpValue.stringCast(value));
  return Number.isFinite(number) ? Math.trunc(number) + 0 : 0;
}

/** PHP's numeric-prefix reading of a string (`"12abc"` → 12, `"abc"` → 0). */
function parseLeadingNumber(text: string): number {
  if (TypeProcessor.isNumeric(text)) return Number(text.trim());
  const match = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text);
  return match ? Number(match[0].trim()) : 0;
}
