import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Container } from 'inversify';
import { AclXmlReader } from './Framework/Acl/AclXmlReader.ts';
import type { AclResourceTree } from './Framework/Acl/AclResourceTree.ts';
import { createLogger, type Logger } from './Framework/App/Logger.ts';
import type { ModuleContext } from './Framework/App/ModuleContext.ts';
import type { ModuleDescriptor } from './Framework/App/ModuleDescriptor.ts';
import { findModules } from './Framework/App/ModuleFinder.ts';
import { loadMountedModule, type ModuleEtcFile, type MountedModule } from './Framework/App/MountedModule.ts';
import { RequestContext } from './Framework/App/RequestContext.ts';
import { SEARCH_CRITERIA_DATA_TYPES } from './Framework/Api/SearchCriteria.ts';
import { readConfigXml } from './Framework/Config/ConfigXmlReader.ts';
import type { DatabaseSettings, DeploymentConfig } from './Framework/Config/DeploymentConfig.ts';
import { CryptKey } from './Framework/Crypt/CryptKey.ts';
import { Encryptor } from './Framework/Crypt/Encryptor.ts';
import { JwtCodec } from './Framework/Crypt/JwtCodec.ts';
import type { ConnectionInterface } from './Framework/Db/ConnectionInterface.ts';
import { MysqlConnection } from './Framework/Db/MysqlConnection.ts';
import type { DataPatch } from './Framework/Db/Schema/DataPatch.ts';
import type { DbSchema } from './Framework/Db/Schema/DbSchema.ts';
import { DbSchemaException } from './Framework/Db/Schema/DbSchemaException.ts';
import { DbSchemaReader } from './Framework/Db/Schema/DbSchemaReader.ts';
import { SchemaInstaller, type InstallReport } from './Framework/Db/Schema/SchemaInstaller.ts';
import { SqliteConnection } from './Framework/Db/SqliteConnection.ts';
import { createContainer } from './Framework/Di/ContainerFactory.ts';
import { readDiXml, type DiPreference } from './Framework/Di/DiXmlReader.ts';
import { TYPES } from './Framework/Di/Types.ts';
import { EventManager, type ObserverInterface } from './Framework/Event/EventManager.ts';
import { SystemClock, type Clock } from './Framework/Stdlib/Clock.ts';
import { CryptoRandom, type Random } from './Framework/Stdlib/Random.ts';
import type { ScopeConfigInterface } from './Framework/Config/ScopeConfigInterface.ts';
import type { WebapiConfig } from './Framework/Webapi/Config/WebapiConfig.ts';
import { declaredServices } from './Framework/Webapi/DeclaredResponses.ts';
import { WebapiXmlReader } from './Framework/Webapi/Config/WebapiXmlReader.ts';
import type { ContractRegistry, DataInterfaceDeclaration, ServiceContract } from './Framework/Webapi/ServiceContract.ts';
import { CONFIG_DEFAULTS } from './Model/Config/ScopeConfig.ts';
import { dataPatchList } from './Model/ResourceModel/Setup/DataPatchList.ts';
import { MODULES } from './modules.ts';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ETC_DIR = join(ROOT_DIR, 'etc');

export interface ApplicationOptions {
  readonly deployment: DeploymentConfig;
  /** An open connection to use instead of one built from `deployment.database` (tests). */
  readonly connection?: ConnectionInterface;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
  readonly etcDir?: string;
  readonly modules?: readonly ModuleDescriptor[];
  /**
   * Magento-layout modules to mount beside ours (MAGENTO_MODULES): folders holding `etc/`, or code pools holding
   * `<Vendor>/<Module>/etc/`. Default: `deployment.moduleDirs`.
   */
  readonly moduleDirs?: readonly string[];
  /** Create missing tables and run data patches (default true). */
  readonly install?: boolean;
}

/** The composition root's result: everything main, the CLI and tests need. */
export interface Application {
  readonly deployment: DeploymentConfig;
  readonly container: Container;
  readonly connection: ConnectionInterface;
  readonly configDefaults: ReadonlyMap<string, string>;
  readonly contracts: ContractRegistry;
  readonly webapiConfig: WebapiConfig;
  readonly aclTree: AclResourceTree;
  /** Every table of etc/db_schema.xml and of the mounted modules' db_schema.xml. */
  readonly dbSchema: DbSchema;
  readonly mountedModules: readonly MountedModule[];
  readonly logger: Logger;
  readonly installReport: InstallReport | undefined;
  close(): Promise<void>;
}

/** `queryTimeoutMs`: MySQL only (default 30 s); the bench's history loader runs statements for minutes. */
export function openConnection(settings: DatabaseSettings, tablePrefix: string, options: { queryTimeoutMs?: number } = {}): ConnectionInterface {
  if (settings.kind === 'sqlite') return SqliteConnection.open({ path: settings.path, tablePrefix });
  return MysqlConnection.create({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    tablePrefix,
    ...(options.queryTimeoutMs !== undefined ? { queryTimeoutMs: options.queryTimeoutMs } : {}),
    ...(settings.socketPath ? { socketPath: settings.socketPath } : {}),
  });
}

/** The framework's data patches, then each module's (a name listed twice runs once). */
export function allDataPatches(modules: readonly ModuleDescriptor[] = MODULES): DataPatch[] {
  const byName = new Map<string, DataPatch>();
  for (const p of [...dataPatchList(), ...modules.flatMap((m) => m.dataPatches ?? [])]) {
    if (!byName.has(p.name)) byName.set(p.name, p);
  }
  return [...byName.values()];
}

export function buildContractRegistry(
  modules: ReadonlyArray<Pick<ModuleDescriptor, 'name' | 'contracts' | 'dataTypes'>>,
): ContractRegistry {
  const services = new Map<string, ServiceContract>();
  const dataTypes = new Map<string, DataInterfaceDeclaration>();
  for (const d of SEARCH_CRITERIA_DATA_TYPES) dataTypes.set(d.name, d);
  for (const m of modules) {
    for (const c of m.contracts ?? []) {
      if (services.has(c.name)) throw new Error(`module ${m.name}: service contract ${c.name} is declared twice`);
      services.set(c.name, c);
    }
    for (const d of m.dataTypes ?? []) dataTypes.set(d.name, d);
  }
  return Object.freeze({ services, dataTypes });
}

/** Our etc/ first, then each mounted module's file of that name, in mount order (later files win, as in Magento). */
function etcFiles(etcDir: string, mounted: readonly MountedModule[], name: ModuleEtcFile): string[] {
  return [join(etcDir, name), ...mounted.flatMap((m) => (m.etc[name] ? [m.etc[name]] : []))];
}

/** Later preferences for the same interface replace earlier ones, as a later module's di.xml does in Magento. */
function mergePreferences(...lists: ReadonlyArray<readonly DiPreference[]>): DiPreference[] {
  const byFor = new Map<string, DiPreference>();
  for (const p of lists.flat()) byFor.set(p.for, p);
  return [...byFor.values()];
}

/** The tables of every db_schema.xml; a mounted module may add tables, not redeclare ours or another's. */
function mergeSchemas(files: readonly string[]): DbSchema {
  const tables = new Map<string, { table: DbSchema['tables'][number]; file: string }>();
  for (const file of files) {
    for (const table of DbSchemaReader.readFile(file).tables) {
      const previous = tables.get(table.name);
      if (previous) throw new DbSchemaException(file, `table ${table.name}`, `already declared in ${previous.file}`);
      tables.set(table.name, { table, file });
    }
  }
  return Object.freeze({ file: files.join(', '), tables: Object.freeze([...tables.values()].map((t) => t.table)) });
}

/**
 * Mounted modules' services: each JavaScript class is built once with the ModuleContext; routes no class serves are
 * answered from the module's declared responses (or boot stops naming the webapi.xml and the route).
 */
function mountedServices(
  mounted: readonly MountedModule[],
  coreContracts: ReadonlySet<string>,
  preferences: readonly { for: string; type: string }[],
) {
  const classes = new Map(mounted.flatMap((m) => [...(m.services?.classes ?? new Map())]));
  // A route's service is provided by our contracts or by any mounted module's JavaScript contracts.
  const provided = new Set([...coreContracts, ...mounted.flatMap((m) => (m.services?.contracts ?? []).map((c) => c.name))]);
  const declared = mounted.map((m) =>
    m.etc['webapi.xml']
      ? declaredServices(m.etc['webapi.xml'], m.responsesFile, (serviceClass) => provided.has(serviceClass))
      : { contracts: [], services: new Map<string, object>() },
  );
  const moduleClassPreferences = preferences.filter((p) => classes.has(p.type));
  return { classes, declared, moduleClassPreferences };
}

/**
 * Composition root: reads etc/*.xml once (a bad file stops boot naming file, element and reason),
 * opens the database, installs missing tables, builds the container from di.xml and the modules'
 * classes, and checks that every webapi.xml service has a binding.
 */
export async function createApplication(options: ApplicationOptions): Promise<Application> {
  const { deployment } = options;
  const etcDir = options.etcDir ?? ETC_DIR;
  const modules = options.modules ?? MODULES;
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? new SystemClock();
  const random = options.random ?? new CryptoRandom();

  const mounted = await Promise.all(findModules(options.moduleDirs ?? deployment.moduleDirs ?? []).map(loadMountedModule));
  const existing = (name: ModuleEtcFile) => etcFiles(etcDir, mounted, name);
  const configDefaults = readConfigXml(existing('config.xml'));
  const coreContracts = new Set(modules.flatMap((m) => (m.contracts ?? []).map((c) => c.name)));
  const coreClasses = new Set(modules.flatMap((m) => m.classes.map(([name]) => name)));
  const moduleClasses = new Set(mounted.flatMap((m) => [...(m.services?.classes.keys() ?? [])]));
  // A mounted module's preference for a class nobody here has names a PHP class (an extension mounted as it is):
  // it is left out, as are its plugins and types, which this reader never looks at.
  const mountedPreferences = readDiXml(existing('di.xml').slice(1)).filter((p) => coreClasses.has(p.type) || moduleClasses.has(p.type));
  const allPreferences = mergePreferences(readDiXml([join(etcDir, 'di.xml')]), mountedPreferences);
  const extra = mountedServices(mounted, coreContracts, allPreferences);
  const preferences = allPreferences.filter((p) => !extra.moduleClassPreferences.includes(p));
  const contracts = buildContractRegistry([
    ...modules,
    ...mounted.map((m) => ({ name: m.name, contracts: m.services?.contracts ?? [], dataTypes: m.services?.dataTypes ?? [] })),
    ...extra.declared.map((d, i) => ({ name: mounted[i]?.name ?? '', contracts: d.contracts })),
  ]);
  const aclTree = new AclXmlReader().read(existing('acl.xml'));
  const webapiConfig = new WebapiXmlReader(contracts, aclTree).read(existing('webapi.xml'));
  const schema = mergeSchemas(existing('db_schema.xml'));
  const cryptKey = new CryptKey(deployment.cryptKey);

  const ownsConnection = options.connection === undefined;
  const connection = options.connection ?? openConnection(deployment.database, deployment.tablePrefix);
  try {
    const installReport =
      options.install === false ? undefined : await new SchemaInstaller(schema, allDataPatches(modules)).install(connection);

    const events = new EventManager();
    const constants = new Map<symbol, unknown>([
      [TYPES.ResourceConnection, connection],
      [TYPES.DeploymentConfig, deployment],
      [TYPES.Clock, clock],
      [TYPES.Random, random],
      [TYPES.Logger, logger],
      [TYPES.RequestContext, new RequestContext()],
      [TYPES.CryptKey, cryptKey],
      [TYPES.Encryptor, new Encryptor(cryptKey, random)],
      [TYPES.JwtCodec, new JwtCodec(cryptKey)],
      [TYPES.ContractRegistry, contracts],
      [TYPES.WebapiConfig, webapiConfig],
      [TYPES.AclResourceProvider, aclTree],
      [TYPES.EventManager, events],
      [CONFIG_DEFAULTS, configDefaults],
    ]);
    const classes = new Map(modules.flatMap((m) => m.classes));
    const container = createContainer(preferences, classes, constants);
    const moduleContext: ModuleContext = Object.freeze({
      connection,
      clock,
      logger,
      get scopeConfig() {
        return container.get<ScopeConfigInterface>(TYPES.ScopeConfig);
      },
      currentUser: () => container.get<RequestContext>(TYPES.RequestContext).getUser(),
    });
    for (const [name, cls] of extra.classes) {
      container.bind(Symbol.for(name)).toDynamicValue(() => new cls(moduleContext as never)).inSingletonScope();
    }
    for (const p of extra.moduleClassPreferences) {
      if (!extra.classes.has(p.for)) container.bind(Symbol.for(p.for)).toService(Symbol.for(p.type));
    }
    for (const { services } of extra.declared) {
      for (const [name, service] of services) container.bind(Symbol.for(name)).toConstantValue(service);
    }
    const extensionNames = modules.flatMap((m) => m.customerExtensions ?? []);
    container
      .bind(TYPES.CustomerExtensionProviders)
      .toDynamicValue((ctx) => extensionNames.map((name) => ctx.get(Symbol.for(name))));

    for (const m of modules) {
      for (const [event, className] of m.observers ?? []) {
        if (!classes.has(className)) throw new Error(`module ${m.name}: observer class ${className} is not in its classes`);
        // Resolved on first dispatch, so observers may depend on anything bound above.
        events.addObserver(event, {
          execute: (data) => container.get<ObserverInterface>(Symbol.for(className)).execute(data),
        });
      }
    }

    for (const route of webapiConfig.routes) {
      if (!container.isBound(Symbol.for(route.serviceClass))) {
        throw new Error(
          `${route.file}: route "${route.url}" ${route.method}: service class ${route.serviceClass} has no <preference> in etc/di.xml`,
        );
      }
    }

    return {
      deployment,
      container,
      connection,
      configDefaults,
      contracts,
      webapiConfig,
      aclTree,
      dbSchema: schema,
      mountedModules: mounted,
      logger,
      installReport,
      close: async () => {
        if (ownsConnection) await connection.close();
      },
    };
  } catch (e) {
    if (ownsConnection) await connection.close();
    throw e;
  }
}
