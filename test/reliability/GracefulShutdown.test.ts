/**
 * SIGTERM under load, on the service as `npm start` runs it (embedded database, so this needs no MySQL).
 * Requests provably in flight when the signal arrives — their bodies are only half sent — must still be
 * answered, new connections must be refused while they drain, and the process must exit with code 0.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../src/Model/Identity/DemoSeeder.ts';
import { newCryptKey } from './support/fixtures.ts';
import { call, HANG_LIMIT_MS } from './support/http.ts';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess.ts';

const IN_FLIGHT = 4;
const LOAD_WORKERS = 4;

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** A POST whose headers and first half of the body are sent now, the rest when `finish()` is called. */
function halfSentPost(port: number, path: string, body: string): { finish(): void; answer: Promise<Answer> } {
  const bytes = Buffer.from(body, 'utf8');
  const half = Math.floor(bytes.length / 2);
  let req: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': bytes.length } },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(HANG_LIMIT_MS, () => req.destroy(new Error('no answer (hang)')));
    req.write(bytes.subarray(0, half));
  });
  // Awaited by the test; this keeps an early assertion failure from also reporting an unhandled rejection.
  answer.catch(() => undefined);
  let finished = false;
  return {
    finish: () => {
      if (finished) return;
      finished = true;
      req.end(bytes.subarray(half));
    },
    answer,
  };
}

/** Resolves with the connect error code, or null when a TCP connection could be opened. */
function tryConnect(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('SIGTERM under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lac-rel-sigterm-'));
  let service: ServiceProcess;

  before(async () => {
    service = await startServiceProcess({ varDir: dir, cryptKey: newCryptKey(), logFile: join(dir, 'service.log') });
  });
  after(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes in-flight requests, refuses new connections while draining, and exits with 0', async () => {
    const { admin, customer } = DEMO_CREDENTIALS;
    const tokenReply = await call(service.url, 'POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: customer.password } });
    assert.equal(tokenReply.status, 200, tokenReply.text);
    const customerToken = tokenReply.body as string;

    // Background load: customers/me in a loop until the service goes away.
    let signalled = false;
    const seen = { ok: 0, other: [] as number[], errorsBeforeSignal: 0, errorsAfterSignal: 0 };
    const workers = Array.from({ length: LOAD_WORKERS }, async () => {
      for (let i = 0; i < 100_000; i++) {
        try {
          const reply = await call(service.url, 'GET', '/rest/V1/customers/me', { token: customerToken });
          if (reply.status === 200) seen.ok += 1;
          else seen.other.push(reply.status);
        } catch (error) {
          // A hang is a failure whenever it happens; a refused or reset connection is expected once draining.
          if (error instanceof Error && /hang/.test(error.message)) throw error;
          if (signalled) seen.errorsAfterSignal += 1;
          else seen.errorsBeforeSignal += 1;
          if (signalled) return;
        }
        if (!service.isRunning()) return;
      }
    });

    // Requests in flight: headers and half of each body are on the wire, so the service is reading them.
    const inFlight = Array.from({ length: IN_FLIGHT }, () =>
      halfSentPost(service.port, '/rest/V1/integration/admin/token', JSON.stringify({ username: admin.username, password: admin.password })),
    );
    // Connections are accepted in order: once later ones have been answered, the half-sent requests have been
    // accepted and their headers parsed (each is now waiting for the rest of its body).
    for (let i = 0; i < 2; i++) assert.equal((await call(service.url, 'GET', '/health')).status, 200);
    assert.ok(seen.ok > 0, 'the background load is running');

    signalled = true;
    service.signal('SIGTERM');

    let answers: Answer[];
    try {
      // New connections are refused while the in-flight requests are still open. (One that lands in the
      // accept queue just as the listener closes is reset instead: not served either, so keep trying.)
      let outcome: string | null = null;
      for (let attempt = 0; attempt < 200 && outcome !== 'ECONNREFUSED'; attempt++) {
        outcome = await tryConnect(service.port);
        if (outcome !== 'ECONNREFUSED') await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.equal(outcome, 'ECONNREFUSED', 'new connections are refused once draining');
      assert.ok(service.isRunning(), 'the process waits for its in-flight requests');
    } finally {
      for (const request of inFlight) request.finish();
      answers = await Promise.all(inFlight.map((r) => r.answer));
    }
    for (const answer of answers) {
      assert.equal(answer.status, 200, answer.body);
      assert.match(JSON.parse(answer.body) as string, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'an admin token');
      assert.equal(answer.connection, 'close', 'the drained connection is closed after its answer');
    }

    const exit = await service.exited;
    assert.deepEqual(exit, { code: 0, signal: null });
    await Promise.all(workers);
    assert.deepEqual(seen.other, [], 'every answer the background load got was a 200');
    assert.equal(seen.errorsBeforeSignal, 0, 'no connection error before SIGTERM');
    assert.ok(seen.ok > 0);
  });
});
