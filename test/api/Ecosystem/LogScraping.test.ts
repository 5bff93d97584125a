/**
 * The logs are real pino JSON lines captured from the service while a whole Login-as-Customer flow runs, with
 * failed logins and a database outage on the side. Every line is searched for the actual passwords, tokens and
 * secret the flow used (SPEC §7: no secrets, tokens or passwords in logs), and the one-line-per-request
 * record is checked for the fields operators rely on.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, it } from 'node:test';
import { createLogger } from '../../../src/Framework/App/Logger.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { createTestApplication, type TestApplication, type TestResponse } from '../../support/app.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createAdmin, createAssistedCustomer, LAC_ENABLED, LAC_LOGIN, LAC_TOKEN, setConfig } from './ecosystemHarness.ts';

interface LogLine {
  level: number;
  msg?: string;
  method?: string;
  route?: string | null;
  status?: number;
  durationMs?: number;
  storeCode?: string | null;
  userType?: number;
  userId?: number | null;
  reportId?: string;
  [key: string]: unknown;
}

/** A pino destination keeping every line as written. */
class CapturedLog extends Writable {
  readonly raw: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.raw.push(...String(chunk).split('\n').filter((line) => line !== ''));
    done();
  }
  lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }
}

/** The value, and the fragments a careless log could still carry: JWT segments, the secret's payload, URL forms. */
function sensitiveForms(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), `Bearer ${value}`]);
  for (const part of value.split(/[.:]/)) if (part.length >= 16) forms.add(part);
  return [...forms];
}

function expectStatus(reply: TestResponse, status: number): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
}

forEachDatabase('Logs of a Login-as-Customer flow', (getDb, { openConnection }) => {
  const clock = new FixedClock(Date.UTC(2031, 6, 1, 12, 0, 0));
  const captured = new CapturedLog();
  let app: TestApplication;

  before(async () => {
    app = await createTestApplication(getDb(), { clock, logger: createLogger({ level: 'debug', destination: captured }) });
    await setConfig(app, LAC_ENABLED, '1');
  });
  after(async () => {
    await setConfig(app, LAC_ENABLED, null);
    await app.close();
  });

  it('writes one line per request and never a password, token, secret or Authorization header', async () => {
    const admin = await createAdmin(app, [LAC_LOGIN, LAC_TOKEN]);
    const customer = await createAssistedCustomer(app);
    const wrongPassword = `Wrong_${customer.password}_x9`;
    const start = captured.raw.length;

    const adminToken = await app.request('POST', '/rest/V1/integration/admin/token', {
      body: { username: admin.username, password: admin.password },
    });
    expectStatus(adminToken, 200);
    const token = adminToken.body as string;
    expectStatus(
      await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: wrongPassword } }),
      401,
    );
    expectStatus(
      await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: wrongPassword } }),
      401,
    );
    const ownToken = await app.request('POST', '/rest/V1/integration/customer/token', {
      body: { username: customer.email, password: customer.password },
    });
    expectStatus(ownToken, 200);

    const generated = await app.request('POST', '/rest/default/V1/login-as-customer/secret', {
      token,
      body: { customerId: customer.customerId, reason: 'log test' },
    });
    expectStatus(generated, 200);
    const secret = (generated.body as { secret: string }).secret;
    expectStatus(await app.request('POST', '/rest/V1/login-as-customer/secret/validate', { token, body: { secret } }), 200);
    const exchanged = await app.request('POST', '/rest/V1/login-as-customer/token', { token, body: { secret } });
    expectStatus(exchanged, 200);
    const customerToken = exchanged.body as string;
    expectStatus(await app.request('POST', '/rest/V1/login-as-customer/token', { token, body: { secret } }), 401);
    expectStatus(await app.request('GET', '/rest/V1/customers/me', { token: customerToken }), 200);
    // A forged token and a token in a query string: both must stay out of the log too.
    expectStatus(await app.request('GET', `/rest/V1/customers/me?token=${encodeURIComponent(customerToken)}`, { token: `${token}x` }), 401);

    const lines = captured.raw.slice(start);
    const values = [admin.password, customer.password, wrongPassword, token, ownToken.body as string, customerToken, secret];
    for (const value of values) {
      for (const form of sensitiveForms(value)) {
        const leaking = lines.find((line) => line.includes(form));
        assert.equal(leaking, undefined, `a log line holds a sensitive value: ${leaking}`);
      }
    }
    assert.equal(lines.find((line) => /authorization|bearer/i.test(line)), undefined);

    const requests = captured.lines().slice(start).filter((line) => line.msg === 'rest request');
    const summary = requests.map((line) => [line.method, line.route, line.status, line.userType, line.userId]);
    assert.deepEqual(summary, [
      ['POST', '/V1/integration/admin/token', 200, 4, null],
      ['POST', '/V1/integration/admin/token', 401, 4, null],
      ['POST', '/V1/integration/customer/token', 401, 4, null],
      ['POST', '/V1/integration/customer/token', 200, 4, null],
      ['POST', '/V1/login-as-customer/secret', 200, 2, admin.adminId],
      ['POST', '/V1/login-as-customer/secret/validate', 200, 2, admin.adminId],
      ['POST', '/V1/login-as-customer/token', 200, 2, admin.adminId],
      ['POST', '/V1/login-as-customer/token', 401, 2, admin.adminId],
      ['GET', '/V1/customers/me', 200, 3, customer.customerId],
      ['GET', '/V1/customers/me', 401, 4, null],
    ]);
    for (const line of requests) {
      assert.equal(line.level, 30);
      assert.equal(typeof line.durationMs, 'number');
      assert.ok((line.durationMs as number) >= 0);
      assert.equal(line.reportId, undefined);
    }
    assert.equal(requests[4]?.storeCode, 'default');
    // The audit trail is logged as events with ids only, on the request's one line.
    const audit = captured.lines().slice(start).filter((line) => line.loginAsCustomer !== undefined);
    assert.ok(audit.every((line) => line.msg === 'rest request'));
    assert.deepEqual(
      audit.map((line) => line.loginAsCustomer),
      ['generated', 'validated', 'exchanged', 'rejected'],
    );
  });

  it('logs a masked failure under the report id the error body names, without the request credentials', async () => {
    const connection = openConnection();
    const broken = await createTestApplication(connection, { logger: createLogger({ level: 'info', destination: captured }) });
    try {
      await connection.close();
      const password = `Outage_${Date.now()}_pw1`;
      const bearer = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
      const start = captured.raw.length;
      const reply = await broken.request('POST', '/rest/V1/integration/admin/token', {
        token: bearer,
        body: { username: 'outage_admin', password },
      });
      assert.ok(reply.status === 500 || reply.status === 503, `status ${reply.status}`);
      const match = /Report ID: (webapi-\S+)$/.exec((reply.body as { message: string }).message);
      assert.ok(match, JSON.stringify(reply.body));
      const lines = captured.raw.slice(start);
      for (const value of [password, bearer]) assert.equal(lines.find((line) => line.includes(value)), undefined);
      const parsed = lines.map((line) => JSON.parse(line) as LogLine);
      const request = parsed.find((line) => line.msg === 'rest request');
      assert.equal(request?.reportId, match[1]);
      assert.equal(request?.status, reply.status);
      const error = parsed.find((line) => line.level === 50);
      assert.equal(error?.reportId, match[1]);
    } finally {
      await broken.close();
    }
  });
});
