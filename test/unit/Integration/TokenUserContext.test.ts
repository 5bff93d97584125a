import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { UserToken } from '../../../src/Api/Integration/Data/UserToken.ts';
import type { UserTokenReaderInterface } from '../../../src/Api/Integration/UserTokenReaderInterface.ts';
import type { UserTokenValidatorInterface } from '../../../src/Api/Integration/UserTokenValidatorInterface.ts';
import { GUEST, UserType, authorizationOnly } from '../../../src/Framework/Authentication/UserContext.ts';
import { AuthorizationException } from '../../../src/Framework/Exception/AuthorizationException.ts';
import { __ } from '../../../src/Framework/Exception/Phrase.ts';
import { TokenUserContext } from '../../../src/Model/Integration/TokenUserContext.ts';

const TOKEN: UserToken = { user: { userId: 7, userType: UserType.CUSTOMER }, issuedAt: 1, expiresAt: 2, kind: 'jwt' };

class FakeReader implements UserTokenReaderInterface {
  readonly seen: string[] = [];
  async read(token: string): Promise<UserToken | null> {
    this.seen.push(token);
    return token === 'good' || token === 'refused' ? TOKEN : null;
  }
}

class FakeValidator implements UserTokenValidatorInterface {
  constructor(private readonly error?: Error) {}
  async validate(): Promise<void> {
    if (this.error) throw this.error;
  }
}

describe('TokenUserContext', () => {
  test('a readable, valid bearer token names its user; the scheme is case-insensitive', async () => {
    const reader = new FakeReader();
    const context = new TokenUserContext(reader, new FakeValidator());
    assert.deepEqual(await context.resolve(authorizationOnly('Bearer good')), { userId: 7, userType: UserType.CUSTOMER });
    assert.deepEqual(await context.resolve(authorizationOnly('bEaReR good')), { userId: 7, userType: UserType.CUSTOMER });
    assert.deepEqual(reader.seen, ['good', 'good']);
  });

  for (const header of [undefined, '', 'good', 'Basic good', 'Bearer', 'Bearer  good', 'Bearer good extra', 'Bearer unknown']) {
    test(`header ${JSON.stringify(header)} leaves a guest`, async () => {
      assert.deepEqual(await new TokenUserContext(new FakeReader(), new FakeValidator()).resolve(authorizationOnly(header)), GUEST);
    });
  }

  test('a token the validator refuses (expired, revoked) leaves a guest', async () => {
    const context = new TokenUserContext(new FakeReader(), new FakeValidator(new AuthorizationException(__('User token has been revoked'))));
    assert.deepEqual(await context.resolve(authorizationOnly('Bearer refused')), GUEST);
  });

  test('other failures (the database) propagate', async () => {
    const context = new TokenUserContext(new FakeReader(), new FakeValidator(new Error('db down')));
    await assert.rejects(context.resolve(authorizationOnly('Bearer good')), /db down/);
  });
});
