import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { JwtUserTokenIssuer } from '../../../src/Model/Integration/JwtUserTokenIssuer.ts';
import { vectors } from '../Framework/Crypt/vectors.ts';
import { FakeScopeConfig } from '../Identity/fakes.ts';

function issuer(key: string, clockSeconds: number, config = new FakeScopeConfig()) {
  return new JwtUserTokenIssuer(new JwtCodec(new CryptKey(key)), config, new FixedClock(clockSeconds * 1000));
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
    const subject = new JwtUserTokenIssuer(codec, config, new FixedClock(1_764_000_000_000));
    const admin = codec.read(await subject.create({ userId: 3, userType: UserType.ADMIN }));
    const customer = codec.read(await subject.create({ userId: 4, userType: UserType.CUSTOMER }));
    assert.deepEqual(admin, { uid: 3, utypid: 2, iat: 1_764_000_000, exp: 1_764_000_000 + 15 * 60 });
    assert.deepEqual(customer, { uid: 4, utypid: 3, iat: 1_764_000_000, exp: 1_764_000_000 + 30 * 60 });
  });

  test('refuses integrations, guests and empty ids, as Magento does', async () => {
    const subject = issuer(vectors.crypt_keys.legacy, 1_764_000_000);
    await assert.rejects(subject.create({ userId: 1, userType: UserType.INTEGRATION }), /Can only issue tokens for customers and admin users/);
    await assert.rejects(subject.create({ userId: null, userType: UserType.GUEST }), /cannot be empty/);
  });
});
