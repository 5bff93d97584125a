/**
 * Issue 12's acceptance test: the unmodified `magento-api-rest` client (it signs with OAuth 1.0a through the
 * `oauth-1.0a` package), given exactly what `bin/magento integration:create` prints, drives the Login-as-Customer
 * flow and a customer search with HMAC-SHA1 and HMAC-SHA256; a replayed request, a wrong consumer secret and an
 * integration without the route's resource get Magento's 401 bodies; no credential reaches a log line.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import magentoApiRest from 'magento-api-rest';
import type { Express, NextFunction, Request, Response } from 'express';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIntegrationByCli, type PrintedCredentials } from '../../support/oauthIntegration.ts';
import { createAdmin, createAssistedCustomer, LAC_ENABLED, LAC_LOGIN, LAC_TOKEN, setConfig, type AdminCredentials } from '../Ecosystem/ecosystemHarness.ts';

const MagentoRestApi = magentoApiRest.default;

interface ClientResponse {
  status: number;
  data: unknown;
}

function client(baseUrl: string, credentials: PrintedCredentials, sha: 1 | 256, override: { consumerSecret?: string } = {}) {
  return new MagentoRestApi({
    url: baseUrl,
    consumerKey: credentials.consumer_key,
    consumerSecret: override.consumerSecret ?? credentials.consumer_secret,
    accessToken: credentials.access_token as string,
    tokenSecret: credentials.access_token_secret as string,
    sha,
  });
}

async function failure(call: Promise<ClientResponse>): Promise<ClientResponse> {
  try {
    const response = await call;
    assert.fail(`expected an error response, got ${response.status} ${JSON.stringify(response.data)}`);
  } catch (error) {
    const response = (error as { response?: ClientResponse }).response;
    if (response === undefined) throw error;
    return response;
  }
}

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
}

forEachDatabase('magento-api-rest client signing with OAuth 1.0a as an integration', (getDb) => {
  // The client stamps real time; Magento only refuses timestamps more than 600 s ahead of the server.
  const clock = new FixedClock(Date.now());
  const logger = new MemoryLogger();
  const seen: Seen[] = [];
  let app: TestApplication;
  let admin: AdminCredentials;
  let full: PrintedCredentials;

  before(async () => {
    app = await createTestApplication(getDb(), {
      clock,
      logger,
      appOptions: {
        // Records requests as they arrive, so a test can replay one byte for byte.
        extend: (express: Express) =>
          express.use((req: Request, _res: Response, next: NextFunction) => {
            seen.push({ method: req.method, url: req.originalUrl, headers: { ...(req.headers as Record<string, string>) } });
            next();
          }),
      },
    });
    await setConfig(app, LAC_ENABLED, '1');
    admin = await createAdmin(app, [LAC_LOGIN, LAC_TOKEN]);
    full = await createIntegrationByCli(app.application, {
      name: `erp_${uniqueSuffix()}`,
      email: 'erp@example.com',
      resources: `${LAC_LOGIN},${LAC_TOKEN},Magento_Customer::customer`,
    });
  });
  after(async () => {
    await setConfig(app, LAC_ENABLED, null);
    await app.close();
  });

  it('prints exactly id, consumer_key, consumer_secret, access_token, access_token_secret', () => {
    assert.deepEqual(Object.keys(full), ['id', 'consumer_key', 'consumer_secret', 'access_token', 'access_token_secret']);
    assert.equal(typeof full.id, 'number');
    for (const key of ['consumer_key', 'consumer_secret', 'access_token', 'access_token_secret'] as const) {
      assert.match(full[key] as string, /^[0-9a-z]{32}$/);
    }
  });

  for (const sha of [1, 256] as const) {
    it(`HMAC-SHA${sha}: generate → validate → exchange, then a customer search`, async () => {
      const customer = await createAssistedCustomer(app);
      const api = client(app.baseUrl, full, sha);

      const generated = await api.post('login-as-customer/secret', { customerId: customer.customerId, adminId: admin.adminId, reason: `oauth sha${sha}` });
      assert.equal(generated.status, 200);
      const secret = (generated.data as { secret: string }).secret;
      assert.equal((generated.data as { admin_id: number }).admin_id, admin.adminId);
      assert.ok(seen.at(-1)?.headers.authorization?.includes(`oauth_signature_method="HMAC-SHA${sha}"`));

      const validated = await api.post('login-as-customer/secret/validate', { secret });
      assert.equal(validated.status, 200);
      assert.equal((validated.data as { customer_id: number }).customer_id, customer.customerId);

      const exchanged = await api.post('login-as-customer/token', { secret });
      assert.equal(exchanged.status, 200);
      assert.equal(typeof exchanged.data, 'string');
      const me = await app.request('GET', '/rest/V1/customers/me', { token: exchanged.data as string });
      assert.equal((me.body as { id: number }).id, customer.customerId);

      // The client's own search syntax: searchCriteria[filter_groups][0][filters][0][field|value|condition_type].
      const search = await api.get('customers/search', { email: customer.email });
      assert.equal(search.status, 200);
      assert.ok(seen.at(-1)?.url.includes('searchCriteria[filter_groups][0][filters][0][field]=email'));
      const items = (search.data as { items: { id: number }[] }).items;
      assert.deepEqual(items.map((item) => item.id), [customer.customerId]);
    });
  }

  it('refuses the same signed request replayed: 401, the nonce is already used by this consumer', async () => {
    const api = client(app.baseUrl, full, 1);
    const customer = await createAssistedCustomer(app);
    const first = await api.get('customers/search', { email: customer.email });
    assert.equal(first.status, 200);
    const original = seen.at(-1) as Seen;
    const replay = await fetch(app.baseUrl + original.url, {
      method: original.method,
      headers: { authorization: original.headers.authorization as string, accept: 'application/json' },
    });
    assert.equal(replay.status, 401);
    const consumerId = await getDb().fetchOne(
      `SELECT consumer_id FROM ${getDb().getTableName('integration')} WHERE integration_id = ?`,
      [full.id],
    );
    assert.deepEqual(await replay.json(), {
      message: 'The nonce is already being used by the consumer with ID %1',
      parameters: [Number(consumerId)],
    });
  });

  it('refuses a wrong consumer secret: 401, the signature is invalid', async () => {
    const api = client(app.baseUrl, full, 256, { consumerSecret: 'x'.repeat(32) });
    const response = await failure(api.get('customers/search', { email: 'nobody@example.com' }));
    assert.equal(response.status, 401);
    assert.deepEqual(response.data, { message: 'The signature is invalid. Verify and try again.' });
  });

  it('refuses an integration without the route resource: 401, the consumer is not authorized', async () => {
    const limited = await createIntegrationByCli(app.application, {
      name: `pim_${uniqueSuffix()}`,
      email: 'pim@example.com',
      resources: 'Magento_Customer::customer',
    });
    const customer = await createAssistedCustomer(app);
    const api = client(app.baseUrl, limited, 1);
    const response = await failure(api.post('login-as-customer/secret', { customerId: customer.customerId, adminId: admin.adminId }));
    assert.equal(response.status, 401);
    assert.deepEqual(response.data, {
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: LAC_LOGIN },
    });
    // The same integration may search customers.
    assert.equal((await api.get('customers/search', { email: customer.email })).status, 200);
  });

  it('an integration with all resources may call every route; its caller is user type 1 in the log', async () => {
    const everything = await createIntegrationByCli(app.application, { name: `all_${uniqueSuffix()}`, email: 'all@example.com', 'all-resources': true });
    const customer = await createAssistedCustomer(app);
    const response = await client(app.baseUrl, everything, 256).post('login-as-customer/secret', {
      customerId: customer.customerId,
      adminId: admin.adminId,
    });
    assert.equal(response.status, 200);
    const line = logger.lines.filter((l) => l.msg === 'rest request').at(-1);
    assert.deepEqual({ userType: line?.userType, userId: line?.userId }, { userType: 1, userId: everything.id });
  });

  it('never writes a consumer key, consumer secret, access token or token secret to a log line', () => {
    const text = JSON.stringify(logger.lines);
    assert.ok(logger.lines.length > 5);
    for (const value of [full.consumer_key, full.consumer_secret, full.access_token, full.access_token_secret]) {
      assert.equal(text.includes(value as string), false);
    }
  });
});
