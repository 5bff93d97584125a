import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads Magento's etc/config.xml: `<config><default><section><group><field>value</field>…` into a
 * frozen map of `section/group/field` → value (the defaults under core_config_data).
 */
export function readConfigXml(files: readonly string[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw new Error(`${file}: malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
    }
    const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(xml) as Record<string, unknown>;
    const config = doc.config;
    if (!config || typeof config !== 'object') throw new Error(`${file}: <config> root element missing`);
    const defaults = (config as Record<string, unknown>).default;
    if (defaults === undefined || defaults === '') continue;
    if (typeof defaults !== 'object' || defaults === null) throw new Error(`${file}: <default> must hold sections`);
    flatten(file, defaults as Record<string, unknown>, [], out);
  }
  return out;
}

function flatten(file: string, node: Record<string, unknown>, path: string[], out: Map<string, string>): void {
  for (const [key, value] of Object.entries(node)) {
    const p = [...path, key];
    if (Array.isArray(value)) throw new Error(`${file}: <${p.join('/')}> appears twice`);
    if (value !== null && typeof value === 'object') {
      flatten(file, value as Record<string, unknown>, p, out);
    } else {
      if (p.length !== 3) throw new Error(`${file}: <${p.join('/')}> must be section/group/field`);
      out.set(p.join('/'), value === null || value === undefined ? '' : String(value));
    }
  }
}
