import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../../src/Framework/Crypt/Encryptor.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { FixedClock, formatDbDate, unixSeconds } from '../../../src/Framework/Stdlib/Clock.ts';
import { CryptoRandom } from '../../../src/Framework/Stdlib/Random.ts';
import { RoleManagement } from '../../../src/Model/Authorization/RoleManagement.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { vectors } from '../../unit/Framework/Crypt/vectors.ts';
import {
  API_TOKEN,
  ASSISTANCE,
  auditFor,
  createAdmin,
  createCustomer,
  createIntegration,
  createWebsiteWithStore,
  FOREIGN_KEY,
  get,
  independentDecrypt,
  insertMagentoSession,
  LOG,
  LOGIN,
  OLD_KEY,
  rest,
  ROTATED_KEY,
  setConfig,
  startApp,
  TOKEN,
  type AdminActor,
  type ErrorBody,
  type TestApp,
} from './lacHarness.ts';

const INVALID_SECRET = { message: 'Invalid or expired secret.' };
const ENABLED = 'login_as_customer/general/enabled';
const MANUAL_CHOICE = 'login_as_customer/general/store_view_manual_choice_enabled';
const LIFETIME = 'login_as_customer/general/authentication_data_expiration_time';

interface SecretBody {
  secret: string;
  customer_id: number;
  admin_id: number;
  store_id: number;
  expires_at: string;
}

forEachDatabase('Login as Customer over REST', (getDb, { openConnection, platform }) => {
  const clock = new FixedClock(Date.UTC(2030, 0, 15, 9, 0, 0));
  const logger = new MemoryLogger();
  let app: TestApp;
  /** All resources: the admin who generates, exchanges and reads the log in most tests. */
  let admin: AdminActor;

  const generate = (actor: AdminActor, customerId: number, extra: Record<string, unknown> = {}) =>
    rest(app, 'POST', '/login-as-customer/secret', { token: actor.token, body: { customerId, ...extra } });
  const exchange = (token: string, secret: string) => rest(app, 'POST', '/login-as-customer/token', { token, body: { secret } });
  const secretOf = (reply: { status: number; body: unknown }): string => {
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return (reply.body as SecretBody).secret;
  };
  const lastRejection = async (customerId: number): Promise<string | undefined> =>
    (await auditFor(app, admin.token, customerId)).filter((e) => e.event === 'rejected').at(-1)?.rejection_reason;

  before(async () => {
    app = await startApp(getDb(), clock, logger);
    await setConfig(app, ENABLED, '1');
    admin = await createAdmin(app, ['Magento_Backend::all']);
  });
  after(async () => {
    await setConfig(app, ENABLED, null);
    await app.close();
  });

  it('walks generate → validate → exchange → GET /V1/customers/me, audits it, and refuses a second exchange', async () => {
    const customer = await createCustomer(app);
    const generated = await generate(admin, customer.customerId, { reason: 'Ticket 4711' });
    assert.equal(generated.status, 200, JSON.stringify(generated.body));
    const body = generated.body as SecretBody;
    assert.match(body.secret, /^1:3:[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(
      { ...body, secret: undefined },
      { secret: undefined, customer_id: customer.customerId, admin_id: admin.adminId, store_id: 1, expires_at: formatDbDate(clock.now() + 60_000) },
    );

    const validated = await rest(app, 'POST', '/login-as-customer/secret/validate', { token: admin.token, body: { secret: body.secret } });
    assert.equal(validated.status, 200);
    assert.deepEqual(validated.body, { customer_id: customer.customerId, admin_id: admin.adminId, store_id: 1, expires_at: body.expires_at });

    const exchanged = await exchange(admin.token, body.secret);
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    assert.equal(typeof exchanged.body, 'string');
    const me = await rest(app, 'GET', '/customers/me', { token: exchanged.body as string });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal((me.body as { id: number }).id, customer.customerId);
    assert.equal((me.body as { email: string }).email, customer.email);

    const again = await exchange(admin.token, body.secret);
    assert.equal(again.status, 401);
    assert.deepEqual(again.body, INVALID_SECRET);

    const audit = await auditFor(app, admin.token, customer.customerId);
    assert.deepEqual(
      audit.map((e) => [e.event, e.operation, e.outcome, e.rejection_reason ?? null]),
      [
        ['generated', 'generate', 'success', null],
        ['validated', 'validate', 'success', null],
        ['exchanged', 'exchange', 'success', null],
        ['rejected', 'exchange', 'failure', 'already_used'],
      ],
    );
    assert.equal(audit[0]?.reason, 'Ticket 4711');
    assert.equal(audit[0]?.user_name, admin.username);
    assert.equal(audit[0]?.customer_email, customer.email);
    assert.equal(audit[0]?.caller_user_type, 2);
    assert.equal(audit[0]?.caller_user_id, admin.adminId);
    assert.equal(audit[2]?.store_id, 1);
    assert.equal(audit[2]?.token_expires_at, formatDbDate(clock.now() + 3_600_000));
    for (const entry of audit) assert.equal(JSON.stringify(entry).includes(body.secret), false, 'no secret in the audit log');
    const logged = JSON.stringify(logger.lines);
    assert.ok(logger.lines.some((l) => l.loginAsCustomer === 'exchanged'), 'the exchange is logged');
    for (const needle of [body.secret, body.secret.slice(4, 40), exchanged.body as string, admin.token]) {
      assert.equal(logged.includes(needle), false, 'no secret or token in the logs');
    }

    const magentoLog = await getDb().fetchAll(
      `SELECT user_id, user_name, customer_email FROM ${getDb().getTableName('magento_login_as_customer_log')} WHERE customer_id = ?`,
      [customer.customerId],
    );
    assert.deepEqual(magentoLog, [{ user_id: admin.adminId, user_name: admin.username, customer_email: customer.email.slice(0, 40) }]);
  });

  it('a generated secret decrypts, with the current key, to Magento\'s JSON (independent ChaCha20-Poly1305)', async () => {
    for (const v of vectors.lac_secrets) {
      assert.equal(independentDecrypt(v.secret, vectors.crypt_keys[v.key]), v.plaintext, 'the test decryption itself is right');
    }
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(admin, customer.customerId));
    assert.equal(secret.split(':')[0], '1', 'encrypted with the current (last) key');
    assert.equal(
      independentDecrypt(secret, ROTATED_KEY),
      `{"admin_id":${admin.adminId},"customer_id":${customer.customerId},"time_stamp":${unixSeconds(clock)}}`,
    );
  });

  it("serves Magento PR #40310's route and Adobe's /otp shape with the same rules", async () => {
    const customer = await createCustomer(app);
    const otp = await rest(app, 'POST', `/customer/${customer.customerId}/otp`, { token: admin.token, body: { reason: 'Support session' } });
    assert.equal(otp.status, 200, JSON.stringify(otp.body));
    const code = (otp.body as { otp: string }).otp;
    const token = await rest(app, 'POST', '/integration/customer/login-as-customer', { token: admin.token, body: { secret: code } });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal((await rest(app, 'GET', '/customers/me', { token: token.body as string })).status, 200);
    const again = await rest(app, 'POST', '/integration/customer/login-as-customer', { token: admin.token, body: { secret: code } });
    assert.equal(again.status, 401);
    assert.deepEqual(again.body, INVALID_SECRET);
    assert.equal((await auditFor(app, admin.token, customer.customerId))[0]?.reason, 'Support session');
  });

  it('refuses everything while the feature is disabled', async () => {
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(admin, customer.customerId));
    await setConfig(app, ENABLED, '0');
    try {
      const generated = await generate(admin, customer.customerId);
      assert.equal(generated.status, 400);
      assert.deepEqual(generated.body, { message: 'Login as Customer is disabled.' });
      for (const path of ['/login-as-customer/token', '/login-as-customer/secret/validate']) {
        const reply = await rest(app, 'POST', path, { token: admin.token, body: { secret } });
        assert.equal(reply.status, 400, path);
        assert.deepEqual(reply.body, { message: 'Login as Customer is disabled.' });
      }
      const pr = await rest(app, 'POST', '/integration/customer/login-as-customer', { token: admin.token, body: { secret } });
      assert.equal(pr.status, 400);
      assert.deepEqual(pr.body, { message: 'Login As Customer module is disabled.' });
    } finally {
      await setConfig(app, ENABLED, '1');
    }
    assert.equal((await exchange(admin.token, secret)).status, 200, 'the secret was not burnt by the refusals');
  });

  it('refuses a customer who did not opt in, also when consent is withdrawn after generation', async () => {
    const stranger = await createCustomer(app, { optIn: false });
    const refused = await generate(admin, stranger.customerId);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { message: 'Login as Customer assistance is disabled for this Customer.' });

    const customer = await createCustomer(app);
    const secret = secretOf(await generate(admin, customer.customerId));
    const withdrawn = await rest(app, 'PUT', `/login-as-customer/assistance/${customer.customerId}`, {
      token: admin.token,
      body: { isAllowed: false },
    });
    assert.deepEqual([withdrawn.status, withdrawn.body], [200, false]);
    assert.deepEqual((await exchange(admin.token, secret)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'assistance_disabled');
  });

  it('answers 404 for an unknown customer', async () => {
    const reply = await generate(admin, 2_000_000_000);
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { message: 'Customer with this ID no longer exists.' });
  });

  it('with manual store choice, storeId is required and must be in the customer\'s website', async () => {
    const customer = await createCustomer(app);
    const other = await createWebsiteWithStore(app, getDb());
    await setConfig(app, MANUAL_CHOICE, '1');
    try {
      const missing = await generate(admin, customer.customerId);
      assert.equal(missing.status, 400);
      assert.deepEqual(missing.body, { message: 'Please select a Store to login in.' });

      const foreign = await generate(admin, customer.customerId, { storeId: other.storeId });
      assert.equal(foreign.status, 400);
      assert.deepEqual(foreign.body as ErrorBody, {
        message: 'Invalid value of "%value" provided for the %fieldName field.',
        parameters: { fieldName: 'storeId', value: other.storeId },
      });

      const chosen = await generate(admin, customer.customerId, { storeId: 1 });
      assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
      assert.equal((chosen.body as SecretBody).store_id, 1);
      const validated = await rest(app, 'POST', '/login-as-customer/secret/validate', {
        token: admin.token,
        body: { secret: (chosen.body as SecretBody).secret },
      });
      assert.equal((validated.body as SecretBody).store_id, 1);
    } finally {
      await setConfig(app, MANUAL_CHOICE, null);
    }
    const rejections = (await auditFor(app, admin.token, customer.customerId)).filter((e) => e.event === 'rejected');
    assert.deepEqual(rejections.map((e) => e.rejection_reason), ['store_not_selected', 'store_invalid']);
  });

  it('refuses an expired secret (pinned clock), at the configured lifetime', async () => {
    const customer = await createCustomer(app);
    await setConfig(app, LIFETIME, '120');
    try {
      const generated = (await generate(admin, customer.customerId)).body as SecretBody;
      assert.equal(generated.expires_at, formatDbDate(clock.now() + 120_000));
      clock.advance(119_000);
      const valid = await rest(app, 'POST', '/login-as-customer/secret/validate', { token: admin.token, body: { secret: generated.secret } });
      assert.equal(valid.status, 200);
      clock.advance(1_000);
      const expired = await exchange(admin.token, generated.secret);
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.body, INVALID_SECRET);
    } finally {
      await setConfig(app, LIFETIME, null);
    }
    assert.equal(await lastRejection(customer.customerId), 'expired');
  });

  it('refuses a tampered secret and a secret made with another key', async () => {
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(admin, customer.customerId));
    const [version, cipher, payload = ''] = secret.split(':');
    const bytes = Buffer.from(payload, 'base64');
    bytes[20] = (bytes[20] as number) ^ 0x01;
    const tampered = `${version}:${cipher}:${bytes.toString('base64')}`;
    assert.deepEqual((await exchange(admin.token, tampered)).body, INVALID_SECRET);

    const otherKey = new Encryptor(new CryptKey(FOREIGN_KEY), new CryptoRandom()).encrypt(
      JSON.stringify({ admin_id: admin.adminId, customer_id: customer.customerId, time_stamp: unixSeconds(clock) }),
    );
    const reply = await exchange(admin.token, otherKey);
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, INVALID_SECRET);
    assert.deepEqual(
      (await auditFor(app, admin.token, customer.customerId)).filter((e) => e.event === 'rejected').map((e) => e.rejection_reason),
      [],
      'undecryptable secrets name nobody, so they are not filed under the customer',
    );
    assert.equal((await exchange(admin.token, secret)).status, 200, 'the untouched secret still works');
  });

  it("accepts a secret a real Magento admin made with an older key version, while Magento's session row exists", async () => {
    const customer = await createCustomer(app);
    const now = unixSeconds(clock);
    await insertMagentoSession(getDb(), admin.adminId, customer.customerId, formatDbDate(now * 1000));
    const magentoSecret = new Encryptor(new CryptKey(OLD_KEY), new CryptoRandom()).encrypt(
      JSON.stringify({ admin_id: admin.adminId, customer_id: customer.customerId, time_stamp: now }),
    );
    assert.match(magentoSecret, /^0:3:/);
    const reply = await exchange(admin.token, magentoSecret);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal((await rest(app, 'GET', '/customers/me', { token: reply.body as string })).status, 200);
    assert.deepEqual((await exchange(admin.token, magentoSecret)).body, INVALID_SECRET, 'single use holds for Magento secrets too');
  });

  it('refuses a secret from the future, and one whose customer was deactivated or deleted', async () => {
    const customer = await createCustomer(app);
    await generate(admin, customer.customerId);
    const future = new Encryptor(new CryptKey(ROTATED_KEY), new CryptoRandom()).encrypt(
      JSON.stringify({ admin_id: admin.adminId, customer_id: customer.customerId, time_stamp: unixSeconds(clock) + 31 }),
    );
    assert.deepEqual((await exchange(admin.token, future)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'not_yet_valid');

    const secret = secretOf(await generate(admin, customer.customerId));
    await getDb().execute(`UPDATE ${getDb().getTableName('customer_entity')} SET is_active = 0 WHERE entity_id = ?`, [customer.customerId]);
    assert.deepEqual((await exchange(admin.token, secret)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'customer_inactive');

    const gone = await createCustomer(app);
    const goneSecret = secretOf(await generate(admin, gone.customerId));
    await getDb().execute(`DELETE FROM ${getDb().getTableName('customer_entity')} WHERE entity_id = ?`, [gone.customerId]);
    assert.deepEqual((await exchange(admin.token, goneSecret)).body, INVALID_SECRET);
    assert.equal(await lastRejection(gone.customerId), 'customer_not_found');
  });

  it('a newer login-as by the same admin supersedes the pending secret', async () => {
    const customer = await createCustomer(app);
    const first = secretOf(await generate(admin, customer.customerId));
    const second = secretOf(await generate(admin, customer.customerId));
    assert.deepEqual((await exchange(admin.token, first)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'session_superseded');
    assert.equal((await exchange(admin.token, second)).status, 200);
  });

  it('ends pending secrets and issued tokens when the admin logs out (tokens revoked) between generate and exchange', async () => {
    const owner = await createAdmin(app, [LOGIN]);
    const exchanger = await createAdmin(app, [TOKEN]);
    const customer = await createCustomer(app);
    const used = secretOf(await generate(owner, customer.customerId));
    const customerToken = (await exchange(exchanger.token, used)).body as string;
    assert.equal((await rest(app, 'GET', '/customers/me', { token: customerToken })).status, 200);
    const pending = secretOf(await generate(owner, customer.customerId));

    clock.advance(1_000);
    const logout = await rest(app, 'POST', '/integration/admin/revoke-admin-token', { token: owner.token });
    assert.equal(logout.status, 200, JSON.stringify(logout.body));

    const refused = await exchange(exchanger.token, pending);
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'session_ended');
    const me = await rest(app, 'GET', '/customers/me', { token: customerToken });
    assert.equal(me.status, 401, 'the token issued through the session is revoked');
    const ended = (await auditFor(app, admin.token, customer.customerId)).filter((e) => e.event === 'ended');
    assert.deepEqual(ended.map((e) => [e.reason, e.user_id]), [['admin_tokens_revoked', owner.adminId]]);
  });

  it('refuses the exchange once the admin lost Magento_LoginAsCustomer::login or was deactivated', async () => {
    const exchanger = await createAdmin(app, [TOKEN]);
    const owner = await createAdmin(app, [LOGIN]);
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(owner, customer.customerId));
    await get<RoleManagement>(app, RoleManagement).setRule(owner.roleId, LOGIN, 'deny');
    assert.deepEqual((await exchange(exchanger.token, secret)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'admin_not_allowed');

    const other = await createAdmin(app, [LOGIN]);
    const second = secretOf(await generate(other, customer.customerId));
    await getDb().execute(`UPDATE ${getDb().getTableName('admin_user')} SET is_active = 0 WHERE user_id = ?`, [other.adminId]);
    assert.deepEqual((await exchange(exchanger.token, second)).body, INVALID_SECRET);
    assert.equal(await lastRejection(customer.customerId), 'admin_inactive');
  });

  it('requires Magento_LoginAsCustomer::token to validate or exchange, and ::login to generate', async () => {
    const owner = await createAdmin(app, [LOGIN]);
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(owner, customer.customerId));
    for (const [path, resource] of [
      ['/login-as-customer/token', TOKEN],
      ['/login-as-customer/secret/validate', TOKEN],
      ['/integration/customer/login-as-customer', API_TOKEN],
    ] as const) {
      const reply = await rest(app, 'POST', path, { token: owner.token, body: { secret } });
      assert.equal(reply.status, 401, path);
      assert.deepEqual(reply.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: resource } });
    }
    const exchanger = await createAdmin(app, [TOKEN]);
    const denied = await generate(exchanger, customer.customerId);
    assert.equal(denied.status, 401);
    assert.deepEqual(denied.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: LOGIN } });
    assert.equal((await exchange(exchanger.token, secret)).status, 200);
  });

  it('lets an integration generate for a named admin, and exchange', async () => {
    await setConfig(app, 'oauth/consumer/enable_integration_as_bearer', '1');
    try {
      const integration = await createIntegration(app, [LOGIN, TOKEN]);
      const owner = await createAdmin(app, [LOGIN]);
      const exchangerOnly = await createAdmin(app, [TOKEN]);
      const customer = await createCustomer(app);
      const asIntegration = (body: Record<string, unknown>) =>
        rest(app, 'POST', '/login-as-customer/secret', { token: integration.token, body: { customerId: customer.customerId, ...body } });

      const missing = await asIntegration({});
      assert.equal(missing.status, 400);
      assert.deepEqual(missing.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'adminId' } });
      const notAllowed = await asIntegration({ adminId: exchangerOnly.adminId });
      assert.equal(notAllowed.status, 400);
      assert.deepEqual(notAllowed.body, {
        message: 'Invalid value of "%value" provided for the %fieldName field.',
        parameters: { fieldName: 'adminId', value: exchangerOnly.adminId },
      });

      const generated = await asIntegration({ adminId: owner.adminId, reason: 'CRM ticket' });
      assert.equal(generated.status, 200, JSON.stringify(generated.body));
      assert.equal((generated.body as SecretBody).admin_id, owner.adminId);
      const exchanged = await exchange(integration.token, (generated.body as SecretBody).secret);
      assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));

      const entries = (await auditFor(app, admin.token, customer.customerId)).filter((e) => e.outcome === 'success');
      assert.deepEqual(
        entries.map((e) => [e.event, e.user_id, e.caller_user_type, e.caller_user_id]),
        [
          ['generated', owner.adminId, 1, integration.integrationId],
          ['exchanged', owner.adminId, 1, integration.integrationId],
        ],
      );
      const admins = await rest(app, 'POST', '/login-as-customer/secret', {
        token: owner.token,
        body: { customerId: customer.customerId, adminId: admin.adminId },
      });
      assert.equal(admins.status, 400, 'an admin cannot act for another admin');
    } finally {
      await setConfig(app, 'oauth/consumer/enable_integration_as_bearer', null);
    }
  });

  it('lets exactly one of many simultaneous exchanges of one secret through', async () => {
    const customer = await createCustomer(app);
    const secret = secretOf(await generate(admin, customer.customerId));
    const replies = await Promise.all(Array.from({ length: 16 }, () => exchange(admin.token, secret)));
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, ...Array<number>(15).fill(401)]);
    const audit = await auditFor(app, admin.token, customer.customerId);
    assert.equal(audit.filter((e) => e.event === 'exchanged').length, 1);
    assert.equal(audit.filter((e) => e.rejection_reason === 'already_used').length, 15);
  });

  it('lets exactly one exchange through across two app instances on one database', { skip: platform === 'sqlite' ? 'two processes share MySQL, not an embedded file' : false }, async () => {
    const second = await startApp(openConnection() as ConnectionInterface, clock);
    try {
      const customer = await createCustomer(app);
      const secret = secretOf(await generate(admin, customer.customerId));
      const replies = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          rest(i % 2 === 0 ? app : second, 'POST', '/login-as-customer/token', { token: admin.token, body: { secret } }),
        ),
      );
      assert.deepEqual(replies.map((r) => r.status).sort(), [200, ...Array<number>(15).fill(401)]);
    } finally {
      await second.close();
    }
  });

  it('manages the opt-in over REST and through extension_attributes.assistance_allowed', async () => {
    const customer = await createCustomer(app, { optIn: false });
    const token = (await rest(app, 'POST', '/integration/customer/token', { body: { username: customer.email, password: customer.password } }))
      .body as string;
    assert.deepEqual((await rest(app, 'GET', '/login-as-customer/assistance/me', { token })).body, false);
    assert.deepEqual((await rest(app, 'PUT', '/login-as-customer/assistance/me', { token, body: { isAllowed: true } })).body, true);
    const me = await rest(app, 'GET', '/customers/me', { token });
    assert.equal((me.body as { extension_attributes?: { assistance_allowed?: number } }).extension_attributes?.assistance_allowed, 2);

    const current = me.body as Record<string, unknown>;
    const saved = await rest(app, 'PUT', '/customers/me', {
      token,
      body: { customer: { ...current, extension_attributes: { assistance_allowed: 1 } } },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual((await rest(app, 'GET', '/login-as-customer/assistance/me', { token })).body, false);
    assert.equal((await generate(admin, customer.customerId)).status, 400);

    const unknown = await rest(app, 'PUT', '/login-as-customer/assistance/2000000000', { token: admin.token, body: { isAllowed: true } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, {
      message: 'No such entity with %fieldName = %fieldValue',
      parameters: { fieldName: 'customerId', fieldValue: 2000000000 },
    });
    const noRight = await createAdmin(app, [LOGIN]);
    const forbidden = await rest(app, 'PUT', `/login-as-customer/assistance/${customer.customerId}`, { token: noRight.token, body: { isAllowed: true } });
    assert.deepEqual(forbidden.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: ASSISTANCE } });
  });

  it('ends sessions on DELETE /V1/login-as-customer/session: rows gone, tokens revoked, audited', async () => {
    const owner = await createAdmin(app, [LOGIN, TOKEN]);
    const customer = await createCustomer(app);
    const customerToken = (await exchange(owner.token, secretOf(await generate(owner, customer.customerId)))).body as string;
    const pending = secretOf(await generate(owner, customer.customerId));
    clock.advance(1_000);

    const elsewhere = await rest(app, 'DELETE', `/login-as-customer/session?customerId=${customer.customerId + 1}`, { token: owner.token });
    assert.deepEqual([elsewhere.status, elsewhere.body], [200, false], 'only the session on that customer would end');
    assert.equal((await rest(app, 'GET', '/customers/me', { token: customerToken })).status, 200);

    const ended = await rest(app, 'DELETE', `/login-as-customer/session?customerId=${customer.customerId}`, { token: owner.token });
    assert.deepEqual([ended.status, ended.body], [200, true]);
    assert.equal((await rest(app, 'GET', '/customers/me', { token: customerToken })).status, 401);
    assert.deepEqual((await exchange(owner.token, pending)).body, INVALID_SECRET);
    const again = await rest(app, 'DELETE', '/login-as-customer/session', { token: owner.token });
    assert.deepEqual([again.status, again.body], [200, false], 'nothing left to end');
  });

  it('searches the audit log with searchCriteria and needs Magento_LoginAsCustomerLog::login_log', async () => {
    const customer = await createCustomer(app);
    await generate(admin, customer.customerId);
    const query =
      `searchCriteria[filter_groups][0][filters][0][field]=customer_id&searchCriteria[filter_groups][0][filters][0][value]=${customer.customerId}` +
      '&searchCriteria[filter_groups][1][filters][0][field]=event&searchCriteria[filter_groups][1][filters][0][value]=generated' +
      '&searchCriteria[pageSize]=5&searchCriteria[currentPage]=1';
    const found = await rest(app, 'GET', `/login-as-customer/log?${query}`, { token: admin.token });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    const result = found.body as { items: Array<Record<string, unknown>>; total_count: number; search_criteria: unknown };
    assert.equal(result.total_count, 1);
    assert.equal(result.items[0]?.customer_id, customer.customerId);
    assert.equal(result.items[0]?.user_id, admin.adminId);
    assert.equal('secret_hash' in (result.items[0] ?? {}), false);
    const reader = await createAdmin(app, [TOKEN]);
    const denied = await rest(app, 'GET', `/login-as-customer/log?${query}`, { token: reader.token });
    assert.deepEqual(denied.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: LOG } });
  });
});
