import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer, createGroupRole, createOpaqueToken } from '../../integration/Identity/factories.ts';
import { T0 } from '../../integration/Identity/harness.ts';

const SIGN_IN_FAILED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';
const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";

forEachDatabase('Token routes over HTTP', (getDb) => {
  let app: TestApplication;
  const clock = new FixedClock(T0);
  before(async () => {
    app = await createTestApplication(getDb(), { clock });
  });
  after(() => app.close());

  const customerToken = async (email: string, password = 'Customer#2024') =>
    app.request('POST', '/rest/V1/integration/customer/token', { body: { username: email, password } });

  it('POST /V1/integration/customer/token → a JWT string that works on GET /V1/customers/me', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    assert.equal(token.status, 200);
    assert.match(String(token.body), /^eyJraWQiOiIxIiwiYWxnIjoiSFMyNTYifQ\./);
    const me = await app.request('GET', '/rest/V1/customers/me', { token: String(token.body) });
    assert.equal(me.status, 200);
    assert.equal((me.body as { id: number }).id, c.customerId);
    assert.equal((me.body as { email: string }).email, c.email);
  });

  it('POST /V1/integration/admin/token → a JWT for the admin; wrong password → 401 with the sign-in message', async () => {
    const a = await createAdmin(getDb());
    const ok = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } });
    assert.equal(ok.status, 200);
    assert.equal(typeof ok.body, 'string');
    const bad = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'nope' } });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.body, { message: SIGN_IN_FAILED });
  });

  it('blank credentials → 400 naming the field, or both fields with the aggregate message', async () => {
    const one = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: 'someone@example.com', password: '' } });
    assert.equal(one.status, 400);
    assert.deepEqual(one.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'password' } });
    const both = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: '', password: '' } });
    assert.equal(both.status, 400);
    assert.equal((both.body as { message: string }).message, 'One or more input exceptions have occurred.');
    assert.equal((both.body as { errors: unknown[] }).errors.length, 2);
  });

  it('locks a customer after 6 failures (default config) and unlocks 1800 s after the last one', async () => {
    const c = await createCustomer(getDb());
    for (let i = 0; i < 6; i++) assert.equal((await customerToken(c.email, 'wrong')).status, 401);
    const locked = await customerToken(c.email);
    assert.equal(locked.status, 401);
    assert.deepEqual(locked.body, { message: SIGN_IN_FAILED });
    clock.advance(1800_000);
    assert.equal((await customerToken(c.email)).status, 200);
  });

  it('an admin without a role → 401 "More permissions are needed to access this."', async () => {
    const a = await createAdmin(getDb(), { fullAccess: false });
    const reply = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { message: 'More permissions are needed to access this.' });
  });

  it('expired, forged, alg:none and malformed tokens leave a guest: the route answers 401 for "self"', async () => {
    const c = await createCustomer(getDb());
    const token = String((await customerToken(c.email)).body);
    const [head, payload] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number>;
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, uid: claims.uid! + 1 })).toString('base64url')}.${token.split('.')[2]}`;
    for (const bad of [none, tampered, 'garbage', `${token}x`]) {
      const reply = await app.request('GET', '/rest/V1/customers/me', { token: bad });
      assert.equal(reply.status, 401, bad);
      assert.deepEqual(reply.body, { message: UNAUTHORIZED, parameters: { resources: 'self' } });
    }
    clock.advance(3600_000);
    const expired = await app.request('GET', '/rest/V1/customers/me', { token });
    assert.equal(expired.status, 401);
    assert.deepEqual(expired.body, { message: UNAUTHORIZED, parameters: { resources: 'self' } });
  });

  it('a legacy opaque oauth_token is accepted on self routes', async () => {
    const c = await createCustomer(getDb());
    const token = await createOpaqueToken(getDb(), { customerId: c.customerId, userType: UserType.CUSTOMER }, clock.now());
    const me = await app.request('GET', '/rest/V1/customers/me', { token });
    assert.equal(me.status, 200);
    assert.equal((me.body as { id: number }).id, c.customerId);
  });

  it('POST /V1/integration/customer/revoke-customer-token → true; the revoked token is refused afterwards', async () => {
    const c = await createCustomer(getDb());
    const token = String((await customerToken(c.email)).body);
    clock.advance(1000);
    const revoked = await app.request('POST', '/rest/V1/integration/customer/revoke-customer-token', { token });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body, true);
    const me = await app.request('GET', '/rest/V1/customers/me', { token });
    assert.equal(me.status, 401);
    const guest = await app.request('POST', '/rest/V1/integration/customer/revoke-customer-token');
    assert.equal(guest.status, 401);
    assert.deepEqual(guest.body, { message: UNAUTHORIZED, parameters: { resources: 'self' } });
  });

  it('POST /V1/integration/admin/revoke-admin-token revokes the calling admin\'s tokens (our route)', async () => {
    const a = await createAdmin(getDb());
    const token = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } })).body);
    clock.advance(1000);
    const reply = await app.request('POST', '/rest/V1/integration/admin/revoke-admin-token', { token });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, true);
    const again = await app.request('POST', '/rest/V1/integration/admin/revoke-admin-token', { token });
    assert.equal(again.status, 401);
    assert.deepEqual(again.body, { message: UNAUTHORIZED, parameters: { resources: 'Magento_Backend::admin' } });
  });

  it('DELETE /V1/integration/customer/:customerId/tokens needs Magento_Customer::invalidate_tokens', async () => {
    const c = await createCustomer(getDb());
    const customer = String((await customerToken(c.email)).body);
    const limited = await createAdmin(getDb(), { roleId: await createGroupRole(getDb(), [['Magento_Customer::manage', 'deny'], ['Magento_Customer::customer', 'allow']]) });
    const limitedToken = String(
      (await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: limited.username, password: 'Admin123!' } })).body,
    );
    clock.advance(2500); // past the ACL cache for the new role, and past the issue second of the customer's token
    const refused = await app.request('DELETE', `/rest/V1/integration/customer/${c.customerId}/tokens`, { token: limitedToken });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, { message: UNAUTHORIZED, parameters: { resources: 'Magento_Customer::invalidate_tokens' } });
    const full = await createAdmin(getDb());
    const fullToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: full.username, password: 'Admin123!' } })).body);
    clock.advance(2500);
    const done = await app.request('DELETE', `/rest/V1/integration/customer/${c.customerId}/tokens`, { token: fullToken });
    assert.equal(done.status, 200);
    assert.equal(done.body, true);
    assert.equal((await app.request('GET', '/rest/V1/customers/me', { token: customer })).status, 401);
    const missing = await app.request('DELETE', '/rest/V1/integration/customer/2000000000/tokens', { token: fullToken });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: 2000000000 } });
  });
});
