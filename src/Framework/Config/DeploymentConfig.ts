import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhpArrayFile, type PhpArray, type PhpValue } from './PhpArrayParser.ts';

export type DatabaseSettings =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'mysql';
      readonly host: string;
      readonly port: number;
      readonly user: string;
      readonly password: string;
      readonly database: string;
      readonly socketPath?: string;
    };

export type MagentoMode = 'default' | 'developer' | 'production';

/** What Magento keeps in app/etc/env.php, plus how this service listens. */
export interface DeploymentConfig {
  readonly database: DatabaseSettings;
  /** Magento's `crypt/key`, as written (may hold several whitespace-separated keys). */
  readonly cryptKey: string;
  readonly tablePrefix: string;
  readonly mode: MagentoMode;
  readonly host: string;
  readonly port: number;
  readonly varDir: string;
  /**
   * `MAGENTO_SWAGGER_ENABLED=1`: serve `/swagger` outside developer mode too — Magento_Swagger's
   * `enabledInProduction` argument (`Magento\Swagger\Model\Config`). Developer mode serves it regardless.
   */
  readonly swaggerEnabled?: boolean;
  /**
   * `MAGENTO_EMULATOR_CONTROLS`: 1 serves the /__emulator test controls on MySQL too, 0 turns them off on the
   * embedded database; unset leaves the default (see emulatorControlsEnabled).
   */
  readonly emulatorControls?: boolean;
  /** `MAGENTO_MODULES` (folders separated by `:`, `;` on Windows): Magento-layout modules mounted beside ours. */
  readonly moduleDirs?: readonly string[];
  /** Where the settings came from, for the start banner (never includes a password). */
  readonly source: 'embedded' | 'DATABASE_URL' | 'env.php';
}

export class DeploymentConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** An empty variable counts as unset. */
function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

export function parseMysqlUrl(url: string): DatabaseSettings {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DeploymentConfigError('DATABASE_URL is not a valid URL (expected mysql://user:pass@host:port/db)');
  }
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new DeploymentConfigError(`DATABASE_URL must start with mysql:// (got ${u.protocol}//)`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new DeploymentConfigError('DATABASE_URL names no database (mysql://user:pass@host:port/db)');
  return {
    kind: 'mysql',
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database,
  };
}

function str(v: PhpValue | undefined): string | undefined {
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  return String(v);
}

function get(arr: PhpArray, path: string): PhpValue | undefined {
  let cur: PhpValue | undefined = arr;
  for (const part of path.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Reads database, crypt key and table prefix from a real Magento's env.php, without running PHP. */
export function readEnvPhp(path: string): { database: DatabaseSettings; cryptKey?: string; tablePrefix: string } {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DeploymentConfigError(`MAGENTO_ENV_PHP: cannot read ${path}: ${(e as Error).message}`);
  }
  let env: PhpArray;
  try {
    env = parsePhpArrayFile(source);
  } catch (e) {
    throw new DeploymentConfigError(`MAGENTO_ENV_PHP: ${path}: ${(e as Error).message}`);
  }
  const conn = get(env, 'db/connection/default');
  if (!conn || typeof conn !== 'object') {
    throw new DeploymentConfigError(`MAGENTO_ENV_PHP: ${path} has no db/connection/default`);
  }
  // Magento's host may carry a port (`db:3307`) or a socket path (`localhost:/run/mysqld.sock` or `/run/…`).
  const rawHost = str(conn.host) ?? 'localhost';
  let host = rawHost;
  let port = 3306;
  let socketPath: string | undefined;
  if (rawHost.startsWith('/')) {
    socketPath = rawHost;
    host = 'localhost';
  } else {
    const idx = rawHost.lastIndexOf(':');
    if (idx > 0 && !rawHost.includes(']')) {
      const rest = rawHost.slice(idx + 1);
      host = rawHost.slice(0, idx);
      if (/^\d+$/.test(rest)) port = Number(rest);
      else socketPath = rest;
    }
  }
  const database: DatabaseSettings = {
    kind: 'mysql',
    host,
    port,
    user: str(conn.username) ?? 'root',
    password: str(conn.password) ?? '',
    database: str(conn.dbname) ?? '',
    ...(socketPath ? { socketPath } : {}),
  };
  if (!database.database) throw new DeploymentConfigError(`MAGENTO_ENV_PHP: ${path} has no db/connection/default/dbname`);
  return { database, cryptKey: str(get(env, 'crypt/key')), tablePrefix: str(get(env, 'db/table_prefix')) ?? '' };
}

/**
 * Magento 2.4.7 writes new keys as `base64` + base64 of 32 random bytes; we do the same for the
 * embedded database and keep it under var/ so tokens survive restarts.
 */
function embeddedCryptKey(varDir: string): string {
  const file = join(varDir, 'crypt.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = 'base64' + randomBytes(32).toString('base64');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** An on/off variable: `1`/`0`, or `true`/`false`. */
const SWITCH_VALUES: ReadonlySet<string> = new Set(['1', '0', 'true', 'false']);

/** The project root: `var/` lives here whatever the working directory (as Magento's var/ does). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/**
 * Installed as a dependency, the package's folder belongs to npm (it is replaced on every install): `var/` then
 * lives in the working directory of the project that runs it.
 */
const PROJECT_ROOT = PACKAGE_ROOT.split(sep).includes('node_modules') ? process.cwd() : PACKAGE_ROOT;

export function loadDeploymentConfig(env: Env = process.env, rootDir: string = PROJECT_ROOT): DeploymentConfig {
  const varDir = resolve(rootDir, envValue(env, 'MAGENTO_VAR_DIR') ?? 'var');
  const modeRaw = envValue(env, 'MAGENTO_MODE') ?? 'default';
  if (modeRaw !== 'default' && modeRaw !== 'developer' && modeRaw !== 'production') {
    throw new DeploymentConfigError(`MAGENTO_MODE must be default, developer or production (got ${modeRaw})`);
  }
  const portRaw = envValue(env, 'PORT') ?? '8080';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DeploymentConfigError(`PORT must be 0–65535 (got ${portRaw})`);
  const host = envValue(env, 'HOST') ?? '127.0.0.1';
  const swaggerRaw = envValue(env, 'MAGENTO_SWAGGER_ENABLED') ?? '0';
  if (!SWITCH_VALUES.has(swaggerRaw)) throw new DeploymentConfigError(`MAGENTO_SWAGGER_ENABLED must be 1 or 0 (got ${swaggerRaw})`);
  const swaggerEnabled = swaggerRaw === '1' || swaggerRaw === 'true';
  const controlsRaw = envValue(env, 'MAGENTO_EMULATOR_CONTROLS');
  if (controlsRaw !== undefined && !SWITCH_VALUES.has(controlsRaw)) {
    throw new DeploymentConfigError(`MAGENTO_EMULATOR_CONTROLS must be 1 or 0 (got ${controlsRaw})`);
  }
  const emulatorControls = controlsRaw === undefined ? {} : { emulatorControls: controlsRaw === '1' || controlsRaw === 'true' };

  let database: DatabaseSettings;
  let cryptKey: string | undefined;
  let tablePrefix = '';
  let source: DeploymentConfig['source'];
  const envPhp = envValue(env, 'MAGENTO_ENV_PHP');
  const url = envValue(env, 'DATABASE_URL');
  if (envPhp) {
    const read = readEnvPhp(resolve(process.cwd(), envPhp));
    database = read.database;
    cryptKey = read.cryptKey;
    tablePrefix = read.tablePrefix;
    source = 'env.php';
  } else if (url) {
    database = parseMysqlUrl(url);
    source = 'DATABASE_URL';
  } else {
    database = { kind: 'sqlite', path: join(varDir, 'magento.sqlite') };
    source = 'embedded';
  }
  if (envValue(env, 'MAGENTO_TABLE_PREFIX') !== undefined) tablePrefix = envValue(env, 'MAGENTO_TABLE_PREFIX')!;
  cryptKey = envValue(env, 'MAGENTO_CRYPT_KEY') ?? cryptKey;
  if (!cryptKey) {
    if (source === 'env.php') throw new DeploymentConfigError('MAGENTO_ENV_PHP: env.php has no crypt/key (or set MAGENTO_CRYPT_KEY)');
    cryptKey = embeddedCryptKey(varDir);
  }
  const modulesRaw = envValue(env, 'MAGENTO_MODULES');
  const moduleDirs = modulesRaw === undefined ? [] : modulesRaw.split(delimiter).filter((d) => d.trim() !== '').map((d) => resolve(process.cwd(), d.trim()));
  if (!/^[A-Za-z0-9_]*$/.test(tablePrefix)) throw new DeploymentConfigError(`table prefix may hold only letters, digits and _ (got ${tablePrefix})`);
  return Object.freeze({
    database,
    cryptKey: cryptKey.trim(),
    tablePrefix,
    mode: modeRaw,
    host,
    port,
    varDir,
    swaggerEnabled,
    ...emulatorControls,
    ...(moduleDirs.length > 0 ? { moduleDirs: Object.freeze(moduleDirs) } : {}),
    source,
  });
}

/** One line for banners and logs: never includes a password. */
export function describeDatabase(db: DatabaseSettings): string {
  return db.kind === 'sqlite' ? `embedded SQLite at ${db.path}` : `MySQL ${db.user}@${db.socketPath ?? `${db.host}:${db.port}`}/${db.database}`;
}
