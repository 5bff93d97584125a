import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface DiPreference {
  readonly for: string;
  readonly type: string;
  readonly file: string;
}

/**
 * Reads Magento's etc/di.xml `<preference for="Interface" type="Class"/>` entries: the single source
 * of interface → implementation. A later file's preference replaces an earlier one, as in Magento.
 */
export function readDiXml(files: readonly string[]): readonly DiPreference[] {
  const byFor = new Map<string, DiPreference>();
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${file}: malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'preference',
    }).parse(xml) as { config?: { preference?: Array<Record<string, unknown>> } | string };
    if (doc.config === undefined) throw new Error(`${file}: <config> root element missing`);
    const prefs = typeof doc.config === 'object' ? (doc.config.preference ?? []) : [];
    for (const p of prefs) {
      const forName = typeof p.for === 'string' ? p.for.replace(/^\\/, '') : '';
      const type = typeof p.type === 'string' ? p.type.replace(/^\\/, '') : '';
      if (!forName || !type) throw new Error(`${file}: <preference> needs both "for" and "type" attributes`);
      byFor.set(forName, Object.freeze({ for: forName, type, file }));
    }
  }
  return Object.freeze([...byFor.values()]);
}
