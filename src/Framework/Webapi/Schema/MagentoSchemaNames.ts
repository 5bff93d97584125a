/**
 * The names Magento's REST schema uses, reproduced so that a description generated here lines up with one from
 * a real Magento (`GET /rest/all/schema`): tags are Magento's service names, operation ids are
 * `<service name><Method><HttpVerb>`, and component schemas are named like Magento's Swagger definitions.
 */
export const MagentoSchemaNames = {
  /**
   * `Magento\Webapi\Model\ServiceMetadata::getServiceName`:
   * `Magento\Customer\Api\CustomerRepositoryInterface` + `V1` → `customerCustomerRepositoryV1`. The vendor is left
   * out when it is `Magento`; the module name is left out when the interface name starts with it.
   */
  serviceName(className: string, version: string): string {
    const match = /^(.+?)\\(.+?)\\Api\\(.+?)(Interface)?$/.exec(className);
    if (!match) return lcfirst(className.split('\\').join('')) + version;
    const vendor = match[1] === 'Magento' ? '' : (match[1] as string);
    const parts = (match[3] as string).split('\\').filter((part) => part !== '');
    const moduleName = match[2] === parts[0] ? '' : (match[2] as string);
    const first = parts.shift() ?? '';
    return lcfirst([vendor + moduleName + first, ...parts].join('')) + version;
  },

  /**
   * `TypeProcessor::translateTypeName` then `Generator::toLowerCaseDashSeparated`:
   * `Magento\Customer\Api\Data\CustomerInterface` → `customer-data-customer-interface`,
   * `Magento\Framework\Api\SearchCriteriaInterface` → `framework-search-criteria-interface`.
   */
  definitionName(typeName: string): string {
    const match = /^\\?(.*)\\(.*)\\(?:Service|Api)\\(?:\2)?(.*)$/.exec(typeName);
    const translated = match
      ? ucfirst((match[1] === 'Magento' ? '' : (match[1] as string)) + (match[2] as string) + (match[3] as string).split('\\').join(''))
      : typeName.split('\\').join('');
    return translated.replace(/(.)([A-Z])/g, '$1-$2').toLowerCase();
  },

  /** `TypeProcessor::getOperationName` plus the HTTP verb, as Magento's Swagger generator builds `operationId`. */
  operationId(serviceName: string, methodName: string, httpMethod: string): string {
    return serviceName + ucfirst(methodName) + ucfirst(httpMethod.toLowerCase());
  },

  /** `/V1/customers/:customerId` → `/V1/customers/{customerId}` (Generator::convertPathParams). */
  openApiPath(url: string): string {
    return url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
      .join('/');
  },
} as const;

function lcfirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function ucfirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
