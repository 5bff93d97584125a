import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigFileException } from '../Exception/ConfigFileException.ts';
import { DECLARED_RESPONSES_FILE } from '../Webapi/DeclaredResponses.ts';
import type { DataInterfaceDeclaration, ServiceContract } from '../Webapi/ServiceContract.ts';
import type { ModuleLocation } from './ModuleFinder.ts';

/** The declarative files a module may have; each is optional. */
export const MODULE_ETC_FILES = ['acl.xml', 'webapi.xml', 'di.xml', 'config.xml', 'db_schema.xml'] as const;
export type ModuleEtcFile = (typeof MODULE_ETC_FILES)[number];

/** Files looked for, in order, beside a mounted module's etc/ for its JavaScript services. */
const SERVICE_FILES = ['emulator.mjs', 'emulator.js'] as const;

/** What a mounted module's service class is constructed with. */
export type ModuleServiceFactory = new (context: never) => object;

/** The JavaScript side of a mounted module: contracts in Magento's type notation and the classes that serve them. */
export interface ModuleServices {
  readonly file: string;
  readonly contracts: readonly ServiceContract[];
  readonly dataTypes: readonly DataInterfaceDeclaration[];
  /** Magento class name → class; a class is constructed once, with the ModuleContext. */
  readonly classes: ReadonlyMap<string, ModuleServiceFactory>;
}

/** A module from MAGENTO_MODULES: its etc files, its JavaScript services and its declared responses, if any. */
export interface MountedModule extends ModuleLocation {
  readonly etc: Partial<Record<ModuleEtcFile, string>>;
  readonly services: ModuleServices | undefined;
  readonly responsesFile: string | undefined;
}

export async function loadMountedModule(location: ModuleLocation): Promise<MountedModule> {
  const etc: Partial<Record<ModuleEtcFile, string>> = {};
  for (const name of MODULE_ETC_FILES) {
    const file = join(location.dir, 'etc', name);
    if (existsSync(file)) etc[name] = file;
  }
  const serviceFile = SERVICE_FILES.map((name) => join(location.dir, name)).find((file) => existsSync(file));
  const responsesFile = join(location.dir, DECLARED_RESPONSES_FILE);
  return Object.freeze({
    ...location,
    etc: Object.freeze(etc),
    services: serviceFile ? await importServices(serviceFile) : undefined,
    responsesFile: existsSync(responsesFile) ? responsesFile : undefined,
  });
}

async function importServices(file: string): Promise<ModuleServices> {
  let exported: Record<string, unknown>;
  try {
    exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigFileException(file, 'module', `cannot be imported (${(error as Error).message})`);
  }
  const fail = (element: string, reason: string): never => {
    throw new ConfigFileException(file, element, reason);
  };
  const contracts = exported.contracts ?? [];
  if (!Array.isArray(contracts)) fail('export "contracts"', 'must be a list of { name, methods }');
  for (const [i, contract] of (contracts as unknown[]).entries()) {
    const c = contract as Partial<ServiceContract> | null;
    if (!c || typeof c.name !== 'string' || typeof c.methods !== 'object' || c.methods === null) {
      fail(`contracts[${i}]`, 'must be { name: "Vendor\\\\Module\\\\Api\\\\…Interface", methods: { … } }');
    }
    for (const [method, declaration] of Object.entries(c!.methods!)) {
      const d = declaration as Partial<{ parameters: unknown; returns: unknown }> | null;
      if (!d || !Array.isArray(d.parameters) || typeof d.returns !== 'string') {
        fail(`contracts[${i}] ${c!.name}::${method}`, 'must be { parameters: [{ name, type, required }], returns: "<type>" }');
      }
    }
  }
  const dataTypes = exported.dataTypes ?? [];
  if (!Array.isArray(dataTypes)) fail('export "dataTypes"', 'must be a list of { name, fields }');
  const classesExport = exported.classes ?? {};
  if (typeof classesExport !== 'object' || classesExport === null) fail('export "classes"', 'must map Magento class names to classes');
  const classes = new Map<string, ModuleServiceFactory>();
  for (const [name, cls] of Object.entries(classesExport as Record<string, unknown>)) {
    if (typeof cls !== 'function') fail(`classes["${name}"]`, 'is not a class');
    classes.set(name, cls as ModuleServiceFactory);
  }
  return Object.freeze({
    file,
    contracts: Object.freeze([...(contracts as ServiceContract[])]),
    dataTypes: Object.freeze([...(dataTypes as DataInterfaceDeclaration[])]),
    classes,
  });
}
