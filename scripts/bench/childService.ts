import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServiceOptions {
  /** Entry file relative to the project root, e.g. `src/main.ts`. */
  readonly entry: string;
  /** Extra variables on top of a cleaned copy of this process's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Where the child's stdout and stderr go (the service logs one JSON line per request). */
  readonly logFile: string;
  /** Path polled until the first answer (any HTTP status counts as "booted"). */
  readonly probePath: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** Give up waiting for the first answer after this long. */
  readonly bootTimeoutMs?: number;
}

export interface ChildService {
  readonly pid: number;
  readonly url: string;
  /** Spawn → first HTTP answer on `probePath`, in milliseconds. */
  readonly bootMs: number;
  /** Current resident set size (VmRSS), KiB. */
  rssKb(): number;
  /** Peak resident set size since the start (VmHWM), KiB. */
  peakRssKb(): number;
  /** CPU time used so far, all threads, user + system, milliseconds. */
  cpuMs(): number;
  /** SIGTERM, then wait for the exit; returns the exit code (null when killed by a signal). */
  stop(): Promise<number | null>;
}

/** Variables that would switch the child's database or mode behind the bench's back. */
const INHERITED_BLOCKLIST = ['DATABASE_URL', 'TEST_DATABASE_URL', 'MAGENTO_ENV_PHP', 'MAGENTO_TABLE_PREFIX', 'PORT', 'NODE_OPTIONS'];

/** A TCP port nobody listens on right now (the child binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node <entry>` (with `--import tsx` for a `.ts` entry) on a free loopback port and waits for its first answer. */
export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !INHERITED_BLOCKLIST.includes(name)) env[name] = value;
  }
  Object.assign(env, options.env, { PORT: String(port), HOST: '127.0.0.1' });
  const log = openSync(options.logFile, 'a');
  const started = process.hrtime.bigint();
  const loader = options.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...loader, options.entry], {
    cwd: ROOT_DIR,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForFirstAnswer(child, url + options.probePath, options.bootTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${options.entry} did not answer; see ${options.logFile}`, { cause: error });
  }
  const bootMs = Number(process.hrtime.bigint() - started) / 1e6;
  const pid = child.pid as number;
  return {
    pid,
    url,
    bootMs,
    rssKb: () => procStatusKb(pid, 'VmRSS'),
    peakRssKb: () => procStatusKb(pid, 'VmHWM'),
    cpuMs: () => procCpuMs(pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls every few milliseconds; a refused connection means "not yet". */
async function waitForFirstAnswer(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await answers(url)) return;
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
    req.end();
  });
}

/** A `Vm*:   12345 kB` line of /proc/<pid>/status (Linux); 0 when the process is gone. */
export function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, counted after the parenthesised command name). */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return 0;
  }
}
