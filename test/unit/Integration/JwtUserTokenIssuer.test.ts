import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { JwtUserTokenIssuer } from '../../../src/Model/Integration/JwtUserTokenIssuer.ts';
import { vectors } from '../Framework/Crypt/vectors.ts';
import { FakeScopeConfig } from '../Identity/fakes.ts';

/** `jwt_auth_revoked` as the issuer reads it: revoke_before per `${userType}:${userId}`. */
class FakeRevoked {
  readonly rows = new Map<string, number>();
  readonly reads: string[] = [];
  async findRevokeBefore(userTypeId: number, userId: number): Promise<number | null> {
    this.reads.push(`${userTypeId}:${userId}`);
    return this.rows.get(`${userTypeId}:${userId}`) ?? null;
  }
}

function issuer(key: string, clockSeconds: number, config = new FakeScopeConfig(), revoked = new FakeRevoked()) {
  return new JwtUserTokenIssuer(new JwtCodec(new CryptKey(key)), config, new FixedClock(clockSeconds * 1000), revoked);
}

describe('JwtUserTokenIssuer', () => {
  for (const v of vectors.jwt) {
    test(`is byte-identical to Magento's token (key ${v.key}, utypid ${v.utypid})`, async () => {
      const config = new FakeScopeConfig()
        .set('webapi/jwtauth/admin_expiration', String((v.exp - v.iat) / 60))
        .set('webapi/jwtauth/customer_expiration', String((v.exp - v.iat) / 60));
      const token = await issuer(vectors.crypt_keys[v.key], v.iat, config).create({ userId: v.uid, userType: v.utypid });
      assert.equal(token, v.token);
    });
  }

  test('forcedIssuedTime replaces the clock, as UserTokenParameters::getForcedIssuedTime does', async () => {
    const v = vectors.jwt[0]!;
    const config = new FakeScopeConfig().set('webapi/jwtauth/admin_expiration', '60');
    const token = await issuer(vectors.crypt_keys[v.key], 5, config).create(
      { userId: v.uid, userType: v.utypid },
      { forcedIssuedTime: v.iat },
    );
    assert.equal(token, v.token);
  });

  test('lifetimes come from webapi/jwtauth/{admin,customer}_expiration in minutes; 0 or missing means 30', async () => {
    const codec = new JwtCodec(new CryptKey(vectors.crypt_keys.legacy));
    const config = new FakeScopeConfig().set('webapi/jwtauth/admin_expiration', '15').set('webapi/jwtauth/customer_expiration', '0');
    const subject = new JwtUserTokenIssuer(codec, config, new FixedClock(1_764_000_000_000), new FakeRevoked());
    const admin = codec.read(await subject.create({ userId: 3, userType: UserType.ADMIN }));
    const customer = codec.read(await subject.create({ userId: 4, userType: UserType.CUSTOMER }));
    assert.deepEqual(admin, { uid: 3, utypid: 2, iat: 1_764_000_000, exp: 1_764_000_000 + 15 * 60 });
    assert.deepEqual(customer, { uid: 4, utypid: 3, iat: 1_764_000_000, exp: 1_764_000_000 + 30 * 60 });
  });

  test("dates a token issued after a revocation of this second (or a later one) one second past the user's revoke_before", async () => {
    const codec = new JwtCodec(new CryptKey(vectors.crypt_keys.legacy));
    const revoked = new FakeRevoked();
    revoked.rows.set('3:4', 1_764_000_000); // revoked within the current second (no lifetime configured: 30 minutes)
    revoked.rows.set('3:5', 1_764_000_007); // ahead of this clock: revoked repeatedly, or by a clock that runs ahead
    revoked.rows.set('3:6', 1_763_999_999); // before this second
    revoked.rows.set('2:4', 1_764_000_000); // another user type with the same id
    const subject = issuer(vectors.crypt_keys.legacy, 1_764_000_000, new FakeScopeConfig(), revoked);
    const claims = async (userId: number, userType: UserType) => codec.read(await subject.create({ userId, userType }));
    assert.deepEqual(await claims(4, UserType.CUSTOMER), { uid: 4, utypid: 3, iat: 1_764_000_001, exp: 1_764_000_001 + 30 * 60 });
    assert.deepEqual(await claims(5, UserType.CUSTOMER), { uid: 5, utypid: 3, iat: 1_764_000_008, exp: 1_764_000_008 + 30 * 60 });
    assert.deepEqual(await claims(6, UserType.CUSTOMER), { uid: 6, utypid: 3, iat: 1_764_000_000, exp: 1_764_000_000 + 30 * 60 });
    assert.deepEqual(await claims(7, UserType.ADMIN), { uid: 7, utypid: 2, iat: 1_764_000_000, exp: 1_764_000_000 + 30 * 60 });
    assert.deepEqual((await claims(4, UserType.ADMIN))?.iat, 1_764_000_001);
    assert.deepEqual(revoked.reads, ['3:4', '3:5', '3:6', '2:7', '2:4']);
  });

  test('a forced issue time is used as given, without reading jwt_auth_revoked', async () => {
    const revoked = new FakeRevoked();
    revoked.rows.set('3:4', 1_764_000_000);
    const codec = new JwtCodec(new CryptKey(vectors.crypt_keys.legacy));
    const token = await issuer(vectors.crypt_keys.legacy, 1_764_000_000, new FakeScopeConfig(), revoked).create(
      { userId: 4, userType: UserType.CUSTOMER },
      { forcedIssuedTime: 1_764_000_000 },
    );
    assert.equal(codec.read(token)?.iat, 1_764_000_000);
    assert.deepEqual(revoked.reads, []);
  });

  test('refuses integrations, guests and empty ids, as Magento does', async () => {
    const subject = issuer(vectors.crypt_keys.legacy, 1_764_000_000);
    await assert.rejects(subject.create({ userId: 1, userType: UserType.INTEGRATION }), /Can only issue tokens for customers and admin users/);
    await assert.rejects(subject.create({ userId: null, userType: UserType.GUEST }), /cannot be empty/);
  });
});
