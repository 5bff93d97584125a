/**
 * Hostile input against the service as a child process on MariaDB: a bounded, seeded fuzz run (set
 * FUZZ_SEED to replay one) of malformed JSON, wrong types, huge and deeply nested bodies, prototype keys,
 * invalid UTF-8, odd Content-Types, long and encoded paths, SQL and XML metacharacters, forged and
 * truncated tokens and secrets. Every answer must be a Magento error body (4xx, or a masked 5xx), the
 * process must stay up, and the rows the test owns must not change (refusals may add audit entries).
 * Valid credentials are only ever combined with inputs that cannot succeed, so any success is a finding.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../support/databases.ts';
import { ENABLED_PATH, newCryptKey, ReliabilityFixtures, type AdminFixture, type CustomerFixture } from './support/fixtures.ts';
import { assertMagentoError, call, type Reply } from './support/http.ts';
import { Prng } from './support/prng.ts';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess.ts';

const url = mysqlTestUrl();
const REQUESTS = 2400;
const CONCURRENCY = 12;
const SEED = Number(process.env.FUZZ_SEED ?? 0x1ac5eed);

type Auth = 'none' | 'forged' | 'admin';

interface Target {
  readonly method: string;
  readonly path: (rng: Prng) => string;
  /** Which credentials may go with it (valid ones only where no input of the fuzz can succeed). */
  readonly auth: readonly Auth[];
  readonly body: boolean;
  /** A read-only admin route may answer 200 (a search with no matches, a customer a lenient id names). */
  readonly mayReadWithAdmin?: boolean;
}

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
  readonly label: string;
  readonly mayRead: boolean;
}

const SQL = ["' OR '1'='1", "1; DROP TABLE admin_user; --", "1 UNION SELECT password FROM admin_user", '" OR ""="', "\\'; --", '%', '_', "') OR ('x'='x"];
const XML = ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', ']]>', '<![CDATA[x]]>', '&amp;&lt;', '<script>alert(1)</script>'];
const STRANGE = ['', ' ', '\u0000', '\u202e', '💥', '\ud800', 'null', 'undefined', 'NaN', '-0', '1e309', '0x10', '__proto__', 'constructor', 'prototype'];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json;;;',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json, text/html',
  'APPLICATION/JSON',
  'application/json; charset=' + 'x'.repeat(300),
  '',
];

function randomString(rng: Prng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(SQL);
    case 1:
      return rng.pick(XML);
    case 2:
      return rng.pick(STRANGE);
    case 3:
      return 'x'.repeat(rng.pick([1, 255, 4096, 70_000]));
    default:
      return rng.bytes(rng.int(40)).toString('latin1');
  }
}

/** A JSON value of the wrong type for any field (never a plain number: that could name a real row). */
function wrongValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 8)) {
    case 0:
      return randomString(rng);
    case 1:
      return rng.bool();
    case 2:
      return null;
    case 3:
      return rng.pick([1.5, -1, 0, 1e308, -1e308, 2 ** 53 + 1]);
    case 4:
      return `${rng.int(1000)}abc`;
    case 5:
      return [wrongValue(rng, depth + 1), wrongValue(rng, depth + 1)];
    case 6:
      return { $gt: 0, [randomString(rng)]: wrongValue(rng, depth + 1) };
    default:
      return { customerId: wrongValue(rng, depth + 1) };
  }
}

/** Percent-encoding that also takes lone surrogates (as their UTF-8 replacement bytes). */
function pct(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Buffer.from(value, 'utf8').toString('hex').replace(/../g, '%$&');
  }
}

function nested(depth: number, array: boolean): string {
  return array ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A body for a JSON route, from one of the hostile categories. */
function hostileBody(rng: Prng, mutatedSecret: () => string): { body: string | Uint8Array; kind: string } {
  const fields = ['customerId', 'customer_id', 'storeId', 'reason', 'secret', 'username', 'password', 'customer', 'isAllowed'];
  switch (rng.int(10)) {
    case 0: {
      const valid = JSON.stringify({ [rng.pick(fields)]: randomString(rng) });
      return { body: valid.slice(0, rng.int(valid.length)), kind: 'truncated JSON' };
    }
    case 1:
      return { body: rng.pick(['{', '}', '{"a":}', '{"a":1,}', "{'a':1}", 'nul', '[1,2', '"\\u12"', '{"a":"\\x41"}', '\u0000', '{"a":1}{"b":2}']), kind: 'malformed JSON' };
    case 2: {
      const body: Record<string, unknown> = {};
      for (let i = 0; i < 1 + rng.int(3); i++) body[rng.pick(fields)] = wrongValue(rng);
      return { body: JSON.stringify(body), kind: 'wrong types' };
    }
    case 3:
      return { body: nested(rng.pick([65, 200, 5000]), rng.bool()), kind: 'deep nesting' };
    case 4:
      return { body: JSON.stringify({ reason: 'x'.repeat(rng.pick([100_000, 1_100_000])) }), kind: 'huge body' };
    case 5:
      return {
        body: rng.pick([
          '{"__proto__":{"isAdmin":true,"customerId":1},"secret":"x"}',
          '{"constructor":{"prototype":{"polluted":true}}}',
          '{"customer":{"__proto__":{"id":1}},"password":"x"}',
          '{"__proto__":null}',
          '{"prototype":{"toString":1},"username":{"__proto__":"admin"}}',
        ]),
        kind: 'prototype keys',
      };
    case 6: {
      const bytes = Buffer.concat([Buffer.from('{"secret":"'), rng.pick([Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), rng.bytes(8)]), Buffer.from('"}')]);
      return { body: new Uint8Array(bytes), kind: 'invalid UTF-8' };
    }
    case 7:
      return { body: JSON.stringify({ [rng.pick(fields)]: rng.pick([...SQL, ...XML]) }), kind: 'SQL/XML metacharacters' };
    case 8:
      return { body: JSON.stringify({ secret: mutatedSecret() }), kind: 'forged secret' };
    default:
      return { body: JSON.stringify({ username: `fz_${rng.int(1e9)}@x`, password: randomString(rng) }), kind: 'unknown user' };
  }
}

/** Path segments a lenient integer parser could read as a number (1.5 → 1): only with forged tokens or reads. */
const NUMERIC_LOOKING = ['1%20OR%201=1', '-1', '1.5', '9'.repeat(40), '0x1', '1e0'];

function weirdSegment(rng: Prng, numericLooking = true): string {
  if (numericLooking && rng.bool(0.3)) return rng.pick(NUMERIC_LOOKING);
  return rng.pick([
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..',
    '%00',
    '%ff%fe',
    '%E0%A4%A',
    '%252e%252e',
    pct(rng.pick(SQL)),
    pct(rng.pick(XML)),
    'x'.repeat(rng.pick([300, 5000])),
    '%F0%9F%92%A5',
  ]);
}

describe('hostile input [mysql]', () => {
  if (url === undefined) {
    it('answers every hostile request with a Magento error and keeps its rows', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lac-rel-fuzz-'));
  let fixtures: ReliabilityFixtures;
  let service: ServiceProcess;
  let admin: AdminFixture;
  let customer: CustomerFixture;

  before(async () => {
    const cryptKey = newCryptKey();
    fixtures = await ReliabilityFixtures.open(url, cryptKey);
    await fixtures.setConfig(ENABLED_PATH, '1');
    admin = await fixtures.createAdmin();
    customer = await fixtures.createCustomer();
    service = await startServiceProcess({ databaseUrl: url, varDir: dir, cryptKey, logFile: join(dir, 'service.log') });
  });
  after(async () => {
    await service?.stop();
    await fixtures?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A digest of every row this test owns, table by table. */
  const snapshot = async (): Promise<Record<string, string>> => {
    const db = fixtures.db;
    const t = (name: string) => db.getTableName(name);
    const digest = async (sql: string, params: readonly (string | number)[]) =>
      createHash('sha256').update(JSON.stringify(await db.fetchAll(sql, params))).digest('hex').slice(0, 16);
    return {
      admin: await digest(`SELECT * FROM ${t('admin_user')} WHERE user_id = ?`, [admin.adminId]),
      customer: await digest(`SELECT * FROM ${t('customer_entity')} WHERE entity_id = ?`, [customer.customerId]),
      assistance: await digest(`SELECT * FROM ${t('login_as_customer_assistance_allowed')} WHERE customer_id = ?`, [customer.customerId]),
      session: await digest(`SELECT * FROM ${t('login_as_customer')} WHERE admin_id = ? ORDER BY secret`, [admin.adminId]),
      ledger: await digest(`SELECT * FROM ${t('login_as_customer_consumed_secret')} WHERE customer_id = ? OR admin_id = ? ORDER BY secret_hash`, [customer.customerId, admin.adminId]),
      magentoLog: await digest(`SELECT * FROM ${t('magento_login_as_customer_log')} WHERE customer_id = ? OR user_id = ? ORDER BY log_id`, [customer.customerId, admin.adminId]),
      auditNotRejected: await digest(
        `SELECT log_id, event FROM ${t('login_as_customer_audit_log')} WHERE (customer_id = ? OR user_id = ?) AND event <> 'rejected' ORDER BY log_id`,
        [customer.customerId, admin.adminId],
      ),
      revoked: await digest(`SELECT * FROM ${t('jwt_auth_revoked')} WHERE (user_type_id = 2 AND user_id = ?) OR (user_type_id = 3 AND user_id = ?)`, [admin.adminId, customer.customerId]),
      roles: await digest(`SELECT * FROM ${t('authorization_role')} WHERE user_id = ? ORDER BY role_id`, [admin.adminId]),
      throttle: await digest(`SELECT * FROM ${t('oauth_token_request_log')} WHERE user_name IN (?, ?) ORDER BY log_id`, [admin.username, customer.email]),
      config: await digest(`SELECT * FROM ${t('core_config_data')} ORDER BY config_id`, []),
    };
  };

  it('answers every hostile request with a Magento error, stays up, and changes none of its rows', async (t) => {
    const rest = '/rest/V1';
    const generated = await call(service.url, 'POST', `${rest}/login-as-customer/secret`, { token: admin.token, body: { customerId: customer.customerId } });
    assert.equal(generated.status, 200, generated.text);
    const secret = (generated.body as { secret: string }).secret;
    const before = await snapshot();

    const rng = new Prng(SEED);
    const [jwtHeader = '', jwtPayload = '', jwtSignature = ''] = admin.token.split('.');
    const forgedToken = (): string =>
      rng.pick([
        admin.token.slice(0, -1 - rng.int(10)),
        `${jwtHeader}.${Buffer.from('{"uid":1,"utypid":2,"iat":1,"exp":9999999999}').toString('base64url')}.${jwtSignature}`,
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${jwtPayload}.`,
        `${Buffer.from('{"alg":"HS512","kid":"1"}').toString('base64url')}.${jwtPayload}.${jwtSignature}`,
        `${jwtHeader}.${jwtPayload}.${jwtSignature}.extra`,
        `${jwtHeader}..${jwtSignature}`,
        'x'.repeat(rng.pick([31, 32, 33, 5000])),
        rng.bytes(24).toString('base64'),
        `${rng.pick(SQL)}`,
      ]);
    const mutatedSecret = (): string => {
      const at = 4 + rng.int(Math.max(1, secret.length - 4));
      const flipped = secret.slice(0, at) + (secret[at] === 'A' ? 'B' : 'A') + secret.slice(at + 1);
      return rng.pick([
        flipped,
        secret.slice(0, rng.int(secret.length)),
        secret + rng.pick(['=', 'AAAA', ' ', '\n']),
        `9${secret.slice(1)}`,
        secret.replace(':3:', ':2:'),
        `0:3:${rng.bytes(60).toString('base64')}`,
        rng.pick([...SQL, ...XML]),
      ]);
    };
    const authHeader = (auth: Auth): Record<string, string> => {
      if (auth === 'admin') return { authorization: `Bearer ${admin.token}` };
      if (auth === 'forged') {
        return { authorization: rng.pick([`Bearer ${forgedToken()}`, `bearer  ${forgedToken()}`, 'Bearer', `Basic ${rng.bytes(12).toString('base64')}`, `Bearer ${admin.token} ${admin.token}`]) };
      }
      return {};
    };

    const targets: readonly Target[] = [
      { method: 'POST', path: () => `${rest}/integration/admin/token`, auth: ['none'], body: true },
      { method: 'POST', path: () => `${rest}/integration/customer/token`, auth: ['none'], body: true },
      { method: 'POST', path: () => `${rest}/login-as-customer/secret`, auth: ['forged', 'admin'], body: true },
      { method: 'POST', path: () => `${rest}/login-as-customer/secret/validate`, auth: ['forged', 'admin'], body: true },
      { method: 'POST', path: () => `${rest}/login-as-customer/token`, auth: ['forged', 'admin'], body: true },
      { method: 'POST', path: () => `${rest}/integration/customer/login-as-customer`, auth: ['forged', 'admin'], body: true },
      { method: 'POST', path: (r) => `${rest}/customer/${weirdSegment(r, false)}/otp`, auth: ['forged', 'admin'], body: true },
      { method: 'POST', path: (r) => `${rest}/customer/${weirdSegment(r)}/otp`, auth: ['none', 'forged'], body: true },
      { method: 'GET', path: () => `${rest}/customers/me`, auth: ['none', 'forged'], body: false },
      { method: 'PUT', path: () => `${rest}/customers/me`, auth: ['none', 'forged'], body: true },
      { method: 'GET', path: (r) => `${rest}/customers/${weirdSegment(r)}`, auth: ['forged', 'admin'], body: false, mayReadWithAdmin: true },
      { method: 'POST', path: () => `${rest}/customers`, auth: ['none'], body: true },
      { method: 'PUT', path: (r) => `${rest}/login-as-customer/assistance/${weirdSegment(r, false)}`, auth: ['forged', 'admin'], body: true },
      { method: 'PUT', path: (r) => `${rest}/login-as-customer/assistance/${weirdSegment(r)}`, auth: ['none', 'forged'], body: true },
      { method: 'DELETE', path: () => `${rest}/login-as-customer/session`, auth: ['none', 'forged'], body: false },
      {
        method: 'GET',
        path: (r) =>
          `${rest}/customers/search?searchCriteria[filter_groups][0][filters][0][field]=${pct(r.pick(['email', ...SQL, 'password_hash']))}` +
          `&searchCriteria[filter_groups][0][filters][0][value]=${pct(randomString(r))}` +
          `&searchCriteria[filter_groups][0][filters][0][condition_type]=${pct(r.pick(['eq', 'like', 'in', 'nin', "eq' OR 1=1", 'regexp', 'finset']))}` +
          `&searchCriteria[pageSize]=${pct(r.pick(['10', '-1', '1e9', 'abc', '0']))}`,
        auth: ['forged', 'admin'],
        body: false,
        mayReadWithAdmin: true,
      },
      {
        method: 'GET',
        path: (r) =>
          `${rest}/login-as-customer/log?searchCriteria[sortOrders][0][field]=${pct(r.pick(['time', ...SQL]))}` +
          `&searchCriteria[sortOrders][0][direction]=${pct(r.pick(['ASC', 'DESC', '; DROP', 'sideways']))}` +
          `&searchCriteria[currentPage]=${pct(r.pick(['1', '-5', '99999999999999999999', 'x']))}`,
        auth: ['forged', 'admin'],
        body: false,
        mayReadWithAdmin: true,
      },
      { method: 'GET', path: (r) => `/rest/${weirdSegment(r)}/V1/customers/me`, auth: ['none', 'forged'], body: false },
      { method: 'GET', path: (r) => `${rest}/${weirdSegment(r)}/${weirdSegment(r)}`, auth: ['none', 'forged', 'admin'], body: false },
      { method: 'POST', path: (r) => `/rest/V${r.int(99)}/${weirdSegment(r, false)}`, auth: ['none', 'admin'], body: true },
    ];

    const build = (): FuzzRequest => {
      const target = rng.pick(targets);
      const auth = rng.pick(target.auth);
      const method = rng.bool(0.05) ? rng.pick(['PATCH', 'OPTIONS', 'PROPFIND']) : target.method;
      const headers: Record<string, string> = { ...authHeader(auth) };
      let body: string | Uint8Array | undefined;
      let kind = 'no body';
      if (target.body && method !== 'GET') {
        const hostile = hostileBody(rng, mutatedSecret);
        body = hostile.body;
        kind = hostile.kind;
        const contentType = rng.bool(0.7) ? 'application/json' : rng.pick(CONTENT_TYPES);
        if (contentType !== '') headers['content-type'] = contentType;
      }
      const path = target.path(rng);
      return { method, path, headers, ...(body !== undefined ? { body } : {}), label: `${method} ${path.slice(0, process.env.FUZZ_VERBOSE ? 2000 : 80)} [${auth}, ${kind}]`, mayRead: auth === 'admin' && target.mayReadWithAdmin === true && method === 'GET' };
    };

    const statuses = new Map<number, number>();
    const check = (request: FuzzRequest, reply: Reply): void => {
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status === 200 && request.mayRead) {
        assert.ok(typeof reply.body === 'object' && reply.body !== null && !Array.isArray(reply.body), `${request.label}: ${reply.text.slice(0, 200)}`);
        return;
      }
      assert.ok(reply.status >= 400, `${request.label}: answered ${reply.status} ${reply.text.slice(0, 200)}`);
      assertMagentoError(reply, request.label);
    };

    // Bounded: a fixed number of requests over a fixed pool of workers; each request has the hang limit.
    const queue = Array.from({ length: REQUESTS }, build);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let request = queue.pop(); request !== undefined; request = queue.pop()) {
          const reply = await call(service.url, request.method, request.path, {
            headers: request.headers,
            ...(request.body !== undefined ? { rawBody: request.body } : {}),
          });
          check(request, reply);
        }
      }),
    );

    // A few requests no HTTP client library would send: raw bytes on the socket.
    const raw = [
      Buffer.concat([Buffer.from('GET /rest/V1/customers/'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
      Buffer.from(`GET /rest/V1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      Buffer.from('POST /rest/V1/integration/admin/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
      Buffer.from('POST /rest/V1/integration/admin/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{"a":1}\r\n0\r\n\r\n'),
      Buffer.concat([
        Buffer.from('POST /rest/V1/integration/admin/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'),
        ...Array.from({ length: 20 }, () => Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`)),
        Buffer.from('0\r\n\r\n'),
      ]),
      Buffer.from('GARBAGE\r\n\r\n'),
      Buffer.from(`GET /rest/V1/customers/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'A'.repeat(70_000)}\r\n\r\n`),
    ];
    for (const bytes of raw) {
      const answer = await rawRequest(service.port, bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      const label = `raw ${bytes.subarray(0, 40).toString('latin1')}`;
      assert.ok(status >= 400 && status < 500, `${label}: answered ${status}: ${answer.slice(0, 200)}`);
      let body: unknown = null;
      try {
        body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
      } catch {
        body = answer;
      }
      assertMagentoError({ status, body, text: answer.slice(answer.indexOf('\r\n\r\n') + 4) }, label);
    }

    // Still up, still serving, and the rows it owns are as they were.
    assert.ok(service.isRunning(), 'the process stayed up');
    assert.equal((await call(service.url, 'GET', '/health')).status, 200);
    assert.deepEqual(await snapshot(), before, 'no owned row changed');
    assert.doesNotMatch(service.log(), /uncaught|unhandled/i);
    // The real secret was neither consumed nor superseded by any of it.
    const validated = await call(service.url, 'POST', `${rest}/login-as-customer/secret/validate`, { token: admin.token, body: { secret } });
    assert.equal(validated.status, 200, validated.text);
    const exchanged = await call(service.url, 'POST', `${rest}/login-as-customer/token`, { token: admin.token, body: { secret } });
    assert.equal(exchanged.status, 200, exchanged.text);
    t.diagnostic(`seed ${SEED}: ${REQUESTS} requests, answers ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    assert.equal(total, REQUESTS);
    assert.ok((statuses.get(400) ?? 0) > 0 && (statuses.get(401) ?? 0) > 0, `a spread of answers: ${JSON.stringify([...statuses])}`);
  });
});

/** Sends bytes on a fresh connection and returns whatever comes back before the server closes it (bounded). */
function rawRequest(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.setTimeout(5000, done);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // One answer is enough: stop at the end of the first response.
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = /content-length: (\d+)/i.exec(received.slice(0, headerEnd))?.[1];
      if (length === undefined || received.length >= headerEnd + 4 + Number(length)) done();
    });
    socket.on('error', done);
    socket.on('end', done);
    socket.write(bytes);
  });
}
