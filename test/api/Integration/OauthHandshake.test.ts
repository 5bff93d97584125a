/**
 * Magento's activation handshake for an integration with an endpoint: `integration:create --handshake
 * --endpoint=…` posts the consumer key and secret, the store base URL and the verifier to the endpoint; the
 * integration then trades them for a request token (`/oauth/token/request`) and the access token
 * (`/oauth/token/access`), each call signed, and becomes active. Also Magento's failures on these endpoints
 * (`oauth_problem=…`) and on signed REST calls (revoked token, unknown consumer, inactive integration), and
 * integration access tokens as bearer tokens only with `oauth/consumer/enable_integration_as_bearer`.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIntegrationByCli } from '../../support/oauthIntegration.ts';
import { setConfig } from '../Ecosystem/ecosystemHarness.ts';

interface Received {
  contentType: string | undefined;
  form: Record<string, string>;
}

/** A consumer's endpoint: records each form posted to it. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'], form: Object.fromEntries(new URLSearchParams(body)) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/endpoint`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function signer(key: string, secret: string): OAuth {
  return new OAuth({
    consumer: { key, secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, k) => createHmac('sha1', k).update(base).digest('base64'),
  });
}

async function oauthPost(url: string, oauth: OAuth, token?: { key: string; secret: string }, extra: Record<string, string> = {}) {
  const data = oauth.authorize({ url, method: 'POST', data: extra }, token);
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...oauth.toHeader(data), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(extra).toString(),
  });
  return { status: response.status, form: Object.fromEntries(new URLSearchParams(await response.text())) };
}

async function signedGet(app: TestApplication, path: string, consumer: { key: string; secret: string }, token: { key: string; secret: string }) {
  const oauth = signer(consumer.key, consumer.secret);
  const url = app.baseUrl + path;
  const response = await fetch(url, { headers: { ...oauth.toHeader(oauth.authorize({ url, method: 'GET' }, token)), Accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as unknown };
}

const SEARCH = '/rest/V1/customers/search?searchCriteria[pageSize]=1';

forEachDatabase('Integration activation handshake (/oauth/token/request, /oauth/token/access)', (getDb) => {
  const clock = new FixedClock(Date.now());
  let app: TestApplication;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    app = await createTestApplication(getDb(), { clock });
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver.close();
    await app.close();
  });

  const status = async (id: number): Promise<number> =>
    Number(await getDb().fetchOne(`SELECT status FROM ${getDb().getTableName('integration')} WHERE integration_id = ?`, [id]));

  it('posts the credentials to the endpoint, then request token → access token → a signed call; the integration becomes active', async () => {
    const printed = await createIntegrationByCli(app.application, {
      name: `hs_${uniqueSuffix()}`,
      email: 'hs@example.com',
      resources: 'Magento_Customer::customer',
      handshake: true,
      endpoint: receiver.url,
    });
    assert.deepEqual(Object.keys(printed), ['id', 'consumer_key', 'consumer_secret', 'oauth_verifier']);
    const posted = receiver.received.at(-1) as Received;
    assert.equal(posted.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.keys(posted.form).sort(), ['oauth_consumer_key', 'oauth_consumer_secret', 'oauth_verifier', 'store_base_url']);
    assert.deepEqual([posted.form.oauth_consumer_key, posted.form.oauth_consumer_secret, posted.form.oauth_verifier], [
      printed.consumer_key,
      printed.consumer_secret,
      printed.oauth_verifier,
    ]);
    assert.equal(await status(printed.id), 0);

    const oauth = signer(printed.consumer_key, printed.consumer_secret);
    const request = await oauthPost(`${app.baseUrl}/oauth/token/request`, oauth);
    assert.equal(request.status, 200);
    assert.deepEqual(Object.keys(request.form), ['oauth_token', 'oauth_token_secret']);
    const requestToken = { key: request.form.oauth_token as string, secret: request.form.oauth_token_secret as string };

    const wrongVerifier = await oauthPost(`${app.baseUrl}/oauth/token/access`, oauth, requestToken, { oauth_verifier: 'x'.repeat(32) });
    assert.deepEqual(wrongVerifier, { status: 401, form: { oauth_problem: 'Token verifier and verifier token do not match' } });

    const access = await oauthPost(`${app.baseUrl}/oauth/token/access`, oauth, requestToken, { oauth_verifier: printed.oauth_verifier as string });
    assert.equal(access.status, 200);
    assert.deepEqual(Object.keys(access.form), ['oauth_token', 'oauth_token_secret']);
    assert.equal(await status(printed.id), 1);

    const again = await oauthPost(`${app.baseUrl}/oauth/token/access`, oauth, requestToken, { oauth_verifier: printed.oauth_verifier as string });
    assert.deepEqual(again, { status: 401, form: { oauth_problem: 'Specified token does not exist' } });

    const consumer = { key: printed.consumer_key, secret: printed.consumer_secret };
    const accessToken = { key: access.form.oauth_token as string, secret: access.form.oauth_token_secret as string };
    assert.equal((await signedGet(app, SEARCH, consumer, accessToken)).status, 200);

    // Inactive integration: the signature checks out, the caller is a guest, the ACL refuses.
    await getDb().execute(`UPDATE ${getDb().getTableName('integration')} SET status = 0 WHERE integration_id = ?`, [printed.id]);
    assert.deepEqual(await signedGet(app, SEARCH, consumer, accessToken), {
      status: 401,
      body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::customer' } },
    });
    await getDb().execute(`UPDATE ${getDb().getTableName('integration')} SET status = 1 WHERE integration_id = ?`, [printed.id]);

    // Revoked access token.
    await getDb().execute(`UPDATE ${getDb().getTableName('oauth_token')} SET revoked = 1 WHERE token = ?`, [accessToken.key]);
    assert.deepEqual(await signedGet(app, SEARCH, consumer, accessToken), { status: 401, body: { message: 'Access token has been revoked' } });
  });

  it('refuses a request token once the consumer key has expired (oauth/consumer/expiration_period, 300 s)', async () => {
    const printed = await createIntegrationByCli(app.application, { name: `ex_${uniqueSuffix()}`, email: 'ex@example.com', resources: 'Magento_Customer::customer', handshake: true });
    clock.advance(301_000);
    const expired = await oauthPost(`${app.baseUrl}/oauth/token/request`, signer(printed.consumer_key, printed.consumer_secret));
    assert.deepEqual(expired, { status: 401, form: { oauth_problem: 'Consumer key has expired' } });
  });

  it("answers Magento's oauth_problem for an unknown consumer, a bad signature and missing parameters", async () => {
    const printed = await createIntegrationByCli(app.application, { name: `pb_${uniqueSuffix()}`, email: 'pb@example.com', resources: 'Magento_Customer::customer', handshake: true });
    assert.deepEqual(await oauthPost(`${app.baseUrl}/oauth/token/request`, signer('z'.repeat(32), printed.consumer_secret)), {
      status: 401,
      form: { oauth_problem: 'A consumer having the specified key does not exist' },
    });
    assert.deepEqual(await oauthPost(`${app.baseUrl}/oauth/token/request`, signer(printed.consumer_key, 'wrong')), {
      status: 401,
      form: { oauth_problem: 'The signature is invalid. Verify and try again.' },
    });
    const bare = await fetch(`${app.baseUrl}/oauth/token/request`, { method: 'POST', headers: { Authorization: `OAuth oauth_consumer_key="${printed.consumer_key}"` } });
    assert.equal(bare.status, 400);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(await bare.text())), {
      oauth_problem:
        '"oauth_signature" is required. Enter and try again, "oauth_signature_method" is required. Enter and try again, ' +
        '"oauth_nonce" is required. Enter and try again, "oauth_timestamp" is required. Enter and try again',
    });
  });

  it('takes the protocol parameters from a form body when the header carries none', async () => {
    const printed = await createIntegrationByCli(app.application, { name: `fb_${uniqueSuffix()}`, email: 'fb@example.com', resources: 'Magento_Customer::customer', handshake: true });
    const url = `${app.baseUrl}/oauth/token/request`;
    const oauth = signer(printed.consumer_key, printed.consumer_secret);
    const params = oauth.authorize({ url, method: 'POST', data: { note: 'from body' } });
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: 'OAuth realm="shop"', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, oauth_timestamp: String(params.oauth_timestamp), note: 'from body' } as Record<string, string>).toString(),
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(Object.keys(Object.fromEntries(new URLSearchParams(await response.text()))), ['oauth_token', 'oauth_token_secret']);
  });

  it('a form body over the limit on a token endpoint is a 413, not a 500', async () => {
    const response = await fetch(`${app.baseUrl}/oauth/token/request`, {
      method: 'POST',
      headers: { Authorization: 'OAuth realm="shop"', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `a=${'x'.repeat(1024 * 1024 + 1)}`,
    });
    assert.deepEqual([response.status, await response.text()], [413, 'oauth_problem=Request+Entity+Too+Large']);
  });

  it('on a REST call: an unknown consumer key is a 401 with Magento\'s message', async () => {
    const response = await signedGet(app, SEARCH, { key: 'q'.repeat(32), secret: 's' }, { key: 't'.repeat(32), secret: 'u' });
    assert.deepEqual(response, { status: 401, body: { message: 'A consumer having the specified key does not exist' } });
  });

  it('an anonymous route does not check the OAuth signature, as Magento never asks for the caller there', async () => {
    const url = `${app.baseUrl}/rest/V1/integration/customer/token`;
    const oauth = signer('q'.repeat(32), 'wrong');
    const data = oauth.authorize({ url, method: 'POST' }, { key: 't'.repeat(32), secret: 'u' });
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...oauth.toHeader(data), 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: `nobody_${uniqueSuffix()}@example.com`, password: 'Wrong_pass_1' }),
    });
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      message: 'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
    });
  });

  it('accepts an integration access token as a bearer token only with oauth/consumer/enable_integration_as_bearer', async () => {
    const printed = await createIntegrationByCli(app.application, { name: `br_${uniqueSuffix()}`, email: 'br@example.com', resources: 'Magento_Customer::customer' });
    try {
      await setConfig(app, 'oauth/consumer/enable_integration_as_bearer', '0');
      const bearer = await app.request('GET', SEARCH, { token: printed.access_token as string });
      assert.equal(bearer.status, 401);
      await setConfig(app, 'oauth/consumer/enable_integration_as_bearer', '1');
      assert.equal((await app.request('GET', SEARCH, { token: printed.access_token as string })).status, 200);
    } finally {
      await setConfig(app, 'oauth/consumer/enable_integration_as_bearer', null);
    }
  });
});
