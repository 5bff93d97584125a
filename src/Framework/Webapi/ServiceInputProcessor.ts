import { InputException } from '../Exception/InputException.ts';
import { LocalizedException } from '../Exception/LocalizedException.ts';
import { SerializationException } from '../Exception/SerializationException.ts';
import { WebapiException } from '../Exception/WebapiException.ts';
import { Phrase, __ } from '../Exception/Phrase.ts';
import type { ContractIndex } from './ContractIndex.ts';
import { createRequestObject, isRequestObject, isSet, type RequestObject } from './RequestObject.ts';
import { PhpValue } from './PhpValue.ts';
import { isArrayType, itemType, type MethodDeclaration, type TypeRef } from './ServiceContract.ts';
import { SimpleDataObjectConverter } from './SimpleDataObjectConverter.ts';
import { invalidType, TypeProcessor } from './TypeProcessor.ts';

/**
 * Magento 2.4.7's web API input limits (`webapi/validation/*`, on by default): a SearchCriteria without a page size
 * gets 20 (`DefaultPageSizeSetter`), and a larger page size than 300 is refused by `SearchCriteriaValidator` with
 * the LocalizedException `Maximum SearchCriteria pageSize is %max` (400).
 */
const SEARCH_CRITERIA_INTERFACE = 'Magento\\Framework\\Api\\SearchCriteriaInterface';
const SORT_ORDER = 'Magento\\Framework\\Api\\SortOrder';
const FILTER_GROUP = 'Magento\\Framework\\Api\\Search\\FilterGroup';
const SORT_ASC = 'ASC';
const SORT_DESC = 'DESC';
/** `SortOrder::validateField`: only letters, digits and underscores name a sort field. */
const SORT_FIELD = /^[a-z0-9_]*$/i;
export const DEFAULT_PAGE_SIZE = 20;
export const MAXIMUM_PAGE_SIZE = 300;

/**
 * Magento's `Magento\Framework\Webapi\ServiceInputProcessor`: request data → the method's positional arguments.
 *
 * - A parameter is found under its camelCase name or its snake_case form; null counts as absent (PHP `isset`).
 * - Absent required parameters are collected into one InputException (`"%fieldName" is required. Enter and try
 *   again.`); an absent optional one is passed as `undefined`, so the implementation's default applies.
 * - A wrong-typed value is a 400 whose message is Magento's rendered text; inside data objects it is prefixed
 *   with `Error occurred during "<key>" processing.` as Magento does (top-level values get no field name in
 *   Magento either, and clients match on that exact text).
 * - Data objects bind from snake_case or camelCase keys (both become the same UpperCamelCase property, as
 *   Magento looks up getters) into plain objects with the declared snake_case keys. An unknown key is a 400
 *   with NameFinder's text (`Property "X" does not have accessor method "getX" in class "…".`), where Magento
 *   before 2.4.7 answered 500.
 */
export class ServiceInputProcessor {
  constructor(private readonly contracts: ContractIndex) {}

  process(method: MethodDeclaration, input: RequestObject): unknown[] {
    const args: unknown[] = [];
    const missing: Phrase[] = [];
    for (const parameter of method.parameters) {
      const snakeName = SimpleDataObjectConverter.parameterNameToSnakeCase(parameter.name);
      const key = isSet(input, parameter.name) ? parameter.name : isSet(input, snakeName) ? snakeName : undefined;
      if (key !== undefined) {
        try {
          args.push(this.convertValue(input[key], parameter.type));
        } catch (error) {
          if (error instanceof SerializationException) {
            throw new WebapiException(new Phrase(error.message), WebapiException.HTTP_BAD_REQUEST, { cause: error });
          }
          throw error;
        }
      } else if (parameter.required) {
        missing.push(__(InputException.REQUIRED_FIELD, { fieldName: parameter.name }));
      } else {
        args.push(undefined);
      }
    }
    if (missing.length > 0) throw InputException.fromErrors(missing);
    return args;
  }

  convertValue(value: unknown, type: TypeRef): unknown {
    if (!this.contracts.isDataType(type)) return TypeProcessor.processSimpleAndAnyType(value, type);
    if (!isArrayType(type)) return this.createFromArray(type, value);
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) && !isRequestObject(value)) throw invalidType(PhpValue.gettype(value), type);
    const items = Array.isArray(value) ? value : Object.values(value);
    // `_createFromArray` builds from `is_array($data) ? $data : []`: a scalar or null item is an empty object. That is
    // what the map spelling `searchCriteria[sort_orders][email]=ASC` gives — a sort order without a field, which
    // Magento's SortingProcessor skips (the request is answered, unsorted); an `addresses: [null]` item is an empty
    // address, which the address validation refuses. No service ever sees a null inside a list of data objects.
    return items.map((item: unknown) =>
      this.createFromArray(itemType(type), item !== null && typeof item === 'object' ? item : createRequestObject()),
    );
  }

  private createFromArray(typeName: string, data: unknown): Record<string, unknown> | null {
    if (data === null || data === undefined) return null;
    if (!isRequestObject(data) && !Array.isArray(data)) {
      // Magento would build an empty object from a scalar; a clear 400 is kinder to the caller.
      throw invalidType(PhpValue.gettype(data), typeName);
    }
    const result: Record<string, unknown> = {};
    const entries: [string, unknown][] = Array.isArray(data)
      ? data.map((item: unknown, index): [string, unknown] => [String(index), item])
      : Object.keys(data).map((key): [string, unknown] => [key, data[key]]);
    for (const [key, value] of entries) {
      const field = this.contracts.findField(typeName, key);
      if (!field) {
        const property = SimpleDataObjectConverter.snakeCaseToUpperCamelCase(key);
        throw new WebapiException(
          new Phrase(`Property "${property}" does not have accessor method "get${property}" in class "${typeName}".`),
        );
      }
      try {
        result[field.name] = this.convertValue(value, field.type);
      } catch (error) {
        if (error instanceof SerializationException) {
          throw new SerializationException(
            __('Error occurred during "%field_name" processing. %details', { field_name: key, details: error.message }),
            { cause: error },
          );
        }
        throw error;
      }
    }
    if (typeName === SORT_ORDER) validateSortOrder(result);
    // The getters answer `[]` for none (SearchCriteria::getFilterGroups, FilterGroup::getFilters).
    if (typeName === SEARCH_CRITERIA_INTERFACE && this.contracts.findField(typeName, 'filter_groups')) result['filter_groups'] ??= [];
    if (typeName === FILTER_GROUP && this.contracts.findField(typeName, 'filters')) result['filters'] ??= [];
    if (typeName === SEARCH_CRITERIA_INTERFACE && this.contracts.findField(typeName, 'page_size')) {
      const pageSize = result['page_size'];
      if (pageSize === undefined || pageSize === null) result['page_size'] = DEFAULT_PAGE_SIZE;
      else if (typeof pageSize === 'number' && pageSize > MAXIMUM_PAGE_SIZE) {
        throw new LocalizedException(__('Maximum SearchCriteria pageSize is %max', { max: MAXIMUM_PAGE_SIZE }));
      }
    }
    return result;
  }
}

/**
 * `Magento\Framework\Api\SortOrder`'s setters: the direction is upper-cased and must then be ASC or DESC, the field
 * may hold only letters, digits and underscores (InputException, 400).
 */
function validateSortOrder(sortOrder: Record<string, unknown>): void {
  const direction = sortOrder['direction'];
  if (direction !== undefined && direction !== null) {
    const normalized = String(direction).toUpperCase();
    if (normalized !== SORT_ASC && normalized !== SORT_DESC) {
      throw new InputException(
        __('The sort order has to be specified as %1 for ascending order or %2 for descending order.', [SORT_ASC, SORT_DESC]),
      );
    }
    sortOrder['direction'] = normalized;
  }
  const field = sortOrder['field'];
  if (typeof field === 'string' && !SORT_FIELD.test(field)) {
    throw new InputException(__('Sort order field %1 contains restricted symbols', [field]));
  }
}
