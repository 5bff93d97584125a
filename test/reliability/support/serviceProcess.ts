import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../scripts/bench/childService.ts';

export const ROOT_DIR = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServiceProcessOptions {
  /** Entry relative to the project root (default `src/main.ts`, i.e. `npm start`). */
  readonly entry?: string;
  /** A mysql:// URL; without it the child runs on an embedded database under `varDir`. */
  readonly databaseUrl?: string;
  readonly varDir: string;
  readonly cryptKey: string;
  readonly logFile: string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly logFile: string;
  /** Settles when the child exits. */
  readonly exited: Promise<Exit>;
  isRunning(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM (unless already gone) and wait for the exit. */
  stop(): Promise<Exit>;
  log(): string;
}

/** How many times the first answer is polled for (with a short pause each) before giving up. */
const BOOT_POLLS = 600;

/** Variables of the test runner's environment that must not reach the child. */
const BLOCKED = ['DATABASE_URL', 'TEST_DATABASE_URL', 'MAGENTO_ENV_PHP', 'MAGENTO_TABLE_PREFIX', 'PORT', 'HOST', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT'];

/**
 * Starts the service as `npm start` does (`node --import tsx src/main.ts`) on a free loopback port and
 * waits until it answers `/health` (any status). Its stdout and stderr go to `logFile`.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !BLOCKED.includes(name)) env[name] = value;
  Object.assign(env, options.env ?? {}, {
    PORT: String(port),
    HOST: '127.0.0.1',
    MAGENTO_VAR_DIR: options.varDir,
    MAGENTO_CRYPT_KEY: options.cryptKey,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const fd = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/main.ts'], { cwd: ROOT_DIR, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (gone) throw new Error(`the service exited during boot:\n${readFileSync(options.logFile, 'utf8').slice(-2000)}`);
    if (await answers(`${url}/health`)) break;
    if (i >= BOOT_POLLS) {
      child.kill('SIGKILL');
      throw new Error(`the service did not answer:\n${readFileSync(options.logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    pid: child.pid as number,
    port,
    url,
    logFile: options.logFile,
    exited,
    isRunning: () => !gone,
    signal: (signal) => {
      if (!gone) child.kill(signal);
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
    log: () => readFileSync(options.logFile, 'utf8'),
  };
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.setTimeout(5000, () => req.destroy());
    req.end();
  });
}
