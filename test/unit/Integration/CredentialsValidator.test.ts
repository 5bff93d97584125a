import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { CredentialsValidator } from '../../../src/Model/Integration/CredentialsValidator.ts';

const validator = new CredentialsValidator();

function caught(fn: () => void): InputException {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputException);
    return e;
  }
  assert.fail('expected an InputException');
}

describe('CredentialsValidator', () => {
  test('one blank field: that error is the message', () => {
    const e = caught(() => validator.validate('', 'secret'));
    assert.equal(e.getRawMessage(), '"%fieldName" is required. Enter and try again.');
    assert.deepEqual(e.getParameters(), { fieldName: 'username' });
    assert.equal(e.getErrors().length, 0);
  });

  test('a non-string counts as blank', () => {
    const e = caught(() => validator.validate('admin', 42));
    assert.deepEqual(e.getParameters(), { fieldName: 'password' });
  });

  test('both blank: the aggregate message with one error per field', () => {
    const e = caught(() => validator.validate(undefined, ''));
    assert.equal(e.getRawMessage(), 'One or more input exceptions have occurred.');
    assert.deepEqual(
      e.getErrors().map((x) => [x.getRawMessage(), x.getParameters()]),
      [
        ['"%fieldName" is required. Enter and try again.', { fieldName: 'username' }],
        ['"%fieldName" is required. Enter and try again.', { fieldName: 'password' }],
      ],
    );
  });

  test('whitespace is a value (Magento checks strlen only)', () => {
    assert.doesNotThrow(() => validator.validate(' ', ' '));
  });
});
