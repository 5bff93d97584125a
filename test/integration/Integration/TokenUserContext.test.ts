import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { beforeEach, it } from 'node:test';
import type { AdminTokenServiceInterface } from '../../../src/Api/Integration/AdminTokenServiceInterface.ts';
import type { UserTokenIssuerInterface } from '../../../src/Api/Integration/UserTokenIssuerInterface.ts';
import { GUEST, UserType, type UserContextResolver, authorizationOnly } from '../../../src/Framework/Authentication/UserContext.ts';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIdentityHarness, T0, TEST_CRYPT_KEY, type IdentityHarness } from '../Identity/harness.ts';
import { createAdmin, createCustomer, createOpaqueToken } from '../Identity/factories.ts';

const b64 = (value: string): string => Buffer.from(value).toString('base64url');

/** A JWT with any header and claims, signed HS256 with `key` padded like Magento does. */
function forge(header: object, claims: object, key = TEST_CRYPT_KEY): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', JwtCodec.padKey(Buffer.from(key))).update(input).digest('base64url')}`;
}

forEachDatabase('TokenUserContext', (getDb) => {
  let h: IdentityHarness;
  let resolver: UserContextResolver;
  let issuer: UserTokenIssuerInterface;
  const now = T0 / 1000;
  beforeEach(() => {
    h = createIdentityHarness(getDb());
    resolver = h.get<UserContextResolver>(TYPES.UserContextResolver);
    issuer = h.get<UserTokenIssuerInterface>(TYPES.UserTokenIssuer);
  });

  it('an issued admin or customer JWT names its user', async () => {
    const admin = await createAdmin(getDb());
    const customer = await createCustomer(getDb());
    const adminToken = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    const customerToken = await issuer.create({ userId: customer.customerId, userType: UserType.CUSTOMER });
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`)), { userId: admin.userId, userType: UserType.ADMIN });
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${customerToken}`)), { userId: customer.customerId, userType: UserType.CUSTOMER });
  });

  it('expired: accepted until exp, a guest from exp on', async () => {
    const customer = await createCustomer(getDb());
    const token = await issuer.create({ userId: customer.customerId, userType: UserType.CUSTOMER });
    h.clock.advance(3599_000);
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${token}`))).userId, customer.customerId);
    h.clock.advance(1_000);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${token}`)), GUEST);
  });

  it('forged (signed with another key), alg none, another algorithm and tampered tokens make a guest', async () => {
    const customer = await createCustomer(getDb());
    const claims = { uid: customer.customerId, utypid: 3, iat: now, exp: now + 3600 };
    const good = forge({ kid: '1', alg: 'HS256' }, claims);
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${good}`))).userId, customer.customerId);
    const wrongKey = forge({ kid: '1', alg: 'HS256' }, claims, '0123456789abcdef0123456789abcdef');
    const none = `${b64('{"alg":"none"}')}.${b64(JSON.stringify(claims))}.`;
    const hs512Input = `${b64('{"kid":"1","alg":"HS512"}')}.${b64(JSON.stringify(claims))}`;
    const hs512 = `${hs512Input}.${createHmac('sha512', JwtCodec.padKey(Buffer.from(TEST_CRYPT_KEY))).update(hs512Input).digest('base64url')}`;
    const [head, , sig] = good.split('.');
    const tampered = `${head}.${b64(JSON.stringify({ ...claims, uid: customer.customerId + 1 }))}.${sig}`;
    const missingClaim = forge({ kid: '1', alg: 'HS256' }, { uid: customer.customerId, utypid: 3, exp: now + 3600 });
    for (const token of [wrongKey, none, hs512, tampered, missingClaim, 'not.a.jwt', good.slice(0, -2)]) {
      assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${token}`)), GUEST, token);
    }
  });

  it('a token from a real Magento with another crypt key (rotated away) is refused', async () => {
    const customer = await createCustomer(getDb());
    const other = new JwtCodec(new CryptKey(`${TEST_CRYPT_KEY}\n0123456789abcdef0123456789abcdef`));
    const token = other.encode({ uid: customer.customerId, utypid: 3, iat: now, exp: now + 60 });
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${token}`)), GUEST);
  });

  it('revoked: every token issued up to the revocation is refused, also within its second; one issued after it works (revoke_before = now)', async () => {
    const admin = await createAdmin(getDb());
    const early = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    h.clock.advance(5_000);
    const sameSecond = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    await h.get<AdminTokenServiceInterface>(TYPES.AdminTokenService).revokeAdminAccessToken(admin.userId);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${early}`)), GUEST);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${sameSecond}`)), GUEST);
    const after = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${after}`))).userId, admin.userId);
    h.clock.advance(1_000);
    const later = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${later}`))).userId, admin.userId);
  });

  it('an inactive or deleted admin and a deleted customer get no user', async () => {
    const admin = await createAdmin(getDb());
    const customer = await createCustomer(getDb());
    const adminToken = await issuer.create({ userId: admin.userId, userType: UserType.ADMIN });
    const customerToken = await issuer.create({ userId: customer.customerId, userType: UserType.CUSTOMER });
    await getDb().execute(`UPDATE ${getDb().getTableName('admin_user')} SET is_active = 0 WHERE user_id = ?`, [admin.userId]);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`)), GUEST);
    await getDb().execute(`DELETE FROM ${getDb().getTableName('admin_user')} WHERE user_id = ?`, [admin.userId]);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`)), GUEST);
    await getDb().execute(`DELETE FROM ${getDb().getTableName('customer_entity')} WHERE entity_id = ?`, [customer.customerId]);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${customerToken}`)), GUEST);
  });

  it('legacy opaque tokens: accepted for oauth/access_token_lifetime hours (admin 4, customer 1), never when revoked', async () => {
    const admin = await createAdmin(getDb());
    const customer = await createCustomer(getDb());
    const adminToken = await createOpaqueToken(getDb(), { adminId: admin.userId, userType: UserType.ADMIN }, T0);
    const customerToken = await createOpaqueToken(getDb(), { customerId: customer.customerId, userType: UserType.CUSTOMER }, T0);
    const revoked = await createOpaqueToken(getDb(), { customerId: customer.customerId, userType: UserType.CUSTOMER }, T0, 1);
    h.clock.advance(3599_000);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`)), { userId: admin.userId, userType: UserType.ADMIN });
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${customerToken}`)), { userId: customer.customerId, userType: UserType.CUSTOMER });
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${revoked}`)), GUEST);
    h.clock.advance(1_000);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${customerToken}`)), GUEST);
    h.clock.advance(3 * 3600_000 - 1_000);
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`))).userId, admin.userId);
    h.clock.advance(1_000);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${adminToken}`)), GUEST);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer unknown${uniqueSuffix()}`)), GUEST);
  });

  it('revoking a customer also refuses their opaque tokens and marks them revoked', async () => {
    const customer = await createCustomer(getDb());
    const token = await createOpaqueToken(getDb(), { customerId: customer.customerId, userType: UserType.CUSTOMER }, T0 - 10_000);
    assert.equal((await resolver.resolve(authorizationOnly(`Bearer ${token}`))).userId, customer.customerId);
    await h.get<{ revokeCustomerAccessToken(id: number): Promise<boolean> }>(TYPES.CustomerTokenService).revokeCustomerAccessToken(
      customer.customerId,
    );
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${token}`)), GUEST);
    const revoked = await getDb().fetchOne(`SELECT revoked FROM ${getDb().getTableName('oauth_token')} WHERE token = ?`, [token]);
    assert.equal(Number(revoked), 1);
  });

  it('integration access tokens count only with oauth/consumer/enable_integration_as_bearer = 1, and never expire', async () => {
    const suffix = uniqueSuffix();
    const { insertId: consumerId } = await getDb().insert('oauth_consumer', {
      name: `c_${suffix}`,
      key: `k${suffix}`.padEnd(32, '0'),
      secret: `s${suffix}`.padEnd(32, '0'),
      rejected_callback_url: '',
    });
    const { insertId: integrationId } = await getDb().insert('integration', {
      name: `i_${suffix}`,
      email: `i_${suffix}@example.com`,
      status: 1,
      consumer_id: consumerId,
    });
    const token = await createOpaqueToken(getDb(), { consumerId, userType: UserType.INTEGRATION }, T0 - 400 * 86400_000);
    assert.deepEqual(await resolver.resolve(authorizationOnly(`Bearer ${token}`)), GUEST);
    const enabled = createIdentityHarness(getDb(), { config: { 'oauth/consumer/enable_integration_as_bearer': '1' } });
    const enabledResolver = enabled.get<UserContextResolver>(TYPES.UserContextResolver);
    assert.deepEqual(await enabledResolver.resolve(authorizationOnly(`Bearer ${token}`)), { userId: integrationId, userType: UserType.INTEGRATION });
  });
});
