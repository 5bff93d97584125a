import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConfigFileException } from '../../Exception/ConfigFileException.ts';

/** One element of a declarative XML file, attributes and children in document order. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Concatenated direct text content, untrimmed (Magento reads `nodeValue`). */
  readonly text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  allowBooleanAttributes: false,
});

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';

/**
 * Parses Magento-format declarative XML files into plain element trees, failing with the file and the parser's
 * line/column for malformed XML. Comments, the XML declaration and processing instructions are dropped.
 */
export const XmlConfigParser = {
  parse(xml: string, file: string): XmlElement {
    return parseDocument(xml, file);
  },

  /** Direct children with the given tag name. */
  childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((child) => child.name === name);
  },
} as const;

function parseDocument(xml: string, file: string): XmlElement {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const where = line ? ` (line ${line}${col ? `, column ${col}` : ''})` : '';
    throw new ConfigFileException(file, 'document', `malformed XML: ${msg}${where}`);
  }
  const nodes: unknown = parser.parse(xml);
  const roots = toElements(nodes);
  if (roots.length !== 1) {
    throw new ConfigFileException(file, 'document', `malformed XML: expected one root element, found ${roots.length}`);
  }
  return roots[0] as XmlElement;
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (node === null || typeof node !== 'object') continue;
    const element = toElement(node as Record<string, unknown>);
    if (element) elements.push(element);
  }
  return elements;
}

function toElement(node: Record<string, unknown>): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES_KEY && key !== TEXT_KEY);
  if (name === undefined || name.startsWith('?') || name.startsWith('!')) return undefined;
  const attributes = new Map<string, string>();
  const rawAttributes = node[ATTRIBUTES_KEY];
  if (rawAttributes !== null && typeof rawAttributes === 'object') {
    for (const [key, value] of Object.entries(rawAttributes)) attributes.set(key, String(value));
  }
  const content = node[name];
  let text = '';
  if (Array.isArray(content)) {
    for (const child of content) {
      if (child !== null && typeof child === 'object' && Object.hasOwn(child, TEXT_KEY)) {
        text += String((child as Record<string, unknown>)[TEXT_KEY]);
      }
    }
  }
  return Object.freeze({
    name,
    attributes,
    children: Object.freeze(toElements(content)),
    text,
  });
}
