/**
 * `npm run bench`: throughput, latency, CPU per request, boot time and memory of the service next to a
 * bare Express route, on the embedded database and (when DATABASE_URL names a MySQL/MariaDB database) on
 * MySQL. Measurements, not pass/fail: a Markdown table on stdout, JSON in var/bench/.
 *
 * Settings (environment): BENCH_LEVELS (concurrent connections, default "1,8,32"), BENCH_DURATION
 * (seconds per run, default 3), BENCH_POOL (admins, and so live secrets per generate → exchange round,
 * default 500; each admin keeps one row in `login_as_customer`, which Magento's schema does not index by
 * admin, so a pool far larger than a real store's admin count would measure table scans),
 * BENCH_ENDPOINTS (comma list of adminToken,generate,validate,exchange,customersMe; default all),
 * BENCH_CPU_PROF=1 (the service runs under `node --cpu-prof`, profiles in var/bench/profiles/; summarise
 * one with scripts/bench/cpuprofile.ts), BENCH_KEEP=1 (keep the temporary databases and service logs).
 *
 * Issue 13 additions: BENCH_FLOOR (default 1; 0 skips) measures the hand-written Express + mysql2 floor
 * (scripts/bench/floor.ts) right after the service at each level on MySQL and fills "× floor";
 * BENCH_HISTORY (default 1; 0 skips) starts a second service on a large history (scripts/bench/history.ts:
 * 100k customers, 1M consumed secrets, 1M audit entries, 1M Magento log rows, 200 open sessions; MySQL
 * under the table prefix BENCH_HISTORY_PREFIX, default `hist_`, of DATABASE_URL's database; embedded in
 * var/bench/history-sqlite/; loaded once and reused) and measures it alternately with the fresh shop
 * (fresh, history, fresh, history) for validate, exchange and the two audit searches, filling "× fresh";
 * BENCH_HISTORY_SCALE (default 1) scales those sizes, for quick checks.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl, type DatabaseSettings } from '../src/Framework/Config/DeploymentConfig.ts';
import { ROOT_DIR, startChildService, type ChildService } from './bench/childService.ts';
import { BENCH_ADMIN, BENCH_CUSTOMER, prepareFixtures, type BenchFixtures } from './bench/fixtures.ts';
import { LARGE_HISTORY, loadHistory, openHistoryConnection, type HistorySizes } from './bench/history.ts';
import { LoadCollector, runLoad, type LoadRequest, type LoadResult } from './bench/load.ts';
import { formatTable, formatTargets, type BenchReport, type DatabaseRun, type Endpoint, type Measurement } from './bench/report.ts';

/** The service as `npm start` runs it (compiled, `npm run build`); from the sources when dist/ is missing. */
const SERVICE_ENTRY = existsSync(new URL('../dist/main.js', import.meta.url)) ? 'dist/main.js' : 'src/main.ts';

const levels = (process.env.BENCH_LEVELS ?? '1,8,32').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const durationS = Number(process.env.BENCH_DURATION ?? '3');
const poolSize = Number(process.env.BENCH_POOL ?? '500');
const cpuProfile = process.env.BENCH_CPU_PROF === '1';
const keepWorkDir = process.env.BENCH_KEEP === '1';
const ALL_ENDPOINTS: readonly Endpoint[] = ['adminToken', 'generate', 'validate', 'exchange', 'customersMe', 'auditLatest', 'auditByCustomer'];
const floorWanted = process.env.BENCH_FLOOR !== '0';
const historyWanted = process.env.BENCH_HISTORY !== '0';
const historyPrefix = process.env.BENCH_HISTORY_PREFIX ?? 'hist_';
const historyScale = Number(process.env.BENCH_HISTORY_SCALE ?? '1');
const historySizes: HistorySizes = Object.fromEntries(
  Object.entries(LARGE_HISTORY).map(([key, value]) => [key, key === 'admins' ? value : Math.max(1, Math.round(value * historyScale))]),
) as unknown as HistorySizes;
const endpoints = new Set(process.env.BENCH_ENDPOINTS ? process.env.BENCH_ENDPOINTS.split(',').map((s) => s.trim()) : ALL_ENDPOINTS);
const wanted = (endpoint: Endpoint): boolean => endpoints.has(endpoint);
const mysqlUrl = process.env.DATABASE_URL && /^(mysql|mariadb):/i.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
/** Upper bound on generate → exchange rounds per concurrency level. */
const MAX_ROUNDS = 20;

const outDir = join(ROOT_DIR, 'var', 'bench');
const workDir = mkdtempSync(join(tmpdir(), 'lac-bench-'));
const JSON_HEADERS = { 'content-type': 'application/json' };
const measurements: Measurement[] = [];
const bareRps = new Map<number, number>();

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

const toMb = (kb: number): number => Math.round(kb / 102.4) / 10;

/** What the service process did while a run went on. */
interface Observed {
  /** Highest VmRSS sample (every 50 ms), MiB. */
  peakMb: number;
  /** CPU time used, ms. */
  cpuMs: number;
}

/** Runs `work` while sampling the service's memory and CPU time. */
async function observe<T>(service: ChildService, work: () => Promise<T>): Promise<{ value: T } & Observed> {
  let peak = service.rssKb();
  const cpuBefore = service.cpuMs();
  const timer = setInterval(() => {
    peak = Math.max(peak, service.rssKb());
  }, 50);
  try {
    const value = await work();
    peak = Math.max(peak, service.rssKb());
    return { value, peakMb: toMb(peak), cpuMs: service.cpuMs() - cpuBefore };
  } finally {
    clearInterval(timer);
  }
}

function record(
  database: Measurement['database'],
  endpoint: Endpoint,
  result: LoadResult,
  observed: Observed,
  extra: Pick<Measurement, 'shop' | 'floorRatio' | 'freshRatio'> = {},
): number {
  const bare = bareRps.get(result.connections);
  const ratio = database === 'bare' || bare === undefined || bare === 0 ? null : Math.round((result.rps / bare) * 100) / 100;
  const cpuUsPerRequest = result.requests > 0 ? Math.round((observed.cpuMs * 1000) / result.requests) : null;
  measurements.push({ ...result, database, endpoint, ratio, rssMb: observed.peakMb, cpuUsPerRequest, ...extra });
  say(
    `  ${database}${extra.shop === 'history' ? ' (history)' : ''} ${endpoint} c=${result.connections}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms` +
      `${ratio !== null ? `, ${ratio}× bare` : ''}${extra.freshRatio != null ? `, ${extra.freshRatio}× fresh` : ''}, ${cpuUsPerRequest ?? '?'} µs CPU/req, non-2xx ${result.non2xx}, errors ${result.errors}, peak RSS ${observed.peakMb} MB`,
  );
  return measurements.length - 1;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A service child with what the load needs: fixtures, an admin's headers, a customer token. */
interface Shop {
  readonly service: ChildService;
  readonly fixtures: BenchFixtures;
  readonly adminHeaders: Readonly<Record<string, string>>;
  readonly customerToken: string;
}

type ComparedEndpoint = 'customersMe' | 'validate' | 'exchange' | 'auditLatest' | 'auditByCustomer';

/** Every pool admin of the shop generates one secret (not measured). */
async function generateOn(shop: Shop, connections: number): Promise<string[]> {
  const secrets: string[] = [];
  let next = 0;
  const body = JSON.stringify({ customerId: shop.fixtures.customerId });
  await runLoad({
    url: shop.service.url,
    connections,
    durationS,
    amount: shop.fixtures.poolTokens.length,
    next: () => {
      const token = shop.fixtures.poolTokens[next++ % shop.fixtures.poolTokens.length] as string;
      return { method: 'POST', path: '/rest/V1/login-as-customer/secret', headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` }, body };
    },
    onResponse: (status, text) => {
      if (status === 200) secrets.push((JSON.parse(text) as { secret: string }).secret);
    },
  });
  return secrets;
}

/**
 * One measured run of `endpoint` against `target` (the shop's own service, or the floor), with secrets and
 * tokens from `shop`. Exchange runs in rounds (generate unmeasured, then each secret exchanged once) until
 * the run's duration is reached.
 */
async function measureOn(shop: Shop, endpoint: ComparedEndpoint, connections: number, target: ChildService = shop.service): Promise<{ value: LoadResult } & Observed> {
  const url = target.url;
  const auditQuery =
    endpoint === 'auditLatest'
      ? 'searchCriteria[pageSize]=20&searchCriteria[sortOrders][0][field]=time&searchCriteria[sortOrders][0][direction]=DESC'
      : `searchCriteria[pageSize]=20&searchCriteria[filter_groups][0][filters][0][field]=customer_id&searchCriteria[filter_groups][0][filters][0][value]=${shop.fixtures.customerId}`;
  switch (endpoint) {
    case 'customersMe':
      return observe(target, () =>
        runLoad({ url, connections, durationS, next: () => ({ method: 'GET', path: '/rest/V1/customers/me', headers: { authorization: `Bearer ${shop.customerToken}` } }) }),
      );
    case 'auditLatest':
    case 'auditByCustomer':
      return observe(target, () =>
        runLoad({ url, connections, durationS, next: () => ({ method: 'GET', path: `/rest/V1/login-as-customer/log?${auditQuery}`, headers: shop.adminHeaders }) }),
      );
    case 'validate': {
      const secrets = await generateOn(shop, connections);
      let next = 0;
      return observe(target, () =>
        runLoad({
          url,
          connections,
          durationS,
          next: () => ({ method: 'POST', path: '/rest/V1/login-as-customer/secret/validate', headers: shop.adminHeaders, body: JSON.stringify({ secret: secrets[next++ % secrets.length] }) }),
        }),
      );
    }
    case 'exchange': {
      const collector = new LoadCollector(connections);
      const seen: Observed = { peakMb: 0, cpuMs: 0 };
      for (let round = 0; round < MAX_ROUNDS && collector.elapsedSeconds < durationS; round++) {
        const secrets = await generateOn(shop, connections);
        if (secrets.length < connections) break;
        let next = 0;
        const { value: _ignored, ...observed } = await observe(target, () =>
          runLoad(
            {
              url,
              connections,
              durationS,
              amount: secrets.length,
              next: () => ({ method: 'POST', path: '/rest/V1/login-as-customer/token', headers: shop.adminHeaders, body: JSON.stringify({ secret: secrets[next++] }) }),
            },
            collector,
          ),
        );
        seen.peakMb = Math.max(seen.peakMb, observed.peakMb);
        seen.cpuMs += observed.cpuMs;
      }
      return { value: collector.result(), ...seen };
    }
  }
}

/** Two results of one endpoint summed: requests and CPU add up, latencies of the later run stand for both. */
function combine(a: { value: LoadResult } & Observed, b: { value: LoadResult } & Observed): { value: LoadResult } & Observed {
  const seconds = a.value.seconds + b.value.seconds;
  const ok = a.value.ok + b.value.ok;
  const statusCodes: Record<string, number> = { ...a.value.statusCodes };
  for (const [code, n] of Object.entries(b.value.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    value: {
      ...b.value,
      requests: a.value.requests + b.value.requests,
      ok,
      non2xx: a.value.non2xx + b.value.non2xx,
      errors: a.value.errors + b.value.errors,
      statusCodes,
      seconds,
      rps: seconds > 0 ? Math.round(ok / seconds) : 0,
      p50: Math.round(((a.value.p50 + b.value.p50) / 2) * 100) / 100,
      p99: Math.max(a.value.p99, b.value.p99),
      max: Math.max(a.value.max, b.value.max),
    },
    peakMb: Math.max(a.peakMb, b.peakMb),
    cpuMs: a.cpuMs + b.cpuMs,
  };
}

/** Signs in the bench admin and customer on a started service (the service has seen the fixtures). */
async function openShop(service: ChildService, fixtures: BenchFixtures): Promise<Shop> {
  const api = `${service.url}/rest/V1`;
  const adminToken = (await post(`${api}/integration/admin/token`, BENCH_ADMIN)) as string;
  const customerToken = (await post(`${api}/integration/customer/token`, { username: BENCH_CUSTOMER.email, password: BENCH_CUSTOMER.password })) as string;
  return { service, fixtures, adminHeaders: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` }, customerToken };
}

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

async function benchBare(): Promise<number> {
  say('bare Express route');
  const service = await startChildService({ entry: 'scripts/bench/hello.ts', env: {}, logFile: join(workDir, 'hello.log'), probePath: '/hello' });
  const hello = (): LoadRequest => ({ method: 'GET', path: '/hello' });
  await runLoad({ url: service.url, connections: 8, durationS: 1, next: hello });
  for (const connections of levels) {
    const { value, ...observed } = await observe(service, () => runLoad({ url: service.url, connections, durationS, next: hello }));
    bareRps.set(connections, value.rps);
    record('bare', 'hello', value, observed);
  }
  await service.stop();
  return service.bootMs;
}

async function ensureMysqlDatabase(settings: Extract<DatabaseSettings, { kind: 'mysql' }>): Promise<void> {
  const connection = await createConnection({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    ...(settings.socketPath ? { socketPath: settings.socketPath } : {}),
  });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${settings.database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
}

/** The hand-written floor on the service's MySQL database and crypt key (config cached by the service's fixtures). */
async function startFloor(serviceEnv: Readonly<Record<string, string>>, varDir: string): Promise<ChildService> {
  say('  hand-written floor (Express + mysql2)');
  return startChildService({
    entry: 'scripts/bench/floor.ts',
    env: { DATABASE_URL: serviceEnv.DATABASE_URL ?? '', MAGENTO_CRYPT_KEY: serviceEnv.MAGENTO_CRYPT_KEY ?? '', MAGENTO_TABLE_PREFIX: '' },
    logFile: join(varDir, 'floor.log'),
    probePath: '/health',
  });
}

/**
 * A second service on the large history: MySQL under its own table prefix, embedded in a file kept under
 * var/bench/ — loaded once (minutes on MySQL), reused by later runs with the same sizes.
 */
async function startHistoryShop(kind: 'sqlite' | 'mysql', cryptKey: string, varDir: string): Promise<Shop> {
  const historyDir = kind === 'mysql' ? join(varDir, 'history') : join(outDir, 'history-sqlite');
  mkdirSync(historyDir, { recursive: true });
  let database: DatabaseSettings = { kind: 'sqlite', path: join(historyDir, 'magento.sqlite') };
  const env: Record<string, string> = { MAGENTO_VAR_DIR: historyDir, MAGENTO_CRYPT_KEY: cryptKey };
  let prefix = '';
  if (kind === 'mysql' && mysqlUrl) {
    database = parseMysqlUrl(mysqlUrl);
    prefix = historyPrefix;
    Object.assign(env, { DATABASE_URL: mysqlUrl, MAGENTO_TABLE_PREFIX: prefix });
  }
  say(`  large history (${kind}${prefix ? `, prefix ${prefix}` : `, ${historyDir}`}): ${JSON.stringify(historySizes)}`);
  const db = openHistoryConnection(database, prefix);
  try {
    say((await loadHistory(db, historySizes, say)) ? '  history loaded' : '  history already loaded, reused');
  } finally {
    await db.close();
  }
  const fixtures = await prepareFixtures(database, cryptKey, historyDir, poolSize, prefix);
  const service = await startChildService({ entry: SERVICE_ENTRY, env, logFile: join(historyDir, 'service.log'), probePath: '/health' });
  const shop = await openShop(service, fixtures);
  // Warm-up, as the fresh shop had: the JIT and the statement caches, outside the figures.
  for (const endpoint of ['validate', 'customersMe', 'auditLatest', 'auditByCustomer'] as const) await measureOn(shop, endpoint, 8);
  return shop;
}

async function benchDatabase(kind: 'sqlite' | 'mysql'): Promise<DatabaseRun> {
  say(`service on ${kind}`);
  const varDir = join(workDir, kind);
  mkdirSync(varDir, { recursive: true });
  const cryptKey = `base64${randomBytes(32).toString('base64')}`;
  let database: DatabaseSettings = { kind: 'sqlite', path: join(varDir, 'magento.sqlite') };
  const env: Record<string, string> = { MAGENTO_VAR_DIR: varDir, MAGENTO_CRYPT_KEY: cryptKey };
  if (kind === 'mysql' && mysqlUrl) {
    const settings = parseMysqlUrl(mysqlUrl);
    if (settings.kind !== 'mysql') throw new Error('DATABASE_URL is not a MySQL URL');
    await ensureMysqlDatabase(settings);
    database = settings;
    env.DATABASE_URL = mysqlUrl;
  }
  const logFile = join(varDir, 'service.log');
  const start = () =>
    startChildService({
      entry: SERVICE_ENTRY,
      env,
      logFile,
      probePath: '/health',
      ...(cpuProfile ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${join(outDir, 'profiles')}`] } : {}),
    });

  // Cold: the first start creates the schema (and, embedded, seeds the demo accounts). Warm: a restart.
  const cold = await start();
  await cold.stop();
  const service = await start();
  say(`  boot to first answer: cold ${cold.bootMs.toFixed(0)} ms, warm ${service.bootMs.toFixed(0)} ms`);

  const fixtures = await prepareFixtures(database, cryptKey, varDir, poolSize);
  const api = `${service.url}/rest/V1`;
  const adminToken = (await post(`${api}/integration/admin/token`, BENCH_ADMIN)) as string;
  const customerToken = (await post(`${api}/integration/customer/token`, { username: BENCH_CUSTOMER.email, password: BENCH_CUSTOMER.password })) as string;
  const adminHeaders = { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` };
  const issued: string[] = [adminToken, customerToken];

  const adminTokenRequest = (): LoadRequest => ({ method: 'POST', path: '/rest/V1/integration/admin/token', headers: JSON_HEADERS, body: JSON.stringify(BENCH_ADMIN) });
  const meRequest = (): LoadRequest => ({ method: 'GET', path: '/rest/V1/customers/me', headers: { authorization: `Bearer ${customerToken}` } });
  const secretRequest = (path: string, secrets: readonly string[], cycle: boolean) => {
    let next = 0;
    return (): LoadRequest => {
      const secret = cycle ? secrets[next++ % secrets.length] : secrets[Math.min(next++, secrets.length - 1)];
      return { method: 'POST', path, headers: adminHeaders, body: JSON.stringify({ secret }) };
    };
  };
  /** Every pool admin generates one secret, so every answer is a live secret (an admin's newer one supersedes the older). */
  const generateSecrets = async (connections: number, collector: LoadCollector): Promise<string[]> => {
    const secrets: string[] = [];
    let next = 0;
    const body = JSON.stringify({ customerId: fixtures.customerId });
    await runLoad(
      {
        url: service.url,
        connections,
        durationS,
        amount: fixtures.poolTokens.length,
        next: () => {
          const token = fixtures.poolTokens[next++ % fixtures.poolTokens.length] as string;
          return { method: 'POST', path: '/rest/V1/login-as-customer/secret', headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` }, body };
        },
        onResponse: (status, text) => {
          if (status === 200) secrets.push((JSON.parse(text) as { secret: string }).secret);
        },
      },
      collector,
    );
    return secrets;
  };
  /** Secrets are exchanged once each, fed to autocannon one per request. */
  const exchangeSecrets = (connections: number, secrets: readonly string[], collector: LoadCollector) =>
    runLoad(
      {
        url: service.url,
        connections,
        durationS,
        amount: secrets.length,
        next: secretRequest('/rest/V1/login-as-customer/token', secrets, false),
        onResponse: (status, text) => {
          if (status === 200 && issued.length < 400) issued.push(JSON.parse(text) as string);
        },
      },
      collector,
    );

  // Warm-up: the JIT and the statement caches, outside the figures.
  const warm = await generateSecrets(8, new LoadCollector(8));
  await runLoad({ url: service.url, connections: 8, durationS: 1, next: secretRequest('/rest/V1/login-as-customer/secret/validate', warm, true) });
  await runLoad({ url: service.url, connections: 8, durationS: 1, next: meRequest });

  const fresh: Shop = { service, fixtures, adminHeaders, customerToken };
  const floor = kind === 'mysql' && floorWanted ? await startFloor(env, varDir) : undefined;
  const history = historyWanted ? await startHistoryShop(kind, cryptKey, varDir) : undefined;

  for (const connections of levels) {
    if (wanted('generate') || wanted('validate') || wanted('exchange')) {
      // Rounds of "every pool admin generates one secret, then each secret is exchanged once", until the
      // exchanges add up to the run's duration; validate runs once, on the first round's secrets.
      const generated = new LoadCollector(connections);
      const exchanged = new LoadCollector(connections);
      const generateSeen: Observed = { peakMb: 0, cpuMs: 0 };
      const exchangeSeen: Observed = { peakMb: 0, cpuMs: 0 };
      const add = (into: Observed, seen: Observed): void => {
        into.peakMb = Math.max(into.peakMb, seen.peakMb);
        into.cpuMs += seen.cpuMs;
      };
      let validate: ({ value: LoadResult } & Observed) | undefined;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const { value: secrets, ...seen } = await observe(service, () => generateSecrets(connections, generated));
        add(generateSeen, seen);
        issued.push(...secrets.slice(0, 20));
        if (validate === undefined && wanted('validate')) {
          validate = await observe(service, () =>
            runLoad({ url: service.url, connections, durationS, next: secretRequest('/rest/V1/login-as-customer/secret/validate', secrets, true) }),
          );
        }
        if (wanted('exchange') && secrets.length >= connections) {
          const { value: _result, ...exchangeRound } = await observe(service, () => exchangeSecrets(connections, secrets, exchanged));
          add(exchangeSeen, exchangeRound);
        }
        if ((wanted('exchange') ? exchanged : generated).elapsedSeconds >= durationS) break;
      }
      if (wanted('generate')) record(kind, 'generate', generated.result(), generateSeen);
      if (validate !== undefined) record(kind, 'validate', validate.value, validate);
      if (wanted('exchange')) record(kind, 'exchange', exchanged.result(), exchangeSeen);
    }
    if (wanted('customersMe')) {
      const { value, ...observed } = await observe(service, () => runLoad({ url: service.url, connections, durationS, next: meRequest }));
      record(kind, 'customersMe', value, observed);
    }
    // The floor right after the service at this level, on the same database and secrets.
    for (const endpoint of floor ? (['customersMe', 'validate', 'exchange'] as const) : []) {
      if (!wanted(endpoint) || !floor) continue;
      const { value, ...observed } = await measureOn(fresh, endpoint, connections, floor);
      record('floor', endpoint, value, observed);
      const i = measurements.findIndex((m) => m.database === kind && m.endpoint === endpoint && m.connections === connections && m.shop === undefined);
      const own = measurements[i];
      if (own && value.rps > 0) measurements[i] = { ...own, floorRatio: round2(own.rps / value.rps) };
    }
    // The large history, alternately with the fresh shop: fresh, history, fresh, history.
    for (const endpoint of history ? (['validate', 'exchange', 'auditByCustomer', 'auditLatest'] as const) : []) {
      if (!wanted(endpoint) || !history) continue;
      const a1 = await measureOn(fresh, endpoint, connections);
      const h1 = await measureOn(history, endpoint, connections);
      const a2 = await measureOn(fresh, endpoint, connections);
      const h2 = await measureOn(history, endpoint, connections);
      const a = combine(a1, a2);
      const h = combine(h1, h2);
      say(`  ${kind} ${endpoint} c=${connections} alternating req/s: fresh ${a1.value.rps}, history ${h1.value.rps}, fresh ${a2.value.rps}, history ${h2.value.rps}`);
      if (endpoint === 'auditByCustomer' || endpoint === 'auditLatest') record(kind, endpoint, a.value, a, { shop: 'fresh' });
      const { value, ...observed } = h;
      record(kind, endpoint, value, observed, { shop: 'history', freshRatio: a.value.rps > 0 ? round2(value.rps / a.value.rps) : null });
    }
  }
  if (floor) await floor.stop();
  if (history) await history.service.stop();
  // Last, so that Argon2's 64 MiB per hash does not show in the other runs' memory figures.
  if (wanted('adminToken')) {
    for (const connections of levels) {
      const { value, ...observed } = await observe(service, () => runLoad({ url: service.url, connections, durationS, next: adminTokenRequest }));
      record(kind, 'adminToken', value, observed);
    }
  }

  const peakRssMb = toMb(service.peakRssKb());
  const exitCode = await service.stop();
  return {
    database: kind,
    coldBootMs: Math.round(cold.bootMs),
    warmBootMs: Math.round(service.bootMs),
    peakRssMb,
    leakedCredentials: countLeaks(readFileSync(logFile, 'utf8'), issued, [BENCH_ADMIN.password, BENCH_CUSTOMER.password]),
    exitCode,
  };
}

/** Tokens, secrets and passwords the bench handed to the service that show up in its log (should be none). */
function countLeaks(log: string, issued: readonly string[], passwords: readonly string[]): number {
  const found = new Set<string>();
  for (const match of log.matchAll(/eyJ[\w-]+\.[\w-]+\.[\w-]+|\d+:3:[A-Za-z0-9+/=]{40,}/g)) found.add(match[0]);
  let leaks = 0;
  for (const value of issued) if (found.has(value)) leaks += 1;
  for (const password of passwords) if (log.includes(password)) leaks += 1;
  return leaks;
}

function machine(): BenchReport['machine'] {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return { nproc: cpus().length, cpu, memoryMb: Math.round(totalmem() / 1048576), node: process.version, platform: `${process.platform} ${process.arch}` };
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const bareBootMs = await benchBare();
    const runs: DatabaseRun[] = [await benchDatabase('sqlite')];
    if (mysqlUrl) runs.push(await benchDatabase('mysql'));
    else say('DATABASE_URL not set (mysql://…): MySQL run skipped');
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(),
      settings: { levels, durationS, poolSize, floor: floorWanted && mysqlUrl !== undefined, history: historyWanted ? { ...historySizes } : null },
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      bareBootMs: Math.round(bareBootMs),
      runs,
      measurements,
    };
    const json = JSON.stringify(report, null, 2);
    const stamp = report.date.replace(/[:.]/g, '-');
    writeFileSync(join(outDir, `bench-${stamp}.json`), json);
    writeFileSync(join(outDir, 'latest.json'), json);
    process.stdout.write(`\n${formatTable(report)}\n\n${formatTargets(report)}\n`);
    process.stdout.write(`\nbench took ${Math.round((Date.now() - started) / 1000)} s; 1-min load average ${report.loadAverage.before} → ${report.loadAverage.after}; JSON in var/bench/latest.json\n`);
  } finally {
    if (keepWorkDir) say(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
