import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import { PasswordPolicy } from '../../../src/Model/Customer/PasswordPolicy.ts';
import { FakeScopeConfig } from '../Identity/fakes.ts';

const policy = new PasswordPolicy(
  new FakeScopeConfig()
    .set('customer/password/minimum_password_length', '8')
    .set('customer/password/required_character_classes_number', '3'),
);

async function rejection(password: string, email?: string): Promise<LocalizedException> {
  try {
    await policy.assertAcceptable(password, email);
  } catch (e) {
    assert.ok(e instanceof LocalizedException);
    return e;
  }
  assert.fail('expected a rejection');
}

describe('PasswordPolicy (AccountManagement::checkPasswordStrength)', () => {
  test('too short', async () => {
    const e = await rejection('Ab1!');
    assert.ok(e instanceof InputException);
    assert.equal(e.getRawMessage(), 'The password needs at least %1 characters. Create a new password and try again.');
    assert.deepEqual(e.getParameters(), [8]);
  });

  test('too long', async () => {
    const e = await rejection(`Ab1!${'x'.repeat(253)}`);
    assert.equal(e.getRawMessage(), 'Please enter a password with at most %1 characters.');
    assert.deepEqual(e.getParameters(), [256]);
  });

  test('leading or trailing space', async () => {
    const e = await rejection(' Abcdef1!');
    assert.equal(e.getRawMessage(), "The password can't begin or end with a space. Verify the password and try again.");
  });

  test('too few character classes', async () => {
    const e = await rejection('abcdefgh1');
    assert.equal(
      e.getRawMessage(),
      'Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.',
    );
    assert.deepEqual(e.getParameters(), [3]);
  });

  test('same as the e-mail address, compared case-insensitively', async () => {
    const e = await rejection('Roni_Cost3@Example.com', 'roni_cost3@example.com');
    assert.ok(!(e instanceof InputException));
    assert.equal(e.getRawMessage(), "The password can't be the same as the email address. Create a new password and try again.");
  });

  test('a good password passes', async () => {
    await policy.assertAcceptable('Roni_cost3@example.com', 'roni_cost@example.com');
  });
});
