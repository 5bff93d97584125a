import { randomBytes } from 'node:crypto';
import { createApp } from '../app.ts';
import { createApplication, type Application } from '../bootstrap.ts';
import { createEmulatorRouter } from '../Controller/Emulator/createEmulatorRouter.ts';
import { createLogger } from '../Framework/App/Logger.ts';
import { parseMysqlUrl, type DatabaseSettings, type DeploymentConfig, type MagentoMode } from '../Framework/Config/DeploymentConfig.ts';
import { AdjustableClock } from '../Framework/Stdlib/Clock.ts';
import { DemoEnvironment } from '../Model/Identity/DemoEnvironment.ts';
import { DEMO_CREDENTIALS, type DemoCredentials } from '../Model/Identity/DemoSeeder.ts';
import { listen } from '../server.ts';
import { EmulatorControls, type EmulatorClock } from './EmulatorControls.ts';
import type { CreatedFixtures, FixtureSet } from './Fixtures.ts';
import { RequestJournal, type EmailJournalEntry, type JournalEntry } from './RequestJournal.ts';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /**
   * Default `:memory:` (a fresh embedded database per emulator). A file path keeps an embedded database on disk;
   * `mysql://user:pass@host:port/db` uses MySQL/MariaDB (tables created if missing; `reset()` empties them).
   */
  readonly database?: string;
  /** Magento's crypt/key; default: a new random key per emulator. */
  readonly cryptKey?: string;
  /** Default `default`. In `production` the HTTP controls under /__emulator are not served. */
  readonly mode?: MagentoMode;
  /** pino level; default `silent`. */
  readonly logLevel?: string;
  /** Seed the demo admin and customer and switch Login as Customer on (default true). */
  readonly seed?: boolean;
  /** Table prefix (Magento's db/table_prefix). */
  readonly tablePrefix?: string;
  /**
   * Magento-layout modules to mount (as MAGENTO_MODULES): folders holding `etc/webapi.xml`, `acl.xml`… or code pools
   * holding `<Vendor>/<Module>/etc/`. Their routes are served by the classes of the module's `emulator.mjs`, or
   * answered from its `emulator-responses.json`.
   */
  readonly modules?: readonly string[];
}

export interface Emulator {
  /** `http://host:port`; the REST API is under `${url}/rest/V1`. */
  readonly url: string;
  /** The seeded demo credentials (admin id 1, customer id 1), or null with `seed: false`. */
  readonly demo: DemoCredentials | null;
  readonly clock: EmulatorClock;
  fixtures(set: FixtureSet): Promise<CreatedFixtures>;
  /** The requests served so far: method, route template, status, caller — never a token, password or secret. */
  requests(): JournalEntry[];
  clearRequests(): void;
  /** The e-mails the service would have sent: template, recipient customer id, store — never an address or token. */
  emails(): EmailJournalEntry[];
  /** Back to the state right after start: data, caches, clock, journal. */
  reset(): Promise<void>;
  close(): Promise<void>;
  /** The composition root, for tests that want a service directly. */
  readonly application: Application;
}

/**
 * Starts a Magento REST emulator in this process: `const emu = await startEmulator({ port: 0 })`.
 * Runs the same application as `npm start`, with a clock tests can move and a journal of requests.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const database: DatabaseSettings =
    options.database && /^(mysql|mariadb):/i.test(options.database)
      ? parseMysqlUrl(options.database)
      : { kind: 'sqlite', path: options.database ?? ':memory:' };
  const mode = options.mode ?? 'default';
  const deployment: DeploymentConfig = Object.freeze({
    database,
    cryptKey: options.cryptKey ?? randomBytes(16).toString('hex'),
    tablePrefix: options.tablePrefix ?? '',
    mode,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    varDir: '',
    ...(options.modules ? { moduleDirs: Object.freeze([...options.modules]) } : {}),
    source: database.kind === 'sqlite' ? 'embedded' : 'DATABASE_URL',
  });
  const clock = new AdjustableClock();
  const journal = new RequestJournal(createLogger({ level: options.logLevel ?? 'silent' }), clock);
  const application = await createApplication({ deployment, clock, logger: journal });
  try {
    const demo = options.seed === false ? null : ((await application.container.get(DemoEnvironment).prepare()) ?? DEMO_CREDENTIALS);
    const controls = await EmulatorControls.create(application, clock, journal);
    const app = createApp(application, {
      extend: (express) => {
        if (mode !== 'production') express.use(createEmulatorRouter(controls));
      },
    });
    const server = await listen(app, deployment.host, deployment.port);
    return {
      url: server.url,
      demo,
      clock: controls.clock,
      application,
      fixtures: (set) => controls.fixtures(set),
      requests: () => controls.requests(),
      clearRequests: () => controls.clearRequests(),
      emails: () => controls.emails(),
      reset: () => controls.reset(),
      close: async () => {
        await server.close();
        await application.close();
      },
    };
  } catch (error) {
    await application.close();
    throw error;
  }
}
