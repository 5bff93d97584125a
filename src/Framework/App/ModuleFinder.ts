import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigFileException } from '../Exception/ConfigFileException.ts';
import { XmlConfigParser } from '../Webapi/Config/XmlConfigParser.ts';

/** A Magento-layout module found on disk: `<dir>/etc/*.xml`. */
export interface ModuleLocation {
  /** `Vendor_Module`: from etc/module.xml when present, else the folder names. */
  readonly name: string;
  readonly dir: string;
}

/**
 * Finds Magento-layout modules under the given folders (MAGENTO_MODULES): a folder is either one module (it holds
 * `etc/`) or a code pool like Magento's `app/code` (it holds `<Vendor>/<Module>/etc/`). A folder holding neither,
 * or a module found twice, stops boot naming the folder.
 */
export function findModules(dirs: readonly string[]): ModuleLocation[] {
  const found: ModuleLocation[] = [];
  const byName = new Map<string, string>();
  for (const given of dirs) {
    const dir = resolve(given);
    if (!isDirectory(dir)) throw new ConfigFileException(dir, 'MAGENTO_MODULES', 'is not a folder');
    const modules = isDirectory(join(dir, 'etc')) ? [dir] : codePoolModules(dir);
    if (modules.length === 0) {
      throw new ConfigFileException(dir, 'MAGENTO_MODULES', 'holds no module (expected etc/ or <Vendor>/<Module>/etc/ inside)');
    }
    for (const moduleDir of modules) {
      const name = moduleName(moduleDir);
      const previous = byName.get(name);
      if (previous !== undefined) {
        throw new ConfigFileException(moduleDir, `module ${name}`, `already mounted from ${previous}`);
      }
      byName.set(name, moduleDir);
      found.push(Object.freeze({ name, dir: moduleDir }));
    }
  }
  return found;
}

function codePoolModules(dir: string): string[] {
  const modules: string[] = [];
  for (const vendor of sortedEntries(dir)) {
    const vendorDir = join(dir, vendor);
    if (!isDirectory(vendorDir)) continue;
    for (const module of sortedEntries(vendorDir)) {
      const moduleDir = join(vendorDir, module);
      if (isDirectory(join(moduleDir, 'etc'))) modules.push(moduleDir);
    }
  }
  return modules;
}

function moduleName(dir: string): string {
  const moduleXml = join(dir, 'etc', 'module.xml');
  if (existsSync(moduleXml)) {
    const root = XmlConfigParser.parse(readFileSync(moduleXml, 'utf8'), moduleXml);
    const name = XmlConfigParser.childrenNamed(root, 'module')[0]?.attributes.get('name');
    if (!name) throw new ConfigFileException(moduleXml, '<module>', 'missing "name" attribute');
    return name;
  }
  return `${basename(dirname(dir))}_${basename(dir)}`;
}

function sortedEntries(dir: string): string[] {
  return readdirSync(dir).filter((entry) => !entry.startsWith('.')).sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
