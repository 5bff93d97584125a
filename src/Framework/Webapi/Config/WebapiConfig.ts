/** The HTTP methods a webapi.xml route may declare (Magento's `Magento\Webapi\Model\Rest\Config`). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze(['GET', 'POST', 'PUT', 'DELETE']);

/** One `<data><parameter name force>value</parameter>` of a route. */
export interface RouteParameter {
  /** As declared, possibly dotted (`customer.id`). */
  readonly name: string;
  /** `name` split on dots. */
  readonly path: readonly string[];
  readonly force: boolean;
  /** The element's text; a literal `null` text becomes null, as in Magento's converter. */
  readonly value: string | null;
}

/** One `<route>` of webapi.xml, validated against the contracts and the ACL tree. */
export interface RestRoute {
  /** As declared, trimmed (`/V1/customers/:customerId`). */
  readonly url: string;
  readonly method: HttpMethod;
  readonly serviceClass: string;
  readonly serviceMethod: string;
  /** `anonymous`, `self` or ACL ids; every one must pass. */
  readonly resources: readonly string[];
  /** `secure="true"`: Magento answers 400 `Operation allowed only in HTTPS` over plain HTTP. */
  readonly secure: boolean;
  readonly parameters: readonly RouteParameter[];
  /** The webapi.xml that declared the route, for error messages. */
  readonly file: string;
}

/** Every route of every webapi.xml, frozen at boot. */
export interface WebapiConfig {
  readonly routes: readonly RestRoute[];
}
