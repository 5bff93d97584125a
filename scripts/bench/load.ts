import autocannon from 'autocannon';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds; ignored when `amount` is set. */
  readonly durationS: number;
  /** Exactly this many requests (used where every request must carry its own secret). */
  readonly amount?: number;
  /** The request to send; called once per request actually sent (autocannon's setupRequest hook). */
  readonly next: () => LoadRequest;
  /** Every response body with its status (autocannon's onResponse hook). */
  readonly onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  readonly connections: number;
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** 2xx answers per second of wall time. */
  readonly rps: number;
  /**
   * Latency percentiles, milliseconds (autocannon's own histogram keeps whole ms only), of every answer but
   * each connection's first: a run opens all its connections at once and the first answers queue behind
   * the TCP set-up (hundreds of ms at 32 connections on 2 shared cores), which is not the service's latency.
   * Generate and exchange start a fresh run per round, so this matters most there.
   */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Sums several runs at one concurrency (e.g. generate/exchange rounds) into one figure. */
export class LoadCollector {
  private readonly latencies: number[] = [];
  private readonly statusCodes: Record<string, number> = {};
  private ok = 0;
  private errors = 0;
  private firstAnswers = 0;
  private seconds = 0;

  constructor(readonly connections: number) {}

  get elapsedSeconds(): number {
    return this.seconds;
  }

  /** `first`: the connection's first answer, which carries its TCP set-up; counted, but kept out of the latencies. */
  answer(statusCode: number, latencyMs: number, first = false): void {
    if (first) this.firstAnswers += 1;
    else this.latencies.push(latencyMs);
    this.statusCodes[statusCode] = (this.statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) this.ok += 1;
  }

  error(): void {
    this.errors += 1;
  }

  addSeconds(seconds: number): void {
    this.seconds += seconds;
  }

  result(): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const requests = sorted.length + this.firstAnswers;
    return {
      connections: this.connections,
      requests,
      ok: this.ok,
      non2xx: requests - this.ok,
      errors: this.errors,
      statusCodes: { ...this.statusCodes },
      seconds: round(this.seconds, 3),
      rps: this.seconds > 0 ? round(this.ok / this.seconds, 1) : 0,
      p50: round(percentile(sorted, 0.5), 2),
      p99: round(percentile(sorted, 0.99), 2),
      max: round(sorted.at(-1) ?? 0, 2),
    };
  }
}

/** One autocannon run through its programmatic API; pass a collector to add it to earlier runs. */
export async function runLoad(options: LoadOptions, collector: LoadCollector = new LoadCollector(options.connections)): Promise<LoadResult> {
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const next = options.next();
    return {
      ...request,
      method: next.method,
      path: next.path,
      headers: { ...request.headers, ...(next.headers ?? {}) },
      ...(next.body !== undefined ? { body: next.body } : {}),
    };
  };
  const request: autocannon.Request = {
    setupRequest,
    ...(options.onResponse ? { onResponse: (status: number, body: string) => options.onResponse?.(status, body) } : {}),
  };
  const started = process.hrtime.bigint();
  let finish: (error: Error | null) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  // The callback form returns the instance (the promise form does not), which the response hook needs.
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationS }),
      timeout: 30,
      requests: [request],
    },
    (error: Error | null) => finish(error),
  );
  // autocannon reports "done" on its next 1 s sampling tick; the last answer marks the real end.
  let lastAnswer = started;
  const answered = new WeakSet<autocannon.Client>();
  instance.on('response', (client: autocannon.Client, statusCode: number, _bytes: number, responseTime: number) => {
    lastAnswer = process.hrtime.bigint();
    collector.answer(statusCode, responseTime, !answered.has(client));
    answered.add(client);
  });
  instance.on('reqError', () => collector.error());
  await done;
  collector.addSeconds(Number(lastAnswer - started) / 1e9);
  return collector.result();
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
