import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { CustomerValidator } from '../../../src/Model/Customer/CustomerValidator.ts';

function message(fn: () => void): { raw: string; params: unknown } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputException);
    return { raw: e.getRawMessage(), params: e.getParameters() };
  }
  assert.fail('expected an InputException');
}

describe('CustomerValidator', () => {
  test('a missing e-mail has its own message', () => {
    assert.deepEqual(
      message(() => CustomerValidator.assertEmailPresent({ firstname: 'A', lastname: 'B' })),
      { raw: 'The customer email is missing. Enter and try again.', params: [] },
    );
  });

  test('attribute errors are rendered and joined with newlines, without parameters (Validator\\Exception)', () => {
    assert.deepEqual(
      message(() => CustomerValidator.assertAttributes({ email: 'not-an-email', firstname: ' ' })),
      {
        raw: '"First Name" is a required value.\n"Last Name" is a required value.\n"Email" is not a valid email address.',
        params: [],
      },
    );
  });

  test('a complete customer passes', () => {
    CustomerValidator.assertAttributes({ email: 'roni_cost@example.com', firstname: 'Veronica', lastname: 'Costello', dob: '1973-12-15' });
  });

  test('an impossible date of birth is refused', () => {
    assert.match(
      message(() => CustomerValidator.assertAttributes({ email: 'a@example.com', firstname: 'A', lastname: 'B', dob: '1973-02-30' })).raw,
      /"Date of Birth"/,
    );
  });
});
