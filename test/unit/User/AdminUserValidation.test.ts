import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';

// validate() uses none of the collaborators.
const management = Reflect.construct(AdminUserManagement, []) as AdminUserManagement;

describe('AdminUserManagement.validate (UserValidationRules)', () => {
  test('every invalid field once, in Magento order', () => {
    assert.deepEqual(management.validate({ email: 'nope' }), [
      'User Name is a required field.',
      'First Name is a required field.',
      'Last Name is a required field.',
      'Please enter a valid email.',
      'Password is required field.',
    ]);
  });

  test('password length, then the letters-and-digits rule', () => {
    const base = { username: 'a', firstname: 'A', lastname: 'B', email: 'a@example.com' };
    assert.deepEqual(management.validate({ ...base, password: 'ab1' }), ['Your password must be at least 7 characters.']);
    assert.deepEqual(management.validate({ ...base, password: 'abcdefgh' }), ['Your password must include both numeric and alphabetic characters.']);
    assert.deepEqual(management.validate({ ...base, password: 'Admin123!' }), []);
  });
});
