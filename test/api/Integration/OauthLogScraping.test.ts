/**
 * Integration credentials never reach a log line: real pino JSON lines are captured while integrations are
 * created, the handshake runs (credentials posted to an endpoint, request and access tokens issued), signed
 * REST calls succeed and fail (bad signature, replay, unknown token) — then every line is searched for every
 * consumer key and secret, token and token secret, and verifier that was used.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import { createLogger } from '../../../src/Framework/App/Logger.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIntegrationByCli } from '../../support/oauthIntegration.ts';

class CapturedLog extends Writable {
  readonly raw: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.raw.push(...String(chunk).split('\n').filter((line) => line !== ''));
    done();
  }
}

const signer = (key: string, secret: string): OAuth =>
  new OAuth({ consumer: { key, secret }, signature_method: 'HMAC-SHA256', hash_function: (b, k) => createHmac('sha256', k).update(b).digest('base64') });

forEachDatabase('Integration credentials never reach a log line', (getDb) => {
  const log = new CapturedLog();
  const secrets: string[] = [];
  let app: TestApplication;
  let server: ReturnType<typeof createServer>;
  let endpoint: string;

  before(async () => {
    app = await createTestApplication(getDb(), { logger: createLogger({ level: 'debug', destination: log }) });
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  });

  it('runs the flows', async () => {
    const search = `${app.baseUrl}/rest/V1/customers/search?searchCriteria[pageSize]=1`;
    const direct = await createIntegrationByCli(app.application, { name: `lg_${uniqueSuffix()}`, email: 'lg@example.com', resources: 'Magento_Customer::customer' });
    secrets.push(direct.consumer_key, direct.consumer_secret, direct.access_token as string, direct.access_token_secret as string);
    const token = { key: direct.access_token as string, secret: direct.access_token_secret as string };
    const good = signer(direct.consumer_key, direct.consumer_secret);
    const header = { ...good.toHeader(good.authorize({ url: search, method: 'GET' }, token)) };
    assert.equal((await fetch(search, { headers: header })).status, 200);
    assert.equal((await fetch(search, { headers: header })).status, 401); // replay
    const bad = signer(direct.consumer_key, 'not-the-secret');
    assert.equal((await fetch(search, { headers: { ...bad.toHeader(bad.authorize({ url: search, method: 'GET' }, token)) } })).status, 401);
    assert.equal((await fetch(search, { headers: { ...good.toHeader(good.authorize({ url: search, method: 'GET' }, { key: 'w'.repeat(32), secret: token.secret })) } })).status, 401);

    const hs = await createIntegrationByCli(app.application, { name: `lh_${uniqueSuffix()}`, email: 'lh@example.com', resources: 'Magento_Customer::customer', handshake: true, endpoint });
    secrets.push(hs.consumer_key, hs.consumer_secret, hs.oauth_verifier as string);
    const oauth = signer(hs.consumer_key, hs.consumer_secret);
    const post = async (url: string, t?: { key: string; secret: string }, data: Record<string, string> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...oauth.toHeader(oauth.authorize({ url, method: 'POST', data }, t)), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(data).toString(),
      });
      return Object.fromEntries(new URLSearchParams(await response.text()));
    };
    const requested = await post(`${app.baseUrl}/oauth/token/request`);
    const requestToken = { key: requested.oauth_token as string, secret: requested.oauth_token_secret as string };
    secrets.push(requestToken.key, requestToken.secret);
    await post(`${app.baseUrl}/oauth/token/access`, requestToken, { oauth_verifier: 'v'.repeat(32) });
    const access = await post(`${app.baseUrl}/oauth/token/access`, requestToken, { oauth_verifier: hs.oauth_verifier as string });
    secrets.push(access.oauth_token as string, access.oauth_token_secret as string);
    assert.equal(secrets.every((s) => typeof s === 'string' && s.length === 32), true);
  });

  it('no line holds any of them', () => {
    assert.ok(log.raw.length >= 6, `only ${log.raw.length} log lines`);
    for (const line of log.raw) {
      for (const secret of secrets) assert.equal(line.includes(secret), false, `a credential in: ${line.slice(0, 200)}`);
    }
    assert.ok(log.raw.some((line) => line.includes('"route":"/oauth/token/access"')));
  });
});
