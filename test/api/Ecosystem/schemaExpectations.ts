import type { XmlRoute } from './webapiXmlRoutes.ts';

/** The security requirement a route's description must carry: none for anonymous, a customer token for `self`. */
export function expectedSecurity(route: XmlRoute): Record<string, string[]>[] {
  if (route.resources.every((r) => r === 'anonymous')) return [];
  if (route.resources.some((r) => r !== 'anonymous' && r !== 'self')) return [{ adminToken: [] }];
  return [{ customerToken: [] }];
}

/** Every `$ref` in a document, wherever it is. */
export function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsOf(child, found);
    }
  }
  return found;
}
