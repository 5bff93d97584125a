/**
 * The one place where Web API names change case, reproducing Magento's
 * `Magento\Framework\Api\SimpleDataObjectConverter` (and the parameter-name rule of `ServiceInputProcessor`).
 * Input binding and output rendering both use these functions, nothing else converts casing.
 */
export const SimpleDataObjectConverter = {
  /** `customer_id` → `CustomerId`; `customerId` → `CustomerId` (PHP `ucwords($name, '_')` minus underscores). */
  snakeCaseToUpperCamelCase(name: string): string {
    return name
      .split('_')
      .map((word) => (word === '' ? '' : word.charAt(0).toUpperCase() + word.slice(1)))
      .join('');
  },

  /** `customer_id` → `customerId` (PHP `lcfirst` of the above). */
  snakeCaseToCamelCase(name: string): string {
    const upper = SimpleDataObjectConverter.snakeCaseToUpperCamelCase(name);
    return upper.charAt(0).toLowerCase() + upper.slice(1);
  },

  /** `customerId` → `customer_id`: an underscore before every capital that follows any character. */
  camelCaseToSnakeCase(name: string): string {
    return name.replace(/(.)([A-Z])/g, '$1_$2').toLowerCase();
  },

  /**
   * The snake_case alias under which `ServiceInputProcessor::process` also accepts a method parameter: an
   * underscore before every capital preceded by a word character.
   */
  parameterNameToSnakeCase(name: string): string {
    return name.replace(/(?<=\w)(?=[A-Z])/g, '_').toLowerCase();
  },
} as const;
