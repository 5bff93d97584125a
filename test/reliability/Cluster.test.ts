/**
 * scripts/cluster.ts on MariaDB: two workers share the port and both serve, a worker that dies is
 * replaced while the other keeps serving, and SIGTERM drains every worker and exits 0.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../support/databases.ts';
import { newCryptKey, ReliabilityFixtures, type CustomerFixture } from './support/fixtures.ts';
import { HANG_LIMIT_MS } from './support/http.ts';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess.ts';

const url = mysqlTestUrl();
const WORKERS = 2;

/** One GET on a fresh connection (the cluster hands out connections, not requests). */
function getOnNewConnection(port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(HANG_LIMIT_MS, () => req.destroy(new Error('no answer (hang)')));
    req.end();
  });
}

interface LogLine {
  pid?: number;
  msg?: string;
}

function logLines(service: ServiceProcess): LogLine[] {
  return service
    .log()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        return {};
      }
    });
}

const listeningPids = (service: ServiceProcess): number[] =>
  logLines(service).filter((l) => l.msg === 'Magento REST service listening' && l.pid !== undefined).map((l) => l.pid as number);

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(condition(), what);
}

describe('scripts/cluster.ts [mysql]', () => {
  if (url === undefined) {
    it('runs several workers on one database', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lac-rel-cluster-'));
  let fixtures: ReliabilityFixtures;
  let service: ServiceProcess;
  let customer: CustomerFixture;
  let token: string;

  before(async () => {
    const cryptKey = newCryptKey();
    fixtures = await ReliabilityFixtures.open(url, cryptKey);
    customer = await fixtures.createCustomer();
    token = await fixtures.customerToken(customer.customerId);
    service = await startServiceProcess({
      entry: 'scripts/cluster.ts',
      databaseUrl: url,
      varDir: dir,
      cryptKey,
      logFile: join(dir, 'cluster.log'),
      env: { WEB_CONCURRENCY: String(WORKERS) },
    });
  });
  after(async () => {
    await service?.stop();
    await fixtures?.close();
    if (process.env.KEEP_RELIABILITY_LOGS) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  });

  it('serves from every worker, replaces a dead one, and drains all on SIGTERM', async () => {
    await waitFor(() => listeningPids(service).length >= WORKERS, 'every worker listens');
    /** Requests on fresh connections until every worker has answered one (the kernel picks the worker), at most 100. */
    const served = async (): Promise<Set<number>> => {
      const before = logLines(service).length;
      const pids = () => new Set(logLines(service).slice(before).filter((l) => l.msg === 'rest request').map((l) => l.pid as number));
      for (let i = 0; i < 100 && (i < 10 || pids().size < WORKERS); i++) {
        assert.equal(await getOnNewConnection(service.port, '/rest/V1/customers/me', token), 200);
      }
      return pids();
    };
    const first = await served();
    assert.equal(first.size, WORKERS, `requests were served by ${first.size} worker(s)`);

    // A worker dies hard; the other keeps answering and the primary starts a replacement.
    const [victim] = listeningPids(service);
    process.kill(victim as number, 'SIGKILL');
    assert.equal(await getOnNewConnection(service.port, '/rest/V1/customers/me', token), 200);
    await waitFor(() => listeningPids(service).length >= WORKERS + 1, 'a replacement worker listens');
    const replaced = await served();
    assert.ok(!replaced.has(victim as number) && replaced.size === WORKERS, `served by ${[...replaced].join(', ')}`);

    assert.deepEqual(await service.stop(), { code: 0, signal: null });
    assert.equal(logLines(service).filter((l) => l.msg === 'draining in-flight requests').length, WORKERS);
  });
});
