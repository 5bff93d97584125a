import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { FixedClock, formatDbDate } from '../../../src/Framework/Stdlib/Clock.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer, createGroupRole, assignRole } from '../../integration/Identity/factories.ts';
import { T0 } from '../../integration/Identity/harness.ts';

const PASSWORD = 'Customer#2024';

forEachDatabase('Customer account management routes (Magento_Customer webapi.xml)', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  let viewerToken: string;
  const clock = new FixedClock(T0);
  const logger = new MemoryLogger();

  const customerToken = async (email: string, password = PASSWORD): Promise<string> => {
    const reply = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: email, password } });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return String(reply.body);
  };

  before(async () => {
    // As Magento's api-functional AccountManagementTest: no password-reset request limits, except where tested.
    app = await createTestApplication(getDb(), { clock, logger, config: { 'customer/password/password_reset_protection_type': '0' } });
    const admin = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
    // An admin allowed to view customers (Magento_Customer::customer) but not to manage them.
    const viewerRole = await createGroupRole(getDb(), [['Magento_Customer::customer', 'allow'], ['Magento_Customer::manage', 'deny']]);
    const viewer = await createAdmin(getDb(), { roleId: viewerRole });
    viewerToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: viewer.username, password: 'Admin123!' } })).body);
    void assignRole;
  });
  after(() => app.close());

  it('DELETE /V1/customers/:customerId deletes (true), then 404; needs Magento_Customer::manage', async () => {
    const c = await createCustomer(getDb());
    const denied = await app.request('DELETE', `/rest/V1/customers/${c.customerId}`, { token: viewerToken });
    assert.equal(denied.status, 401);
    assert.deepEqual(denied.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::manage' } });
    const deleted = await app.request('DELETE', `/rest/V1/customers/${c.customerId}`, { token: adminToken });
    assert.equal(deleted.status, 200);
    assert.equal(deleted.body, true);
    const again = await app.request('DELETE', `/rest/V1/customers/${c.customerId}`, { token: adminToken });
    assert.equal(again.status, 404);
    assert.deepEqual(again.body, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: c.customerId } });
  });

  it('PUT /V1/customers/:id saves the customer of the path, whatever id the body carries', async () => {
    const target = await createCustomer(getDb());
    const other = await createCustomer(getDb());
    const reply = await app.request('PUT', `/rest/V1/customers/${target.customerId}`, {
      token: adminToken,
      body: { customer: { id: other.customerId, email: target.email, firstname: 'Renamed', lastname: 'Costello', group_id: 2 } },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const saved = reply.body as { id: number; firstname: string; group_id: number };
    assert.equal(saved.id, target.customerId);
    assert.equal(saved.firstname, 'Renamed');
    assert.equal(saved.group_id, 2);
    const untouched = await app.request('GET', `/rest/V1/customers/${other.customerId}`, { token: adminToken });
    assert.equal((untouched.body as { firstname: string }).firstname, 'Veronica');
    const refused = await app.request('PUT', `/rest/V1/customers/${target.customerId}`, {
      token: adminToken,
      body: { customer: { email: target.email, firstname: 'B4d<script>', lastname: 'Costello' } },
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { message: 'First Name is not valid!' });
    const anonymous = await app.request('PUT', `/rest/V1/customers/${target.customerId}`, { body: { customer: { email: target.email, firstname: 'A', lastname: 'B' } } });
    assert.equal(anonymous.status, 401);
  });

  it('POST /V1/customers/ reaches createAccount: the path processor trims the slash, as Magento\'s does, so the save route declared on it is not reachable over REST', async () => {
    const email = `slash_${uniqueSuffix()}@example.com`;
    const created = await app.request('POST', '/rest/V1/customers/', { body: { customer: { email, firstname: 'Ann', lastname: 'Guest', group_id: 3 }, password: 'Passw0rd!x' } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal((created.body as { group_id: number }).group_id, 1, 'createAccount ignores a guest\'s group_id');
  });

  it('PUT /V1/customers/me/password changes the password, revokes the old tokens; wrong current password is 401', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    const wrong = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: 'Nope#2024x', newPassword: 'NewPassw0rd!' } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { message: "The password doesn't match this account. Verify the password and try again." });
    const weak = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'short' } });
    assert.equal(weak.status, 400);
    assert.deepEqual(weak.body, { message: 'The password needs at least %1 characters. Create a new password and try again.', parameters: [8] });
    const missing = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD } });
    assert.deepEqual(missing.body, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'newPassword' } });
    clock.advance(2000);
    const changed = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd!' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body, true);
    const old = await app.request('GET', '/rest/V1/customers/me', { token });
    assert.equal(old.status, 401, 'the token issued before the change is revoked');
    const fresh = await customerToken(c.email, 'NewPassw0rd!');
    assert.equal((await app.request('GET', '/rest/V1/customers/me', { token: fresh })).status, 200);
    const guest = await app.request('PUT', '/rest/V1/customers/me/password', { body: { currentPassword: 'x', newPassword: 'y' } });
    assert.deepEqual(guest.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'self' } });
  });

  it('PUT /V1/customers/me/password: the 10th wrong password within 10 minutes locks the account (400 The account is locked.)', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    const body = { currentPassword: 'Wrong#Pass1', newPassword: 'NewPassw0rd!' };
    for (let i = 1; i <= 9; i++) {
      const reply = await app.request('PUT', '/rest/V1/customers/me/password', { token, body });
      assert.equal(reply.status, 401, `attempt ${i}`);
    }
    const tenth = await app.request('PUT', '/rest/V1/customers/me/password', { token, body });
    assert.equal(tenth.status, 400);
    assert.deepEqual(tenth.body, { message: 'The account is locked.' });
    const right = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd!' } });
    assert.deepEqual(right.body, { message: 'The account is locked.' }, 'no password is checked while locked');
    clock.advance(10 * 60_000 + 1000);
    const later = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd!' } });
    assert.equal(later.status, 200);
  });

  it('password reset: PUT /V1/customers/password stores rp_token, logs the e-mail without it; the link token validates; POST resetPassword uses it once and revokes tokens', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    const missing = await app.request('PUT', '/rest/V1/customers/password', { body: {} });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, {
      message: 'One or more input exceptions have occurred.',
      errors: [
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'email' } },
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'template' } },
      ],
    });
    const badTemplate = await app.request('PUT', '/rest/V1/customers/password', { body: { email: c.email, template: 'email_other', websiteId: 1 } });
    assert.equal(badTemplate.status, 400);
    assert.deepEqual(badTemplate.body, {
      message: 'Invalid value of "%value" provided for the %fieldName field. Possible values: %template1 or %template2.',
      parameters: { value: 'email_other', fieldName: 'template', template1: 'email_reminder', template2: 'email_reset' },
    });
    const unknown = await app.request('PUT', '/rest/V1/customers/password', { body: { email: 'dummy@example.com', template: 'email_reset', websiteId: 0 } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, {
      message: 'No such entity with %fieldName = %fieldValue, %field2Name = %field2Value',
      parameters: { fieldName: 'email', fieldValue: 'dummy@example.com', field2Name: 'websiteId', field2Value: 0 },
    });

    const before = logger.lines.length;
    const started = await app.request('PUT', '/rest/V1/customers/password', { body: { email: c.email, template: 'email_reset', websiteId: 1 } });
    assert.equal(started.status, 200);
    assert.equal(started.body, true);
    const row = await getDb().fetchRow('SELECT rp_token, rp_token_created_at FROM customer_entity WHERE entity_id = ?', [c.customerId]);
    const rpToken = String(row?.rp_token);
    assert.match(rpToken, /^[0-9a-f]{32}$/);
    const mail = logger.lines.slice(before).find((l) => l.msg === 'customer email not sent');
    assert.ok(mail);
    assert.equal(mail.templateId, 'customer_password_forgot_email_template');
    assert.equal(mail.customerId, c.customerId);
    assert.equal(mail.storeId, 1);
    assert.equal(JSON.stringify(logger.lines.slice(before)).includes(rpToken), false, 'the token is never logged');

    const valid = await app.request('GET', `/rest/V1/customers/${c.customerId}/password/resetLinkToken/${rpToken}`);
    assert.equal(valid.status, 200);
    assert.equal(valid.body, true);
    const mismatched = await app.request('GET', `/rest/V1/customers/${c.customerId}/password/resetLinkToken/fjjkafjie`);
    assert.equal(mismatched.status, 400);
    assert.deepEqual(mismatched.body, { message: 'The password token is mismatched. Reset and try again.' });

    const weak = await app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: 'abc' } });
    assert.equal(weak.status, 400);
    // Magento checks "not the e-mail" before strength here (the e-mail alone would also fail the character classes).
    const sameAsEmail = await app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: c.email.toUpperCase() } });
    assert.deepEqual(sameAsEmail.body, { message: "The password can't be the same as the email address. Create a new password and try again." });
    clock.advance(1000);
    const reset = await app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: 'Reset#Passw0rd' } });
    assert.equal(reset.status, 200);
    assert.equal(reset.body, true);
    assert.equal((await app.request('GET', '/rest/V1/customers/me', { token })).status, 401, 'tokens revoked by the reset');
    await customerToken(c.email, 'Reset#Passw0rd');
    const reused = await app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: 'Other#Passw0rd' } });
    assert.equal(reused.status, 400);
    assert.deepEqual(reused.body, { message: 'The password token is mismatched. Reset and try again.' });
  });

  it('a reset token older than customer/password/reset_link_expiration_period hours is expired', async () => {
    const c = await createCustomer(getDb());
    const rpToken = `tok${uniqueSuffix()}`;
    await getDb().execute('UPDATE customer_entity SET rp_token = ?, rp_token_created_at = ? WHERE entity_id = ?', [rpToken, formatDbDate(clock.now() - 2 * 3_600_000), c.customerId]);
    const expired = await app.request('GET', `/rest/V1/customers/${c.customerId}/password/resetLinkToken/${rpToken}`);
    assert.equal(expired.status, 400);
    assert.deepEqual(expired.body, { message: 'The password token is expired. Reset and try again.' });
    const reset = await app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: 'Reset#Passw0rd' } });
    assert.deepEqual(reset.body, { message: 'The password token is expired. Reset and try again.' });
    await getDb().execute('UPDATE customer_entity SET rp_token_created_at = ? WHERE entity_id = ?', [formatDbDate(clock.now() - 2 * 3_600_000 + 1000), c.customerId]);
    assert.equal((await app.request('GET', `/rest/V1/customers/${c.customerId}/password/resetLinkToken/${rpToken}`)).status, 200);
    const noCustomer = await app.request('GET', `/rest/V1/customers/2000000001/password/resetLinkToken/${rpToken}`);
    assert.equal(noCustomer.status, 404);
  });

  it('activation: PUT /V1/customers/:email/activate (admin) and /me/activate (self) with the confirmation key', async () => {
    const c = await createCustomer(getDb(), { confirmation: 'a4fg7h893e39d' });
    const wrong = await app.request('PUT', `/rest/V1/customers/${encodeURIComponent(c.email)}/activate`, { token: adminToken, body: { confirmationKey: 'nope' } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body, { message: 'The confirmation token is invalid. Verify the token and try again.' });
    const status = await app.request('GET', `/rest/V1/customers/${c.customerId}/confirm`, { token: adminToken });
    assert.equal(status.body, 'account_confirmation_not_required');
    const ok = await app.request('PUT', `/rest/V1/customers/${encodeURIComponent(c.email)}/activate`, { token: adminToken, body: { email: c.email, confirmationKey: 'a4fg7h893e39d' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((ok.body as { id: number }).id, c.customerId);
    assert.equal('confirmation' in (ok.body as object), false);
    assert.equal((await app.request('GET', `/rest/V1/customers/${c.customerId}/confirm`, { token: adminToken })).body, 'account_confirmation_not_required');
    const again = await app.request('PUT', `/rest/V1/customers/${encodeURIComponent(c.email)}/activate`, { token: adminToken, body: { confirmationKey: 'a4fg7h893e39d' } });
    assert.deepEqual(again.body, { message: 'The account is already active.' });

    const me = await createCustomer(getDb(), { confirmation: 'k3y' });
    const token = await customerToken(me.email);
    const self = await app.request('PUT', '/rest/V1/customers/me/activate', { token, body: { confirmationKey: 'k3y' } });
    assert.equal(self.status, 200);
    assert.equal((self.body as { id: number }).id, me.customerId);
    const denied = await app.request('PUT', `/rest/V1/customers/${encodeURIComponent(c.email)}/activate`, { token: viewerToken, body: { confirmationKey: 'x' } });
    assert.equal(denied.status, 401);
  });

  it('GET /V1/customers/:customerId/confirm says confirmation is required when customer/create_account/confirm is on', async () => {
    const c = await createCustomer(getDb(), { confirmation: 'abc' });
    await getDb().execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('websites', 1, 'customer/create_account/confirm', '1')");
    try {
      const { ScopeConfig } = await import('../../../src/Model/Config/ScopeConfig.ts');
      void ScopeConfig;
      const { TYPES } = await import('../../../src/Framework/Di/Types.ts');
      app.application.container.get<{ clean(): void }>(TYPES.ScopeConfig).clean();
      const status = await app.request('GET', `/rest/V1/customers/${c.customerId}/confirm`, { token: adminToken });
      assert.equal(status.body, 'account_confirmation_required');
      const confirmed = await createCustomer(getDb());
      assert.equal((await app.request('GET', `/rest/V1/customers/${confirmed.customerId}/confirm`, { token: adminToken })).body, 'account_confirmed');
      const before = logger.lines.length;
      const resent = await app.request('POST', '/rest/V1/customers/confirm', { token: adminToken, body: { email: c.email, websiteId: 1 } });
      assert.equal(resent.status, 200);
      assert.equal(logger.lines.slice(before).find((l) => l.msg === 'customer email not sent')?.templateId, 'customer_create_account_email_confirmation_template');
    } finally {
      await getDb().execute("DELETE FROM core_config_data WHERE scope = 'websites' AND scope_id = 1 AND path = 'customer/create_account/confirm'");
      const { TYPES } = await import('../../../src/Framework/Di/Types.ts');
      app.application.container.get<{ clean(): void }>(TYPES.ScopeConfig).clean();
    }
  });

  it('POST /V1/customers/confirm: unknown e-mail is 404 with email/websiteId; an active account needs no confirmation', async () => {
    const unknown = await app.request('POST', '/rest/V1/customers/confirm', { token: adminToken, body: { email: 'dummy@example.com', websiteId: 0 } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, {
      message: 'No such entity with %fieldName = %fieldValue, %field2Name = %field2Value',
      parameters: { fieldName: 'email', fieldValue: 'dummy@example.com', field2Name: 'websiteId', field2Value: 0 },
    });
    const active = await createCustomer(getDb());
    const reply = await app.request('POST', '/rest/V1/customers/confirm', { token: adminToken, body: { email: active.email, websiteId: 1 } });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, { message: "Confirmation isn't needed." });
  });

  it('POST /V1/customers/isEmailAvailable (anonymous): true for every e-mail unless checkout/options/enable_guest_checkout_login is on, then false for a taken one', async () => {
    const c = await createCustomer(getDb());
    assert.equal((await app.request('POST', '/rest/V1/customers/isEmailAvailable', { body: { customerEmail: c.email, websiteId: 1 } })).body, true);
    const { TYPES } = await import('../../../src/Framework/Di/Types.ts');
    await getDb().execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, 'checkout/options/enable_guest_checkout_login', '1')");
    app.application.container.get<{ clean(): void }>(TYPES.ScopeConfig).clean();
    try {
      assert.equal((await app.request('POST', '/rest/V1/customers/isEmailAvailable', { body: { customerEmail: c.email, websiteId: 1 } })).body, false);
      assert.equal((await app.request('POST', '/rest/V1/customers/isEmailAvailable', { body: { customerEmail: c.email } })).body, false);
      assert.equal((await app.request('POST', '/rest/V1/customers/isEmailAvailable', { body: { customerEmail: 'invalid', websiteId: 0 } })).body, true);
      assert.equal((await app.request('POST', '/rest/V1/customers/isEmailAvailable', { body: { customerEmail: `free_${uniqueSuffix()}@example.com` } })).body, true);
    } finally {
      await getDb().execute("DELETE FROM core_config_data WHERE scope = 'default' AND path = 'checkout/options/enable_guest_checkout_login'");
      app.application.container.get<{ clean(): void }>(TYPES.ScopeConfig).clean();
    }
  });

  it('GET /V1/customers/:customerId/permissions/readonly: false; 404 for an unknown customer; Magento_Customer::customer is enough', async () => {
    const c = await createCustomer(getDb());
    const reply = await app.request('GET', `/rest/V1/customers/${c.customerId}/permissions/readonly`, { token: viewerToken });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, false);
    assert.equal((await app.request('GET', '/rest/V1/customers/2000000001/permissions/readonly', { token: adminToken })).status, 404);
  });

  it('PUT /V1/customers/validate: the EAV backend\'s message per empty required attribute (as testValidateCustomerData), valid:true otherwise', async () => {
    const sample = { email: `v_${uniqueSuffix()}@example.com`, firstname: 'Jane', lastname: 'Doe', website_id: 1, store_id: 1, group_id: 1 };
    const invalid = await app.request('PUT', '/rest/V1/customers/validate', { token: adminToken, body: { customer: { ...sample, firstname: null, lastname: null } } });
    assert.equal(invalid.status, 200);
    assert.deepEqual(invalid.body, {
      valid: false,
      messages: [
        'The "First Name" attribute value is empty. Set the attribute and try again.',
        'The "Last Name" attribute value is empty. Set the attribute and try again.',
      ],
    });
    assert.deepEqual((await app.request('PUT', '/rest/V1/customers/validate', { token: adminToken, body: { customer: sample } })).body, { valid: true, messages: [] });
    const bare = await app.request('PUT', '/rest/V1/customers/validate', { token: adminToken, body: { customer: { email: '', firstname: 'A', lastname: 'B' } } });
    assert.deepEqual((bare.body as { messages: string[] }).messages, [
      'The "Associate to Website" attribute value is empty. Set the attribute and try again.',
      'The "Create In" attribute value is empty. Set the attribute and try again.',
      'The "Email" attribute value is empty. Set the attribute and try again.',
      'The "Group" attribute value is empty. Set the attribute and try again.',
    ]);
    const denied = await app.request('PUT', '/rest/V1/customers/validate', { token: viewerToken, body: { customer: sample } });
    assert.equal(denied.status, 401);
  });

  it('POST /V1/customers stores a reset-link token and logs the welcome e-mail Magento would send', async () => {
    const email = `welcome_${uniqueSuffix()}@example.com`;
    const before = logger.lines.length;
    const created = await app.request('POST', '/rest/V1/customers', { body: { customer: { email, firstname: 'Wel', lastname: 'Come' }, password: 'Passw0rd!x' } });
    assert.equal(created.status, 200);
    const id = (created.body as { id: number }).id;
    const mail = logger.lines.slice(before).find((l) => l.msg === 'customer email not sent');
    assert.deepEqual(
      { templateId: mail?.templateId, customerId: mail?.customerId, storeId: mail?.storeId },
      { templateId: 'customer_create_account_email_template', customerId: id, storeId: 1 },
    );
    const row = await getDb().fetchRow('SELECT rp_token FROM customer_entity WHERE entity_id = ?', [id]);
    assert.match(String(row?.rp_token), /^[0-9a-f]{32}$/);
  });
  it('PUT /V1/customers/password is limited as Magento_Security limits it: 10 minutes between requests, 5 an hour (here by e-mail)', async () => {
    const { TYPES } = await import('../../../src/Framework/Di/Types.ts');
    const setProtection = async (value: string): Promise<void> => {
      await getDb().execute("DELETE FROM core_config_data WHERE scope = 'default' AND scope_id = 0 AND path = 'customer/password/password_reset_protection_type'");
      await getDb().execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, 'customer/password/password_reset_protection_type', ?)", [value]);
      app.application.container.get<{ clean(): void }>(TYPES.ScopeConfig).clean();
    };
    await setProtection('3');
    try {
      const c = await createCustomer(getDb());
      const reset = () => app.request('PUT', '/rest/V1/customers/password', { body: { email: c.email, template: 'email_reset', websiteId: 1 } });
      assert.equal((await reset()).status, 200);
      clock.advance(9 * 60_000);
      const tooSoon = await reset();
      assert.equal(tooSoon.status, 400);
      assert.deepEqual(tooSoon.body, {
        message: 'We received too many requests for password resets. Please wait and try again later or contact %1.',
        parameters: ['hello@example.com'],
      });
      const others = await app.request('PUT', '/rest/V1/customers/password', { body: { email: `x_${uniqueSuffix()}@example.com`, template: 'email_reset' } });
      assert.equal(others.status, 404, 'another e-mail is not limited by this one (by e-mail), and an unknown one is still 404');
      for (let i = 2; i <= 5; i++) {
        clock.advance(10 * 60_000 + 1000);
        assert.equal((await reset()).status, 200, `request ${i}`);
      }
      // 4 requests since 3 600 s ago; one more reaches the hourly quantity of 5.
      clock.advance(10 * 60_000 + 1000);
      const sixth = await reset();
      assert.equal(sixth.status, 400);
      assert.deepEqual(sixth.body, { message: 'Too many password reset requests. Please wait and try again or contact %1.', parameters: ['hello@example.com'] });
      clock.advance(60 * 60_000);
      assert.equal((await reset()).status, 200, 'an hour later the count starts again');
      if (getDb().platform === 'sqlite') {
        // By IP (a fresh database here): any e-mail from the same address waits.
        await setProtection('2');
        clock.advance(10 * 60_000 + 1000);
        const first = await app.request('PUT', '/rest/V1/customers/password', { body: { email: `ip_${uniqueSuffix()}@example.com`, template: 'email_reset' } });
        assert.equal(first.status, 404);
        const second = await app.request('PUT', '/rest/V1/customers/password', { body: { email: c.email, template: 'email_reset' } });
        assert.equal(second.status, 400);
      }
    } finally {
      await setProtection('0');
    }
  });
  it('a reset token is single use: of concurrent resets with it exactly one succeeds', async () => {
    const c = await createCustomer(getDb());
    const rpToken = `conc${uniqueSuffix()}`;
    await getDb().execute('UPDATE customer_entity SET rp_token = ?, rp_token_created_at = ? WHERE entity_id = ?', [rpToken, formatDbDate(clock.now()), c.customerId]);
    const replies = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        app.request('POST', '/rest/V1/customers/resetPassword', { body: { email: c.email, resetToken: rpToken, newPassword: `Reset#Passw0rd${n}` } }),
      ),
    );
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 400, 400, 400]);
    for (const r of replies.filter((x) => x.status === 400)) {
      assert.deepEqual(r.body, { message: 'The password token is mismatched. Reset and try again.' });
    }
  });

  it('resetLinkToken: no other string validates a stored token, and none gives a 5xx', async () => {
    const c = await createCustomer(getDb());
    const rpToken = 'a'.repeat(16) + uniqueSuffix().replace(/[^0-9a-z]/gi, '');
    await getDb().execute('UPDATE customer_entity SET rp_token = ?, rp_token_created_at = ? WHERE entity_id = ?', [rpToken, formatDbDate(clock.now()), c.customerId]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(rpToken.toUpperCase(), `${rpToken} `, rpToken.slice(0, -1), `${rpToken}0`)),
        fc.oneof(fc.constant(c.customerId), fc.integer({ min: -5, max: 5 }), fc.constant(2 ** 53)),
        async (candidate, customerId) => {
          const reply = await app.request('GET', `/rest/V1/customers/${customerId}/password/resetLinkToken/${encodeURIComponent(candidate)}`);
          assert.ok(reply.status < 500, `${reply.status} ${JSON.stringify(reply.body)}`);
          const valid = customerId === c.customerId && candidate === rpToken;
          assert.equal(reply.status === 200, valid, `${customerId}/${candidate}: ${JSON.stringify(reply.body)}`);
        },
      ),
      { numRuns: 80 },
    );
  });
  it('wrong passwords at token login count towards the same lock-out (Magento_Customer Authentication); a good login clears them', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    const failures = async (): Promise<number> =>
      Number(await getDb().fetchOne('SELECT failures_num FROM customer_entity WHERE entity_id = ?', [c.customerId]));
    for (let i = 0; i < 2; i++) {
      const bad = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: c.email, password: 'Wrong#Pass1' } });
      assert.equal(bad.status, 401);
    }
    assert.equal(await failures(), 2);
    await customerToken(c.email);
    assert.equal(await failures(), 0, 'cleared by the good login');
    for (let i = 0; i < 3; i++) {
      await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: c.email, password: 'Wrong#Pass1' } });
    }
    const body = { currentPassword: 'Wrong#Pass1', newPassword: 'NewPassw0rd!' };
    for (let i = 4; i <= 9; i++) {
      assert.equal((await app.request('PUT', '/rest/V1/customers/me/password', { token, body })).status, 401, `failure ${i}`);
    }
    const tenth = await app.request('PUT', '/rest/V1/customers/me/password', { token, body });
    assert.deepEqual(tenth.body, { message: 'The account is locked.' });
    const login = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: c.email, password: PASSWORD } });
    assert.equal(login.status, 401, 'a locked account gets no token, even with the right password');
  });
  it('concurrent wrong current passwords all count: a burst of 12 locks the account', async () => {
    const c = await createCustomer(getDb());
    const token = await customerToken(c.email);
    const body = { currentPassword: 'Wrong#Pass1', newPassword: 'NewPassw0rd!' };
    const replies = await Promise.all(Array.from({ length: 12 }, () => app.request('PUT', '/rest/V1/customers/me/password', { token, body })));
    assert.ok(replies.every((r) => r.status === 401 || r.status === 400));
    const row = await getDb().fetchRow('SELECT failures_num, lock_expires FROM customer_entity WHERE entity_id = ?', [c.customerId]);
    assert.ok(Number(row?.failures_num) >= 10, `counted ${String(row?.failures_num)}`);
    assert.notEqual(row?.lock_expires, null);
    const right = await app.request('PUT', '/rest/V1/customers/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd!' } });
    assert.deepEqual(right.body, { message: 'The account is locked.' });
  });
});
