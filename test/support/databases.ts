/**
 * Runs a block of integration/API tests once per database (STYLE "Tests"):
 *  - `sqlite`: a fresh temporary database file per describe, schema installed;
 *  - `mysql`: the database named by TEST_DATABASE_URL or DATABASE_URL (mysql://user:pass@host:port/db).
 *    The schema is installed once per process; tables are only created when missing, so data
 *    accumulates across runs — tests must create their own rows with uniqueSuffix() values and never
 *    assert on global counts. Without a URL the mysql block is one SKIPPED test saying so.
 *
 *   forEachDatabase('CustomerRepository', (getDb) => {
 *     it('saves a customer', async () => {
 *       const email = `c${uniqueSuffix()}@example.com`;
 *       await getDb().insert('customer_entity', { email, website_id: 1 });
 *       …
 *     });
 *   });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { MysqlConnection } from '../../src/Framework/Db/MysqlConnection.ts';
import type { DbSchema } from '../../src/Framework/Db/Schema/DbSchema.ts';
import { DbSchemaReader } from '../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { SchemaInstaller } from '../../src/Framework/Db/Schema/SchemaInstaller.ts';
import { SqliteConnection } from '../../src/Framework/Db/SqliteConnection.ts';
import { allDataPatches } from '../../src/bootstrap.ts';

export type DatabasePlatform = 'sqlite' | 'mysql';

export interface DatabaseTestContext {
  readonly platform: DatabasePlatform;
  /** The block's connection, schema installed. Valid inside tests and hooks, not at definition time. */
  getDb(): ConnectionInterface;
  /**
   * One more connection to the same database — e.g. to stand in for a second service process.
   * Closed with the block. Pass `tablePrefix` to address the tables of another prefix (the schema
   * is not installed for it by this call).
   */
  openConnection(options?: { tablePrefix?: string }): ConnectionInterface;
}

export interface ForEachDatabaseOptions {
  /** Table prefix (Magento's `db/table_prefix`) for the block's connection; the schema is installed under it. */
  tablePrefix?: string;
}

export const MYSQL_SKIP_REASON =
  'set DATABASE_URL or TEST_DATABASE_URL (mysql://user:pass@host:port/db) to run these tests on MySQL/MariaDB';

/** The MySQL URL tests run against, if any. */
export function mysqlTestUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  return url && /^(mysql|mariadb):/i.test(url) ? url : undefined;
}

let counter = 0;
/**
 * A short lowercase suffix unique across processes and runs, for factory values (codes, e-mails,
 * usernames). Starts with a digit: prefix it with a letter where Magento wants one (`s_${…}`).
 * At most 12 characters, so `xxx_${uniqueSuffix()}` still fits Magento's varchar(32) codes.
 */
export function uniqueSuffix(): string {
  counter += 1;
  return `${(counter % 1296).toString(36)}${randomBytes(5).toString('hex')}`;
}

/** etc/db_schema.xml of this checkout. */
export function schemaFile(): string {
  return fileURLToPath(new URL('../../etc/db_schema.xml', import.meta.url));
}

let schema: DbSchema | undefined;
/** The project's schema and data patches, as the service installs them. */
export function createSchemaInstaller(): SchemaInstaller {
  schema ??= DbSchemaReader.readFile(schemaFile());
  return new SchemaInstaller(schema, allDataPatches());
}

/** MySQL: install once per process and prefix; every block of the run shares the result. */
const mysqlInstalls = new Map<string, Promise<unknown>>();

/**
 * Blocks whose connections are still open. A failing `after` hook makes node skip the hooks after
 * it, including the block's own close; an open MySQL pool would then keep the process alive, so a
 * file-level hook closes whatever is left.
 */
const openHarnesses = new Set<Harness>();
let safetyNetRegistered = false;
function registerSafetyNet(): void {
  if (safetyNetRegistered) return;
  safetyNetRegistered = true;
  after(async () => {
    for (const harness of [...openHarnesses]) await harness.closeAll();
  });
}

export function forEachDatabase(
  title: string,
  body: (getDb: () => ConnectionInterface, context: DatabaseTestContext) => void,
  options: ForEachDatabaseOptions = {},
): void {
  const prefix = options.tablePrefix ?? '';
  registerSafetyNet();

  describe(`${title} [sqlite]`, () => {
    let directory: string | undefined;
    const harness = new Harness(
      'sqlite',
      (extra) => {
        directory ??= mkdtempSync(join(tmpdir(), 'lac-test-'));
        return SqliteConnection.open({ path: join(directory, 'magento.db'), tablePrefix: extra?.tablePrefix ?? prefix });
      },
      () => {
        if (directory) rmSync(directory, { recursive: true, force: true });
      },
    );
    before(async () => {
      await createSchemaInstaller().install(harness.openConnection());
    });
    body(harness.getDb, harness);
    // Registered after the body's hooks so that its own `after` hooks still have the database.
    after(() => harness.closeAll());
  });

  const url = mysqlTestUrl();
  describe(`${title} [mysql]`, () => {
    if (url === undefined) {
      // A skipped test rather than a skipped suite: node's summary counts skipped tests only.
      it('runs on MySQL/MariaDB', { skip: MYSQL_SKIP_REASON }, () => {});
      return;
    }
    const harness = new Harness('mysql', (extra) =>
      MysqlConnection.fromUrl(url, { tablePrefix: extra?.tablePrefix ?? prefix, connectTimeoutMs: 5000 }),
    );
    before(async () => {
      const connection = harness.openConnection();
      let install = mysqlInstalls.get(prefix);
      if (install === undefined) {
        install = createSchemaInstaller().install(connection);
        mysqlInstalls.set(prefix, install);
      }
      await install;
    });
    body(harness.getDb, harness);
    after(() => harness.closeAll());
  });
}

/** Owns the connections of one describe block and closes them all at its end. */
class Harness implements DatabaseTestContext {
  private readonly connections: ConnectionInterface[] = [];

  constructor(
    readonly platform: DatabasePlatform,
    private readonly connect: (options?: { tablePrefix?: string }) => ConnectionInterface,
    private readonly cleanUp: () => void = () => {},
  ) {}

  // Arrow properties, so tests can destructure `{ getDb, openConnection }` from the context.
  readonly getDb = (): ConnectionInterface => {
    const first = this.connections[0];
    if (first === undefined) throw new Error('getDb() is available inside tests and hooks only, after the database is set up.');
    return first;
  };

  readonly openConnection = (options?: { tablePrefix?: string }): ConnectionInterface => {
    const connection = this.connect(options);
    this.connections.push(connection);
    openHarnesses.add(this);
    return connection;
  };

  async closeAll(): Promise<void> {
    openHarnesses.delete(this);
    const all = this.connections.splice(0);
    await Promise.allSettled(all.map((c) => c.close()));
    this.cleanUp();
  }
}
