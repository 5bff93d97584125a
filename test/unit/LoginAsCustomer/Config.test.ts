import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Config } from '../../../src/Model/LoginAsCustomer/Config.ts';
import { MapScopeConfig } from './fakes.ts';

describe('LoginAsCustomer Config', () => {
  test('reads the feature switch and manual store choice as flags', async () => {
    const scope = new MapScopeConfig();
    const config = new Config(scope);
    assert.equal(await config.isEnabled(), false);
    assert.equal(await config.isStoreManualChoiceEnabled(), false);
    scope.set('login_as_customer/general/enabled', '1').set('login_as_customer/general/store_view_manual_choice_enabled', '1');
    assert.equal(await config.isEnabled(), true);
    assert.equal(await config.isStoreManualChoiceEnabled(), true);
  });

  test('the secret lifetime is a positive number of seconds, else 60', async () => {
    const scope = new MapScopeConfig();
    const config = new Config(scope);
    const path = 'login_as_customer/general/authentication_data_expiration_time';
    assert.equal(await config.getAuthenticationDataExpirationTime(), 60);
    for (const [raw, expected] of [['300', 300], [' 15 ', 15], ['0', 60], ['-5', 60], ['abc', 60], ['1.5', 60]] as const) {
      scope.set(path, raw);
      assert.equal(await config.getAuthenticationDataExpirationTime(), expected, raw);
    }
  });

  test('accounts are global only when customer/account_share/scope is 0', async () => {
    const scope = new MapScopeConfig();
    const config = new Config(scope);
    assert.equal(await config.isGlobalAccountShare(), false);
    scope.set('customer/account_share/scope', '0');
    assert.equal(await config.isGlobalAccountShare(), true);
    scope.set('customer/account_share/scope', '1');
    assert.equal(await config.isGlobalAccountShare(), false);
  });
});
