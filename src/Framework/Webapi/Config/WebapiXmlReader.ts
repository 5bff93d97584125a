import { readFileSync } from 'node:fs';
import { AclResourceTree } from '../../Acl/AclResourceTree.ts';
import { ConfigFileException } from '../../Exception/ConfigFileException.ts';
import { ContractIndex } from '../ContractIndex.ts';
import { isArrayType, type ContractRegistry, type MethodDeclaration } from '../ServiceContract.ts';
import { SimpleDataObjectConverter } from '../SimpleDataObjectConverter.ts';
import { XmlConfigParser, type XmlElement } from './XmlConfigParser.ts';
import { HTTP_METHODS, type HttpMethod, type RestRoute, type RouteParameter, type WebapiConfig } from './WebapiConfig.ts';

/** Resources every route may name without an acl.xml entry. */
const BUILT_IN_RESOURCES: ReadonlySet<string> = new Set(['anonymous', 'self']);

/** Magento routes a path to the REST processor only when it starts with `/V<n>` (SynchronousRequestProcessor). */
const ROUTE_URL = /^\/V\d+\//;

/**
 * Reads Magento-format webapi.xml files into one frozen WebapiConfig, validated against the service contracts
 * and the ACL tree: any problem fails boot with the file, the route (url + method) and the reason.
 *
 * Checks: malformed XML, bad or missing url/method, unknown service class or method, unknown ACL resource,
 * `<parameter>` names the method cannot take (Magento only finds these at request time, with a 500), duplicate
 * url+method across all files (Magento would silently merge them; here it is an error, so two modules cannot
 * fight over a route unnoticed).
 */
export class WebapiXmlReader {
  private readonly contracts: ContractIndex;

  constructor(
    contracts: ContractRegistry | ContractIndex,
    private readonly acl: AclResourceTree,
  ) {
    this.contracts = contracts instanceof ContractIndex ? contracts : new ContractIndex(contracts);
  }

  read(files: readonly string[]): WebapiConfig {
    return this.parse(files.map((file) => ({ file, xml: readFileSync(file, 'utf8') })));
  }

  parse(sources: readonly { file: string; xml: string }[]): WebapiConfig {
    const routes: RestRoute[] = [];
    const declared = new Map<string, RestRoute>();
    for (const { file, xml } of sources) {
      const root = XmlConfigParser.parse(xml, file);
      if (root.name !== 'routes') {
        throw new ConfigFileException(file, `<${root.name}>`, 'root element must be <routes>');
      }
      root.children.forEach((element, index) => {
        if (element.name !== 'route') {
          throw new ConfigFileException(file, `<routes> child #${index + 1}`, `unexpected element <${element.name}>`);
        }
        const route = this.readRoute(element, file, index);
        const key = `${route.method} ${route.url}`;
        const previous = declared.get(key);
        if (previous) {
          throw new ConfigFileException(file, routeLabel(route), `duplicate url+method, already declared in ${previous.file}`);
        }
        declared.set(key, route);
        routes.push(route);
      });
    }
    return Object.freeze({ routes: Object.freeze(routes) });
  }

  private readRoute(element: XmlElement, file: string, index: number): RestRoute {
    const url = element.attributes.get('url')?.trim();
    const methodText = element.attributes.get('method');
    const label = `route ${url ? `"${url}"` : `#${index + 1}`} ${methodText ?? ''}`.trimEnd();
    const fail: (reason: string) => never = (reason) => {
      throw new ConfigFileException(file, label, reason);
    };

    if (!url) fail('missing "url" attribute');
    if (!ROUTE_URL.test(url)) fail('url must start with /V<number>/');
    for (const segment of url.split('/')) {
      if (segment.startsWith(':') && !/^:[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) {
        fail(`bad path parameter "${segment}"`);
      }
    }
    if (methodText === undefined) fail('missing "method" attribute');
    if (!HTTP_METHODS.includes(methodText as HttpMethod)) {
      fail(`bad HTTP method "${methodText}" (expected GET, POST, PUT or DELETE)`);
    }
    const method = methodText as HttpMethod;

    const services = XmlConfigParser.childrenNamed(element, 'service');
    if (services.length !== 1) fail(`expected one <service>, found ${services.length}`);
    const [service] = services;
    if (!service) return fail('missing <service>');
    const serviceClass = service.attributes.get('class');
    const serviceMethod = service.attributes.get('method');
    if (!serviceClass) fail('<service> has no "class" attribute');
    if (!serviceMethod) fail('<service> has no "method" attribute');
    if (!this.contracts.getService(serviceClass)) fail(`unknown service class "${serviceClass}"`);
    const declaration = this.contracts.getMethod(serviceClass, serviceMethod);
    if (!declaration) fail(`unknown method "${serviceMethod}" of service class "${serviceClass}"`);

    const resources: string[] = [];
    for (const group of XmlConfigParser.childrenNamed(element, 'resources')) {
      for (const resource of XmlConfigParser.childrenNamed(group, 'resource')) {
        const ref = resource.attributes.get('ref');
        if (!ref) fail('<resource> has no "ref" attribute');
        if (!BUILT_IN_RESOURCES.has(ref) && !this.acl.has(ref)) {
          fail(`unknown ACL resource "${ref}"`);
        }
        if (!resources.includes(ref)) resources.push(ref);
      }
    }
    if (resources.length === 0) fail('no <resources><resource ref=…/></resources>');

    const secureText = element.attributes.get('secure');
    if (secureText !== undefined && parseBoolean(secureText) === undefined) fail(`secure "${secureText}" is not a boolean`);

    const parameters: RouteParameter[] = [];
    for (const data of XmlConfigParser.childrenNamed(element, 'data')) {
      for (const parameter of XmlConfigParser.childrenNamed(data, 'parameter')) {
        parameters.push(this.readParameter(parameter, declaration, parameters, fail));
      }
    }

    return Object.freeze({
      url,
      method,
      serviceClass,
      serviceMethod,
      resources: Object.freeze(resources),
      secure: secureText !== undefined && parseBoolean(secureText) === true,
      parameters: Object.freeze(parameters),
      file,
    });
  }

  private readParameter(
    element: XmlElement,
    declaration: MethodDeclaration,
    previous: readonly RouteParameter[],
    fail: (reason: string) => never,
  ): RouteParameter {
    const name = element.attributes.get('name');
    if (!name) return fail('<parameter> has no "name" attribute');
    if (previous.some((parameter) => parameter.name === name)) fail(`duplicate <parameter name="${name}">`);
    const path = name.split('.');
    this.assertParameterPath(path, declaration, (reason) => fail(`<parameter name="${name}">: ${reason}`));
    const forceText = element.attributes.get('force');
    // Magento casts the attribute with PHP (bool), so force="false" would force; only xs:boolean literals are
    // accepted here, with their plain meaning.
    const force = forceText === undefined ? false : parseBoolean(forceText);
    if (force === undefined) fail(`<parameter name="${name}">: force "${forceText}" is not a boolean`);
    const text = element.text.trim();
    return Object.freeze({ name, path: Object.freeze(path), force: force === true, value: text === 'null' ? null : text });
  }

  /**
   * Magento's InputParamsResolver::validateParameters, moved to boot: the first segment names a method
   * parameter (camelCase, or its snake_case form), every further segment a field of the data interface reached.
   */
  private assertParameterPath(path: readonly string[], declaration: MethodDeclaration, fail: (reason: string) => never): void {
    const [first, ...rest] = path;
    if (first === undefined || path.some((segment) => segment === '' || segment === '__proto__')) fail('empty or reserved name segment');
    const parameter = declaration.parameters.find(
      (candidate) => candidate.name === first || candidate.name === SimpleDataObjectConverter.snakeCaseToCamelCase(first),
    );
    if (!parameter) return fail(`the service method has no parameter "${first}"`);
    let type = parameter.type;
    for (const segment of rest) {
      if (isArrayType(type) || !this.contracts.getDataType(type)) fail(`"${segment}" cannot be set on type "${type}"`);
      const field = this.contracts.findField(type, segment);
      if (!field) return fail(`data interface "${type}" has no field "${segment}"`);
      type = field.type;
    }
  }
}

function parseBoolean(text: string): boolean | undefined {
  const value = text.trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

function routeLabel(route: RestRoute): string {
  return `route "${route.url}" ${route.method}`;
}
