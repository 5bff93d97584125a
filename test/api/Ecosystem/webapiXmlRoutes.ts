/**
 * etc/webapi.xml read with a plain XML parser, independently of the service's WebapiXmlReader, so the tests
 * that check the API description against it do not share the code under test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export interface XmlRoute {
  readonly url: string;
  readonly method: string;
  readonly serviceClass: string;
  readonly serviceMethod: string;
  readonly resources: readonly string[];
  /** `<parameter force="true">` names. */
  readonly forced: readonly string[];
}

export const WEBAPI_XML = fileURLToPath(new URL('../../../etc/webapi.xml', import.meta.url));

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);

export function readWebapiXmlIndependently(file: string = WEBAPI_XML): XmlRoute[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['route', 'resource', 'parameter'].includes(name) });
  const root = parser.parse(readFileSync(file, 'utf8')) as { routes: { route?: Node[] } };
  return (root.routes.route ?? []).map((route) => {
    const service = route.service as Node;
    const resources = list((route.resources as Node | undefined)?.resource).map((resource) => String(resource['@ref']));
    const forced = list((route.data as Node | undefined)?.parameter)
      .filter((parameter) => parameter['@force'] === 'true')
      .map((parameter) => String(parameter['@name']));
    return {
      url: String(route['@url']).trim(),
      method: String(route['@method']),
      serviceClass: String(service['@class']),
      serviceMethod: String(service['@method']),
      resources,
      forced,
    };
  });
}
