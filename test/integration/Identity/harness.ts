/**
 * The real container for the Identity module's integration tests: the Store and Identity modules'
 * classes, etc/di.xml preferences for them, etc/acl.xml and etc/config.xml, on a test database.
 * Time and randomness are pinned; config values are given as overrides of the config.xml defaults
 * (never written to core_config_data, which other test files share on MySQL).
 */
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import type { Container, Newable } from 'inversify';
import { fileURLToPath } from 'node:url';
import type { CustomerExtensionProviderInterface } from '../../../src/Api/Customer/CustomerExtensionProviderInterface.ts';
import { AclXmlReader } from '../../../src/Framework/Acl/AclXmlReader.ts';
import { RequestContext, type RequestState } from '../../../src/Framework/App/RequestContext.ts';
import { GUEST, type UserContext } from '../../../src/Framework/Authentication/UserContext.ts';
import { readConfigXml } from '../../../src/Framework/Config/ConfigXmlReader.ts';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../../src/Framework/Crypt/Encryptor.ts';
import { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { createContainer } from '../../../src/Framework/Di/ContainerFactory.ts';
import { readDiXml } from '../../../src/Framework/Di/DiXmlReader.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { EventManager } from '../../../src/Framework/Event/EventManager.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { CryptoRandom } from '../../../src/Framework/Stdlib/Random.ts';
import { CONFIG_DEFAULTS } from '../../../src/Model/Config/ScopeConfig.ts';
import { IdentityModule } from '../../../src/Model/Identity/module.ts';
import { StoreModule } from '../../../src/Model/Store/module.ts';

export const TEST_CRYPT_KEY = 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8';
/** 2025-11-24 16:00:00 UTC. */
export const T0 = 1_764_000_000_000;

const etc = (file: string): string => fileURLToPath(new URL(`../../../etc/${file}`, import.meta.url));

export interface IdentityHarness {
  readonly container: Container;
  readonly clock: FixedClock;
  readonly requestContext: RequestContext;
  readonly events: EventManager;
  get<T>(token: symbol | Newable<T>): T;
  /** Runs `fn` as a request of `user` in store `storeId` (default store view 1). */
  asRequest<T>(user: UserContext, fn: () => Promise<T>, storeId?: number): Promise<T>;
}

export function createIdentityHarness(
  db: ConnectionInterface,
  options: { config?: Record<string, string>; cryptKey?: string; extensionProviders?: CustomerExtensionProviderInterface[] } = {},
): IdentityHarness {
  const cryptKey = new CryptKey(options.cryptKey ?? TEST_CRYPT_KEY);
  const clock = new FixedClock(T0);
  const random = new CryptoRandom();
  const requestContext = new RequestContext();
  const events = new EventManager();
  const defaults = new Map(readConfigXml([etc('config.xml')]));
  for (const [path, value] of Object.entries(options.config ?? {})) defaults.set(path, value);

  const classes = new Map<string, Newable>([...StoreModule.classes, ...IdentityModule.classes]);
  const preferences = readDiXml([etc('di.xml')]).filter((p) => classes.has(p.type));
  const constants = new Map<symbol, unknown>([
    [TYPES.ResourceConnection, db],
    [TYPES.Clock, clock],
    [TYPES.Random, random],
    [TYPES.Encryptor, new Encryptor(cryptKey, random)],
    [TYPES.CryptKey, cryptKey],
    [TYPES.JwtCodec, new JwtCodec(cryptKey)],
    [TYPES.AclResourceProvider, new AclXmlReader().read([etc('acl.xml')])],
    [TYPES.RequestContext, requestContext],
    [TYPES.EventManager, events],
    [TYPES.CustomerExtensionProviders, options.extensionProviders ?? []],
    [TYPES.Logger, new MemoryLogger()],
    [CONFIG_DEFAULTS, defaults],
  ]);
  const container = createContainer(preferences, classes, constants);
  return {
    container,
    clock,
    requestContext,
    events,
    get: <T>(token: symbol | Newable<T>): T => container.get<T>(token as symbol),
    asRequest<T>(user: UserContext, fn: () => Promise<T>, storeId = 1): Promise<T> {
      const state: RequestState = { user: user ?? GUEST, storeCode: storeId === 0 ? 'admin' : 'default', storeId, ip: '127.0.0.1', userAgent: 'test' };
      return requestContext.run(state, fn);
    },
  };
}
