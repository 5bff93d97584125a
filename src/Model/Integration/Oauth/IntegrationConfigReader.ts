import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigFileException } from '../../../Framework/Exception/ConfigFileException.ts';
import { XmlConfigParser, type XmlElement } from '../../../Framework/Webapi/Config/XmlConfigParser.ts';

/** One integration declared by a module: `etc/integration/config.xml` merged with `etc/integration/api.xml`. */
export interface DeclaredIntegration {
  readonly name: string;
  readonly email: string;
  readonly endpointUrl: string | null;
  readonly identityLinkUrl: string | null;
  /** Every `<resource name>` of api.xml, nested ones included, in document order. */
  readonly resources: readonly string[];
}

/**
 * Magento's `Config\Consolidated`/`Config\Integration` readers: `<integration name="…">` elements anywhere in
 * config.xml (`<email>`, `<endpoint_url>`, `<identity_link_url>`) and api.xml (`<resources><resource name/>…`,
 * nested resources flattened, as Magento's api.xml converter does). Missing files declare nothing; a bad file
 * stops with the file, the element and the reason.
 */
export function readIntegrationConfig(etcDir: string): ReadonlyMap<string, DeclaredIntegration> {
  const configFile = join(etcDir, 'integration', 'config.xml');
  const apiFile = join(etcDir, 'integration', 'api.xml');
  const declared = new Map<string, { email: string | null; endpointUrl: string | null; identityLinkUrl: string | null; resources: string[] }>();
  const entry = (name: string) => {
    let found = declared.get(name);
    if (!found) declared.set(name, (found = { email: null, endpointUrl: null, identityLinkUrl: null, resources: [] }));
    return found;
  };
  if (existsSync(configFile)) {
    for (const integration of integrations(XmlConfigParser.parse(readFileSync(configFile, 'utf8'), configFile), configFile)) {
      const target = entry(integration.name);
      target.email = childText(integration.element, 'email') ?? target.email;
      target.endpointUrl = childText(integration.element, 'endpoint_url') ?? target.endpointUrl;
      target.identityLinkUrl = childText(integration.element, 'identity_link_url') ?? target.identityLinkUrl;
    }
  }
  if (existsSync(apiFile)) {
    for (const integration of integrations(XmlConfigParser.parse(readFileSync(apiFile, 'utf8'), apiFile), apiFile)) {
      const target = entry(integration.name);
      for (const resource of descendants(integration.element, 'resource')) {
        const id = resource.attributes.get('name');
        if (!id) throw new ConfigFileException(apiFile, `integration "${integration.name}" resource`, 'missing "name" attribute');
        if (!target.resources.includes(id)) target.resources.push(id);
      }
    }
  }
  const out = new Map<string, DeclaredIntegration>();
  for (const [name, value] of declared) {
    if (!value.email) throw new ConfigFileException(configFile, `integration "${name}"`, 'missing <email>');
    out.set(name, Object.freeze({ name, email: value.email, endpointUrl: value.endpointUrl, identityLinkUrl: value.identityLinkUrl, resources: Object.freeze(value.resources) }));
  }
  return out;
}

function integrations(root: XmlElement, file: string): { name: string; element: XmlElement }[] {
  return descendants(root, 'integration').map((element) => {
    const name = element.attributes.get('name')?.trim();
    if (!name) throw new ConfigFileException(file, 'integration', 'missing "name" attribute');
    return { name, element };
  });
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) out.push(child);
    out.push(...descendants(child, name));
  }
  return out;
}

function childText(element: XmlElement, name: string): string | null {
  const child = element.children.find((c) => c.name === name);
  const text = child?.text.trim();
  return text ? text : null;
}
