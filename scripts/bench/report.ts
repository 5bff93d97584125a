import type { LoadResult } from './load.ts';

export type Endpoint = 'hello' | 'adminToken' | 'generate' | 'validate' | 'exchange' | 'customersMe' | 'auditLatest' | 'auditByCustomer';

export const ENDPOINT_LABELS: Readonly<Record<Endpoint, string>> = {
  hello: 'bare Express GET /hello',
  adminToken: 'POST /V1/integration/admin/token',
  generate: 'POST /V1/login-as-customer/secret',
  validate: 'POST …/secret/validate',
  exchange: 'POST /V1/login-as-customer/token',
  customersMe: 'GET /V1/customers/me',
  auditLatest: 'GET …/log latest page (time DESC)',
  auditByCustomer: 'GET …/log by customer',
};

/** The targets (2 cores, same run). */
export const TARGETS = Object.freeze({
  exchangeRatio: 0.35,
  customersMeRatio: 0.6,
  p99AtTopConcurrencyMs: 25,
  bootMs: 1000,
  rssMb: 200,
  /** MySQL: the service against the hand-written floor (issue 13). */
  floorRatio: 1.0,
  /** Large history against a fresh shop (issue 13). */
  historyRatio: 0.8,
});

export interface Measurement extends LoadResult {
  /** `floor`: the hand-written Express + mysql2 server (scripts/bench/floor.ts) on the MySQL database. */
  readonly database: 'bare' | 'sqlite' | 'mysql' | 'floor';
  /** `history`: the service on the large-history database (scripts/bench/history.ts); otherwise a fresh shop. */
  readonly shop?: 'fresh' | 'history';
  readonly endpoint: Endpoint;
  /** requests/s divided by the bare route's at the same concurrency. */
  readonly ratio: number | null;
  /** MySQL service rows: requests/s divided by the floor's, same endpoint and concurrency, same run. */
  readonly floorRatio?: number | null;
  /** History rows: requests/s divided by the fresh shop's, measured alternately with it. */
  readonly freshRatio?: number | null;
  /** Highest resident set size of the service during this run (VmRSS sampled every 50 ms), MiB. */
  readonly rssMb: number | null;
  /**
   * CPU time the service process used per answered request during this run, microseconds. Less sensitive
   * than requests/s to other work on the machine, so it is the figure to compare before/after a change.
   */
  readonly cpuUsPerRequest: number | null;
}

export interface DatabaseRun {
  readonly database: 'sqlite' | 'mysql';
  /** First start: schema install and (embedded) demo seeding included. */
  readonly coldBootMs: number;
  /** Second start on the same database. */
  readonly warmBootMs: number;
  /** VmHWM of the service process over its life (boot included), MiB. */
  readonly peakRssMb: number;
  /** Issued secrets and tokens found in the service's log (must be 0). */
  readonly leakedCredentials: number;
  readonly exitCode: number | null;
}

export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly nproc: number; readonly cpu: string; readonly memoryMb: number; readonly node: string; readonly platform: string };
  readonly settings: {
    readonly levels: readonly number[];
    readonly durationS: number;
    readonly poolSize: number;
    readonly floor?: boolean;
    /** The large history's sizes, when that case ran. */
    readonly history?: Readonly<Record<string, number>> | null;
  };
  /** 1-minute load average at start and end: other work on the machine skews requests/s (not CPU per request). */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly bareBootMs: number;
  readonly runs: readonly DatabaseRun[];
  readonly measurements: readonly Measurement[];
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The Markdown table printed at the end and pasted into docs/performance.md. */
export function formatTable(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(
    `| ${pad('database', 8)} | ${pad('shop', 7)} | ${pad('endpoint', 34)} | ${lpad('conc', 4)} | ${lpad('req/s', 7)} | ${lpad('p50 ms', 7)} | ${lpad('p99 ms', 7)} | ${lpad('× bare', 6)} | ${lpad('× floor', 7)} | ${lpad('× fresh', 7)} | ${lpad('CPU µs/req', 10)} | ${lpad('non-2xx', 7)} | ${lpad('RSS MB', 6)} |`,
  );
  lines.push(
    `|${'-'.repeat(10)}|${'-'.repeat(9)}|${'-'.repeat(36)}|${'-'.repeat(5)}:|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(7)}:|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(11)}:|${'-'.repeat(8)}:|${'-'.repeat(7)}:|`,
  );
  const fixed = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toFixed(2));
  for (const m of report.measurements) {
    lines.push(
      `| ${pad(m.database, 8)} | ${pad(m.database === 'bare' || m.database === 'floor' ? '' : (m.shop ?? 'fresh'), 7)} | ${pad(ENDPOINT_LABELS[m.endpoint], 34)} | ${lpad(String(m.connections), 4)} | ${lpad(m.rps.toFixed(0), 7)} | ${lpad(m.p50.toFixed(2), 7)} | ${lpad(m.p99.toFixed(2), 7)} | ${lpad(fixed(m.ratio), 6)} | ${lpad(fixed(m.floorRatio), 7)} | ${lpad(fixed(m.freshRatio), 7)} | ${lpad(m.cpuUsPerRequest === null ? '' : String(m.cpuUsPerRequest), 10)} | ${lpad(String(m.non2xx + m.errors), 7)} | ${lpad(m.rssMb === null ? '' : m.rssMb.toFixed(0), 6)} |`,
    );
  }
  return lines.join('\n');
}

/** One line per target and database: the figure and whether it meets the target. */
export function formatTargets(report: BenchReport): string {
  const lines: string[] = [];
  const top = Math.max(...report.settings.levels);
  const mark = (ok: boolean): string => (ok ? 'meets' : 'MISSES');
  for (const run of report.runs) {
    const of = (endpoint: Endpoint) => report.measurements.filter((m) => m.database === run.database && m.endpoint === endpoint && m.shop !== 'history');
    for (const [endpoint, target] of [
      ['exchange', TARGETS.exchangeRatio],
      ['customersMe', TARGETS.customersMeRatio],
    ] as const) {
      for (const m of of(endpoint)) {
        if (m.ratio === null) continue;
        lines.push(`${run.database}: ${ENDPOINT_LABELS[endpoint]} at ${m.connections}: ${m.ratio.toFixed(2)}× bare (target ≥ ${target}) ${mark(m.ratio >= target)}`);
      }
    }
    for (const m of report.measurements.filter((x) => x.database === run.database && x.connections === top && x.shop !== 'history')) {
      lines.push(`${run.database}: ${ENDPOINT_LABELS[m.endpoint]} p99 at ${top}: ${m.p99.toFixed(1)} ms (target < ${TARGETS.p99AtTopConcurrencyMs}) ${mark(m.p99 < TARGETS.p99AtTopConcurrencyMs)}`);
    }
    for (const m of report.measurements.filter((x) => x.database === run.database && x.floorRatio !== undefined && x.floorRatio !== null)) {
      lines.push(`${run.database}: ${ENDPOINT_LABELS[m.endpoint]} at ${m.connections}: ${(m.floorRatio as number).toFixed(2)}× the hand-written floor (target ≥ ${TARGETS.floorRatio}) ${mark((m.floorRatio as number) >= TARGETS.floorRatio)}`);
    }
    for (const m of report.measurements.filter((x) => x.database === run.database && x.shop === 'history' && x.freshRatio !== undefined && x.freshRatio !== null)) {
      lines.push(`${run.database}: ${ENDPOINT_LABELS[m.endpoint]} at ${m.connections}, large history: ${(m.freshRatio as number).toFixed(2)}× a fresh shop (target ≥ ${TARGETS.historyRatio}) ${mark((m.freshRatio as number) >= TARGETS.historyRatio)}`);
    }
    lines.push(`${run.database}: boot to first answer: cold ${run.coldBootMs.toFixed(0)} ms, warm ${run.warmBootMs.toFixed(0)} ms (target < ${TARGETS.bootMs}) ${mark(run.warmBootMs < TARGETS.bootMs)}`);
    const peakOf = (filter: (m: Measurement) => boolean): number =>
      Math.max(0, ...report.measurements.filter((m) => m.database === run.database && filter(m)).map((m) => m.rssMb ?? 0));
    const flowPeak = peakOf((m) => m.endpoint !== 'adminToken' && m.shop !== 'history');
    lines.push(`${run.database}: peak RSS under Login-as-Customer and customers/me load ${flowPeak.toFixed(0)} MB (target < ${TARGETS.rssMb}) ${mark(flowPeak < TARGETS.rssMb)}`);
    lines.push(`${run.database}: peak RSS under admin-token load (Argon2id, 64 MiB per hash) ${peakOf((m) => m.endpoint === 'adminToken').toFixed(0)} MB; VmHWM over the whole run ${run.peakRssMb.toFixed(0)} MB`);
    lines.push(`${run.database}: issued secrets/tokens found in the service log: ${run.leakedCredentials}; exit code after SIGTERM: ${run.exitCode}`);
  }
  return lines.join('\n');
}
