import { readFileSync } from 'node:fs';
import { ConfigFileException } from '../Exception/ConfigFileException.ts';
import { XmlConfigParser, type XmlElement } from '../Webapi/Config/XmlConfigParser.ts';
import { AclResourceTree, type AclResource } from './AclResourceTree.ts';

/** Magento's acl.xsd id pattern: `Vendor_Module::name`. */
const RESOURCE_ID = /^[A-Z]+[a-zA-Z0-9]+_[A-Z]+[A-Z0-9a-z]+::[A-Za-z_0-9]+$/;

interface MutableResource {
  id: string;
  title: string | null;
  sortOrder: number;
  disabled: boolean;
  order: number;
  file: string;
  children: Map<string, MutableResource>;
}

/**
 * Reads Magento-format acl.xml files (`<config><acl><resources><resource id title sortOrder>` nested) into
 * one frozen AclResourceTree. Several files merge the way Magento's config merging does: a resource with the
 * same id under the same parent is one resource (later attributes win, children are added), which is how a
 * module adds its resources under `Magento_Backend::admin` › `Magento_Customer::customer`. `disabled="true"`
 * removes a resource.
 */
export class AclXmlReader {
  read(files: readonly string[]): AclResourceTree {
    return this.parse(files.map((file) => ({ file, xml: readFileSync(file, 'utf8') })));
  }

  parse(sources: readonly { file: string; xml: string }[]): AclResourceTree {
    const roots = new Map<string, MutableResource>();
    const seenUnder = new Map<string, { parent: string | null; file: string }>();
    let order = 0;

    const merge = (element: XmlElement, into: Map<string, MutableResource>, parent: string | null, file: string) => {
      const id = element.attributes.get('id');
      if (id === undefined || id === '') {
        throw new ConfigFileException(file, `resource under ${parent ?? '<resources>'}`, 'missing "id" attribute');
      }
      const label = `resource "${id}"`;
      if (!RESOURCE_ID.test(id)) {
        throw new ConfigFileException(file, label, 'id must look like Vendor_Module::name');
      }
      const placed = seenUnder.get(id);
      if (placed && placed.parent !== parent) {
        throw new ConfigFileException(
          file,
          label,
          `declared under ${parent ?? 'the top level'} but ${placed.file} declares it under ${placed.parent ?? 'the top level'}`,
        );
      }
      seenUnder.set(id, { parent, file });
      const sortOrderText = element.attributes.get('sortOrder');
      if (sortOrderText !== undefined && !/^-?\d+$/.test(sortOrderText.trim())) {
        throw new ConfigFileException(file, label, `sortOrder "${sortOrderText}" is not an integer`);
      }
      const disabledText = element.attributes.get('disabled');
      if (disabledText !== undefined && !['true', 'false', '1', '0'].includes(disabledText)) {
        throw new ConfigFileException(file, label, `disabled "${disabledText}" is not a boolean`);
      }
      let resource = into.get(id);
      if (!resource) {
        resource = { id, title: null, sortOrder: 0, disabled: false, order: order++, file, children: new Map() };
        into.set(id, resource);
      }
      const title = element.attributes.get('title');
      if (title !== undefined) resource.title = title;
      if (sortOrderText !== undefined) resource.sortOrder = Number(sortOrderText.trim());
      if (disabledText !== undefined) resource.disabled = disabledText === 'true' || disabledText === '1';
      for (const child of element.children) {
        if (child.name !== 'resource') {
          throw new ConfigFileException(file, label, `unexpected element <${child.name}>`);
        }
        merge(child, resource.children, id, file);
      }
    };

    for (const { file, xml } of sources) {
      const root = XmlConfigParser.parse(xml, file);
      if (root.name !== 'config') {
        throw new ConfigFileException(file, `<${root.name}>`, 'root element must be <config>');
      }
      for (const acl of XmlConfigParser.childrenNamed(root, 'acl')) {
        for (const resources of XmlConfigParser.childrenNamed(acl, 'resources')) {
          for (const child of resources.children) {
            if (child.name !== 'resource') {
              throw new ConfigFileException(file, '<resources>', `unexpected element <${child.name}>`);
            }
            merge(child, roots, null, file);
          }
        }
      }
    }
    return new AclResourceTree(freeze(roots));
  }
}

function freeze(resources: Map<string, MutableResource>): readonly AclResource[] {
  const sorted = [...resources.values()]
    .filter((resource) => !resource.disabled)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.order - b.order);
  return Object.freeze(
    sorted.map((resource) =>
      Object.freeze({
        id: resource.id,
        title: resource.title,
        sortOrder: resource.sortOrder,
        children: freeze(resource.children),
      }),
    ),
  );
}
