import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { CustomerTokenServiceInterface } from '../../../src/Api/Integration/CustomerTokenServiceInterface.ts';
import { GUEST, UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import type { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { AuthenticationException } from '../../../src/Framework/Exception/AuthenticationException.ts';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import { EmailNotConfirmedException } from '../../../src/Model/Customer/EmailNotConfirmedException.ts';
import { vectors } from '../../unit/Framework/Crypt/vectors.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createIdentityHarness, T0, type IdentityHarness } from '../Identity/harness.ts';
import { createCustomer } from '../Identity/factories.ts';

const SIGN_IN_FAILED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';

async function failure(promise: Promise<unknown>): Promise<LocalizedException> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof LocalizedException, `expected a LocalizedException, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a failure');
}

forEachDatabase('CustomerTokenService', (getDb) => {
  let h: IdentityHarness;
  let service: CustomerTokenServiceInterface;
  const asStorefront = <T>(fn: () => Promise<T>, storeId = 1) => h.asRequest(GUEST, fn, storeId);
  beforeEach(() => {
    h = createIdentityHarness(getDb(), {
      config: { 'oauth/authentication_lock/max_failures_count': '2', 'oauth/authentication_lock/timeout': '60' },
    });
    service = h.get<CustomerTokenServiceInterface>(TYPES.CustomerTokenService);
  });

  it('issues a customer JWT (utypid 3, customer_expiration minutes)', async () => {
    const customer = await createCustomer(getDb());
    const token = await asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024'));
    const claims = h.get<JwtCodec>(TYPES.JwtCodec).read(token);
    assert.deepEqual(claims, { uid: customer.customerId, utypid: 3, iat: T0 / 1000, exp: T0 / 1000 + 3600 });
  });

  it('matches the e-mail case-insensitively, as MySQL collation does for Magento', async () => {
    const customer = await createCustomer(getDb());
    const token = await asStorefront(() => service.createCustomerAccessToken(customer.email.toUpperCase(), 'Customer#2024'));
    assert.equal(h.get<JwtCodec>(TYPES.JwtCodec).read(token)?.uid, customer.customerId);
  });

  for (const entry of vectors.password_hashes.filter((p) => p.password === 'Customer#2024')) {
    it(`accepts hash version(s) ${entry.versions.join(':')} and upgrades an old one to 3_32_2_67108864`, async () => {
      const customer = await createCustomer(getDb(), { passwordHash: entry.stored });
      await asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024'));
      const stored = String(
        await getDb().fetchOne(`SELECT password_hash FROM ${getDb().getTableName('customer_entity')} WHERE entity_id = ?`, [customer.customerId]),
      );
      assert.match(stored, /^[0-9a-f]{64}:[A-Za-z0-9]{32}:3_32_2_67108864$/);
      if (entry.versions.join(':') !== '3') assert.notEqual(stored, entry.stored);
      // The upgraded hash still takes the password.
      await asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024'));
    });
  }

  it('wrong password, unknown e-mail and another website all give the one sign-in message', async () => {
    const customer = await createCustomer(getDb());
    // Another website's customer (the admin website's; on /rest/all the default website is used, see StoreScope).
    const elsewhere = await createCustomer(getDb(), { websiteId: 0, storeId: 0 });
    for (const [email, password, storeId] of [
      [customer.email, 'Customer#2025', 1],
      [`x${customer.email}`, 'Customer#2024', 1],
      [elsewhere.email, 'Customer#2024', 1],
    ] as const) {
      const e = await failure(asStorefront(() => service.createCustomerAccessToken(email, password), storeId));
      assert.ok(e instanceof AuthenticationException);
      assert.equal(e.getRawMessage(), SIGN_IN_FAILED);
    }
  });

  it('locks after max_failures_count failures and unlocks after the timeout', async () => {
    const customer = await createCustomer(getDb());
    await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'bad')));
    await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'bad')));
    const locked = await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024')));
    assert.equal(locked.getRawMessage(), SIGN_IN_FAILED);
    const row = await getDb().fetchRow(
      `SELECT failures_count, lock_expires_at FROM ${getDb().getTableName('oauth_token_request_log')} WHERE user_name = ? AND user_type = 2`,
      [customer.email],
    );
    assert.deepEqual({ ...row, failures_count: Number(row?.failures_count) }, { failures_count: 2, lock_expires_at: '2025-11-24 16:01:00' });
    h.clock.advance(60_000);
    assert.match(await asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024')), /^eyJ/);
  });

  it('an expired lock row restarts the count at 1 instead of re-locking at once', async () => {
    const customer = await createCustomer(getDb());
    await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'bad')));
    await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'bad')));
    h.clock.advance(61_000);
    await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'bad')));
    assert.match(await asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024')), /^eyJ/);
  });

  it('an unconfirmed account (confirmation required) gets Magento\'s own message', async () => {
    h = createIdentityHarness(getDb(), { config: { 'customer/create_account/confirm': '1' } });
    service = h.get<CustomerTokenServiceInterface>(TYPES.CustomerTokenService);
    const customer = await createCustomer(getDb(), { confirmation: 'abc123' });
    const e = await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024')));
    assert.ok(e instanceof EmailNotConfirmedException);
    assert.equal(e.getRawMessage(), "This account isn't confirmed. Verify and try again.");
  });

  it('a locked customer (customer_entity.lock_expires in the future) gets the sign-in message', async () => {
    const customer = await createCustomer(getDb());
    await getDb().execute(`UPDATE ${getDb().getTableName('customer_entity')} SET lock_expires = ? WHERE entity_id = ?`, [
      '2025-11-24 17:00:00',
      customer.customerId,
    ]);
    const e = await failure(asStorefront(() => service.createCustomerAccessToken(customer.email, 'Customer#2024')));
    assert.equal(e.getRawMessage(), SIGN_IN_FAILED);
  });

  it('revokeCustomerAccessToken writes jwt_auth_revoked = now (this second included) and tells other modules', async () => {
    const customer = await createCustomer(getDb());
    const seen: unknown[] = [];
    h.events.addObserver('customer_tokens_revoked', { execute: async (data) => void seen.push(data) });
    assert.equal(await service.revokeCustomerAccessToken(customer.customerId), true);
    const before = await getDb().fetchOne(
      `SELECT revoke_before FROM ${getDb().getTableName('jwt_auth_revoked')} WHERE user_type_id = ? AND user_id = ?`,
      [UserType.CUSTOMER, customer.customerId],
    );
    assert.equal(Number(before), T0 / 1000);
    assert.deepEqual(seen, [{ customerId: customer.customerId }]);
  });
});
