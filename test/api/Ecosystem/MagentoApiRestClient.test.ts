/**
 * A real Magento REST client from npm (`magento-api-rest`, axios underneath) against the service: the whole
 * Login-as-Customer flow with no knowledge of this project. The client builds `<url>/rest/V1/<endpoint>`
 * URLs and signs requests with OAuth 1.0a; a bearer token replaces that signature through `axiosConfig.headers`
 * (which replaces the client's whole header set, so Content-Type and Accept are repeated there).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import magentoApiRest from 'magento-api-rest';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase } from '../../support/databases.ts';
import {
  createAdmin,
  createAssistedCustomer,
  LAC_ENABLED,
  LAC_LOGIN,
  LAC_TOKEN,
  setConfig,
  type AdminCredentials,
  type CustomerCredentials,
} from './ecosystemHarness.ts';

// The package is Babel-compiled CommonJS (`exports.default = class …`); an ESM import hands over
// `module.exports`, so the class is its `default` (TypeScript's NodeNext typing agrees).
const MagentoRestApi = magentoApiRest.default;
type MagentoRestApiClass = typeof MagentoRestApi;

interface ClientResponse {
  status: number;
  data: unknown;
}

interface ClientError {
  response?: ClientResponse;
}

/** A client as an application would configure it; OAuth 1.0a credentials are required by its constructor, unused. */
function client(baseUrl: string, token?: string): InstanceType<MagentoRestApiClass> {
  return new MagentoRestApi({
    url: baseUrl,
    consumerKey: 'unused',
    consumerSecret: 'unused',
    accessToken: 'unused',
    tokenSecret: 'unused',
    axiosConfig: {
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
      },
    },
  });
}

/** The error response of a rejected call (axios rejects every non-2xx answer). */
async function failure(call: Promise<ClientResponse>): Promise<ClientResponse> {
  try {
    const response = await call;
    assert.fail(`expected an error response, got ${response.status} ${JSON.stringify(response.data)}`);
  } catch (error) {
    const response = (error as ClientError).response;
    if (response === undefined) throw error;
    return response;
  }
}

forEachDatabase('magento-api-rest client: Login as Customer', (getDb) => {
  const clock = new FixedClock(Date.UTC(2031, 4, 6, 10, 0, 0));
  let app: TestApplication;
  let admin: AdminCredentials;

  before(async () => {
    app = await createTestApplication(getDb(), { clock });
    await setConfig(app, LAC_ENABLED, '1');
    // Only what the flow needs: generate (with its child resource, the log) and exchange.
    admin = await createAdmin(app, [LAC_LOGIN, LAC_TOKEN]);
  });
  after(async () => {
    await setConfig(app, LAC_ENABLED, null);
    await app.close();
  });

  it('runs admin token → secret → validate → exchange → customers/me → log → end session', async () => {
    const customer: CustomerCredentials = await createAssistedCustomer(app);

    const tokenReply = await client(app.baseUrl).post('integration/admin/token', { username: admin.username, password: admin.password });
    assert.equal(tokenReply.status, 200);
    assert.equal(typeof tokenReply.data, 'string');
    const asAdmin = client(app.baseUrl, tokenReply.data as string);

    const generated = await asAdmin.post('login-as-customer/secret', { customerId: customer.customerId, reason: 'magento-api-rest test' });
    assert.equal(generated.status, 200);
    const secret = (generated.data as { secret: string }).secret;
    assert.match(secret, /^\d+:3:[A-Za-z0-9+/]+=*$/);
    assert.equal((generated.data as { customer_id: number }).customer_id, customer.customerId);
    assert.equal((generated.data as { admin_id: number }).admin_id, admin.adminId);

    const validated = await asAdmin.post('login-as-customer/secret/validate', { secret });
    assert.equal(validated.status, 200);
    assert.deepEqual(
      { customer: (validated.data as { customer_id: number }).customer_id, admin: (validated.data as { admin_id: number }).admin_id },
      { customer: customer.customerId, admin: admin.adminId },
    );

    const exchanged = await asAdmin.post('login-as-customer/token', { secret });
    assert.equal(exchanged.status, 200);
    assert.equal(typeof exchanged.data, 'string');
    const asCustomer = client(app.baseUrl, exchanged.data as string);

    // `get` without params appends `?searchCriteria`, as the client always does; the route ignores it.
    const me = await asCustomer.get('customers/me');
    assert.equal(me.status, 200);
    assert.equal((me.data as { id: number }).id, customer.customerId);
    assert.equal((me.data as { email: string }).email, customer.email);

    // The client's own search syntax (`{field: value}` → searchCriteria[filter_groups][i][filters][0][…]).
    const log = await asAdmin.get('login-as-customer/log', { customer_id: customer.customerId });
    assert.equal(log.status, 200);
    const events = (log.data as { items: { event: string }[] }).items.map((item) => item.event);
    assert.deepEqual(events, ['generated', 'validated', 'exchanged']);

    const reused = await failure(asAdmin.post('login-as-customer/token', { secret }));
    assert.equal(reused.status, 401);
    assert.deepEqual(reused.data, { message: 'Invalid or expired secret.' });

    // Ending the session right after the exchange, in the same second, revokes the token issued through it.
    // `delete` sends no body: the optional customerId goes in the query string, where DELETE inputs are read.
    const ended = await asAdmin.delete(`login-as-customer/session?customerId=${customer.customerId}`);
    assert.equal(ended.status, 200);
    assert.equal(ended.data, true);
    const afterEnd = await failure(asCustomer.get('customers/me'));
    assert.equal(afterEnd.status, 401);
  });

  it('receives Magento error bodies as axios errors', async () => {
    const wrong = await failure(client(app.baseUrl).post('integration/admin/token', { username: admin.username, password: 'not-the-password-1' }));
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.data, {
      message: 'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
    });

    const anonymous = await failure(client(app.baseUrl).post('login-as-customer/secret', { customerId: 1 }));
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.data, {
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: LAC_LOGIN },
    });
  });
});
