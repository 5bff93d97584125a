import type { HttpVerb, OpenApiDocument } from './OpenApiDocument.ts';

const VERBS: readonly HttpVerb[] = ['get', 'post', 'put', 'delete'];

/**
 * A Markdown table of every route in an API description — method, webapi.xml url, ACL resources, service — in
 * document order (webapi.xml order, methods of one path together). Built from the description rather than
 * from webapi.xml directly, so docs/routes.md shows exactly what `/rest/<store>/schema` publishes.
 */
export function renderRoutesTable(document: OpenApiDocument): string {
  const rows = ['| Method | URL | Resources | Service |', '|---|---|---|---|'];
  for (const item of Object.values(document.paths)) {
    for (const verb of VERBS) {
      const operation = item[verb];
      if (!operation) continue;
      const resources = operation['x-acl-resources'].map((resource) => `\`${resource}\``).join(', ');
      rows.push(`| ${verb.toUpperCase()} | \`${operation['x-webapi-url']}\` | ${resources} | \`${operation['x-service']}\` |`);
    }
  }
  return `${rows.join('\n')}\n`;
}
