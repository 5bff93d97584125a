import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { beforeEach, it } from 'node:test';
import type { AdminTokenServiceInterface } from '../../../src/Api/Integration/AdminTokenServiceInterface.ts';
import { JwtCodec } from '../../../src/Framework/Crypt/JwtCodec.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { AuthenticationException } from '../../../src/Framework/Exception/AuthenticationException.ts';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import { vectors } from '../../unit/Framework/Crypt/vectors.ts';
import { forEachDatabase } from '../../support/databases.ts';
import { createIdentityHarness, T0, TEST_CRYPT_KEY, type IdentityHarness } from '../Identity/harness.ts';
import { createAdmin } from '../Identity/factories.ts';

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

/** The token a Magento with key TEST_CRYPT_KEY issues, computed here independently of JwtCodec. */
function expectedToken(uid: number, utypid: number, iat: number, exp: number): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const input = `${b64('{"kid":"1","alg":"HS256"}')}.${b64(JSON.stringify({ uid, utypid, iat, exp }))}`;
  const missing = 2048 - TEST_CRYPT_KEY.length;
  const key = '&'.repeat(Math.floor(missing / 2)) + TEST_CRYPT_KEY + '&'.repeat(missing - Math.floor(missing / 2));
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

forEachDatabase('AdminTokenService', (getDb) => {
  let h: IdentityHarness;
  let service: AdminTokenServiceInterface;
  beforeEach(() => {
    h = createIdentityHarness(getDb(), { config: { 'oauth/authentication_lock/max_failures_count': '3', 'oauth/authentication_lock/timeout': '600' } });
    service = h.get<AdminTokenServiceInterface>(TYPES.AdminTokenService);
  });

  it("issues Magento's JWT, byte for byte, for the admin's id at the pinned time", async () => {
    const admin = await createAdmin(getDb());
    const token = await service.createAdminAccessToken(admin.username, 'Admin123!');
    const iat = T0 / 1000;
    assert.equal(token, expectedToken(admin.userId, 2, iat, iat + 3600));
  });

  it('the independent computation above reproduces the published vector (checks the check)', () => {
    const v = vectors.jwt.find((x) => x.key === 'legacy' && x.utypid === 2)!;
    assert.equal(vectors.crypt_keys.legacy, TEST_CRYPT_KEY);
    assert.equal(expectedToken(v.uid, v.utypid, v.iat, v.exp), v.token);
  });

  for (const entry of vectors.password_hashes.filter((p) => p.password === 'Admin123!' || p.versions.length > 1)) {
    it(`accepts a stored hash of version(s) ${entry.versions.join(':')}${entry.note ? ` (${entry.note})` : ''}`, async () => {
      const admin = await createAdmin(getDb(), { password: entry.stored });
      const token = await service.createAdminAccessToken(admin.username, entry.password);
      assert.equal(new JwtCodec(h.get(TYPES.CryptKey)).read(token)?.uid, admin.userId);
    });
  }

  it('refuses a wrong password with the sign-in message and counts it', async () => {
    const admin = await createAdmin(getDb());
    const e = await failure(service.createAdminAccessToken(admin.username, 'Admin123?'));
    assert.ok(e instanceof AuthenticationException);
    assert.equal(e.getRawMessage(), SIGN_IN_FAILED);
    assert.deepEqual(e.getParameters(), []);
    const count = await getDb().fetchOne(
      `SELECT failures_count FROM ${getDb().getTableName('oauth_token_request_log')} WHERE user_name = ? AND user_type = 3`,
      [admin.username],
    );
    assert.equal(Number(count), 1);
  });

  it('refuses an unknown user with the same message', async () => {
    const e = await failure(service.createAdminAccessToken('nobody_here_at_all', 'Admin123!'));
    assert.equal(e.getRawMessage(), SIGN_IN_FAILED);
  });

  it('locks after max_failures_count failures, even for the right password, and unlocks after the timeout', async () => {
    const admin = await createAdmin(getDb());
    for (let i = 0; i < 3; i++) {
      await failure(service.createAdminAccessToken(admin.username, 'wrong-1'));
      h.clock.advance(1000);
    }
    const locked = await failure(service.createAdminAccessToken(admin.username, 'Admin123!'));
    assert.equal(locked.getRawMessage(), SIGN_IN_FAILED);
    h.clock.advance(598_000); // 599 s after the last failure: still locked
    await failure(service.createAdminAccessToken(admin.username, 'Admin123!'));
    h.clock.advance(1_000); // 600 s: the lock has expired
    assert.match(await service.createAdminAccessToken(admin.username, 'Admin123!'), /^eyJ/);
    // Success resets the count: one more failure does not lock.
    await failure(service.createAdminAccessToken(admin.username, 'wrong-2'));
    assert.match(await service.createAdminAccessToken(admin.username, 'Admin123!'), /^eyJ/);
  });

  it('counts failures per user name: another admin is not locked', async () => {
    const a = await createAdmin(getDb());
    const b = await createAdmin(getDb());
    for (let i = 0; i < 3; i++) await failure(service.createAdminAccessToken(a.username, 'wrong'));
    assert.match(await service.createAdminAccessToken(b.username, 'Admin123!'), /^eyJ/);
  });

  // Magento does not count this one (its throttler writes after the password check); here every attempt is
  // counted before it, and only a token resets the count — so the lock-out cannot tell a disabled admin's
  // right password from a wrong one.
  it('an inactive admin with the right password gets the sign-in message, and the attempt counts', async () => {
    const admin = await createAdmin(getDb(), { isActive: 0 });
    const e = await failure(service.createAdminAccessToken(admin.username, 'Admin123!'));
    assert.ok(e instanceof AuthenticationException);
    assert.equal(e.getRawMessage(), SIGN_IN_FAILED);
    const count = await getDb().fetchOne(
      `SELECT failures_count FROM ${getDb().getTableName('oauth_token_request_log')} WHERE user_name = ? AND user_type = 3`,
      [admin.username],
    );
    assert.equal(Number(count), 1);
  });

  it('an admin without a role gets "More permissions are needed to access this."', async () => {
    const admin = await createAdmin(getDb(), { fullAccess: false });
    const e = await failure(service.createAdminAccessToken(admin.username, 'Admin123!'));
    assert.ok(e instanceof AuthenticationException);
    assert.equal(e.getRawMessage(), 'More permissions are needed to access this.');
  });

  it('blank credentials: InputException naming each field', async () => {
    const one = await failure(service.createAdminAccessToken('someone', ''));
    assert.ok(one instanceof InputException);
    assert.equal(one.getRawMessage(), '"%fieldName" is required. Enter and try again.');
    assert.deepEqual(one.getParameters(), { fieldName: 'password' });
    const both = await failure(service.createAdminAccessToken('', ''));
    assert.ok(both instanceof InputException);
    assert.equal(both.getRawMessage(), 'One or more input exceptions have occurred.');
    assert.equal(both.getErrors().length, 2);
  });

  it('records the login (logdate, lognum) like User::login', async () => {
    const admin = await createAdmin(getDb());
    await service.createAdminAccessToken(admin.username, 'Admin123!');
    const row = await getDb().fetchRow(`SELECT logdate, lognum FROM ${getDb().getTableName('admin_user')} WHERE user_id = ?`, [admin.userId]);
    assert.equal(row?.logdate, '2025-11-24 16:00:00');
    assert.equal(Number(row?.lognum), 1);
  });
});
