/**
 * Revocation always wins (issue 9, item 3): a revoked token, and a token of an ended Login as Customer
 * session, never works again, whatever second it was issued in; a token issued after the revocation
 * works, also within the same second. JWT `iat` is whole seconds, so these tests pin the clock and
 * do everything inside one second unless they say otherwise. Two app instances share the database
 * (and the clock: instances are expected to run on synchronised clocks).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { UserType } from '../../src/Framework/Authentication/UserContext.ts';
import { FixedClock, unixSeconds } from '../../src/Framework/Stdlib/Clock.ts';
import { AclBuilder } from '../../src/Model/Authorization/AclBuilder.ts';
import { createOpaqueToken } from '../integration/Identity/factories.ts';
import {
  createAdmin,
  createCustomer,
  get,
  LOGIN,
  rest,
  ROTATED_KEY,
  setConfig,
  TOKEN,
  type AdminActor,
  type CustomerActor,
  type Reply,
  type TestApp,
} from '../api/LoginAsCustomer/lacHarness.ts';
import { createTestApplication } from '../support/app.ts';
import { forEachDatabase } from '../support/databases.ts';

const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";
const ENABLED = 'login_as_customer/general/enabled';

forEachDatabase('Revocation always wins', (getDb, { openConnection }) => {
  // Mid-second, so that nothing below crosses a second boundary by accident.
  const clock = new FixedClock(Date.UTC(2031, 2, 3, 10, 0, 0, 400));
  let a: TestApp;
  let b: TestApp;
  /** Full access: revokes other users' tokens, runs Login as Customer. Never revoked itself. */
  let admin: AdminActor;

  before(async () => {
    a = await createTestApplication(getDb(), { clock, cryptKey: ROTATED_KEY });
    b = await createTestApplication(openConnection(), { clock, cryptKey: ROTATED_KEY });
    await setConfig(a, ENABLED, '1');
    await setConfig(b, ENABLED, '1');
    admin = await newAdmin(['Magento_Backend::all']);
  });
  after(async () => {
    await setConfig(a, ENABLED, null);
    await b.close();
    await a.close();
  });

  /** An admin with its token; both instances see its role at once (each caches the ACL for 2 s). */
  const newAdmin = async (resources: readonly string[]): Promise<AdminActor> => {
    const created = await createAdmin(a, resources);
    get<AclBuilder>(b, AclBuilder).clean();
    return created;
  };
  const login = async (app: TestApp, customer: CustomerActor): Promise<string> => {
    const reply = await rest(app, 'POST', '/integration/customer/token', { body: { username: customer.email, password: customer.password } });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body as string;
  };
  const me = (app: TestApp, token: string): Promise<Reply> => rest(app, 'GET', '/customers/me', { token });
  const assertWorks = async (app: TestApp, token: string, customerId: number, label: string): Promise<void> => {
    const reply = await me(app, token);
    assert.equal(reply.status, 200, `${label}: ${JSON.stringify(reply.body)}`);
    assert.equal((reply.body as { id: number }).id, customerId, label);
  };
  const assertRefused = async (app: TestApp, token: string, label: string): Promise<void> => {
    const reply = await me(app, token);
    assert.equal(reply.status, 401, label);
    assert.deepEqual(reply.body, { message: UNAUTHORIZED, parameters: { resources: 'self' } }, label);
  };
  const adminRevokes = async (app: TestApp, customerId: number): Promise<void> => {
    const reply = await rest(app, 'DELETE', `/integration/customer/${customerId}/tokens`, { token: admin.token });
    assert.deepEqual([reply.status, reply.body], [200, true]);
  };

  it('revoke-customer-token right after the login refuses that token; a login after it in the same second works, until the next revocation', async () => {
    const customer = await createCustomer(a);
    const second = unixSeconds(clock);
    const first = await login(a, customer);
    const revoked = await rest(a, 'POST', '/integration/customer/revoke-customer-token', { token: first });
    assert.deepEqual([revoked.status, revoked.body], [200, true]);
    await assertRefused(a, first, 'revoked in its own second, instance a');
    await assertRefused(b, first, 'revoked in its own second, instance b');

    const next = await login(b, customer);
    await assertWorks(a, next, customer.customerId, 'issued after the revocation, same second');
    assert.equal(unixSeconds(clock), second, 'all of this happened within one second');

    // A second revocation within the same second must still refuse the token issued between the two.
    const again = await rest(b, 'POST', '/integration/customer/revoke-customer-token', { token: next });
    assert.deepEqual([again.status, again.body], [200, true]);
    await assertRefused(a, next, 'second revocation, same second');
    await assertRefused(a, first, 'first token stays refused');
    const last = await login(a, customer);
    await assertWorks(b, last, customer.customerId, 'issued after the second revocation');
  });

  it("an admin's DELETE /V1/integration/customer/:customerId/tokens refuses a token issued within that second", async () => {
    const customer = await createCustomer(a);
    const token = await login(a, customer);
    await adminRevokes(b, customer.customerId);
    await assertRefused(a, token, 'revoked by an admin on the other instance');
    await assertWorks(a, await login(a, customer), customer.customerId, 'login after the revocation');
  });

  it("an admin's own tokens: revoke-admin-token and DELETE /V1/integration/admin/:adminId/tokens win in the issue second", async () => {
    const other = await newAdmin(['Magento_Backend::all']);
    const loggedOut = await rest(a, 'POST', '/integration/admin/revoke-admin-token', { token: other.token });
    assert.deepEqual([loggedOut.status, loggedOut.body], [200, true]);
    const after = await rest(b, 'POST', '/integration/admin/revoke-admin-token', { token: other.token });
    assert.equal(after.status, 401, 'the admin token issued in the same second is revoked');
    assert.deepEqual(after.body, { message: UNAUTHORIZED, parameters: { resources: 'Magento_Backend::admin' } });

    const password = `Pw_${other.username.slice('lac_admin_'.length)}_1a`;
    const fresh = await rest(b, 'POST', '/integration/admin/token', { body: { username: other.username, password } });
    assert.equal(fresh.status, 200, JSON.stringify(fresh.body));
    const forced = await rest(a, 'DELETE', `/integration/admin/${other.adminId}/tokens`, { token: admin.token });
    assert.deepEqual([forced.status, forced.body], [200, true]);
    const refused = await rest(b, 'POST', '/integration/admin/revoke-admin-token', { token: fresh.body as string });
    assert.equal(refused.status, 401, "revoked by another admin within the token's second");
  });

  it('DELETE /V1/login-as-customer/session right after the exchange refuses the impersonation token', async () => {
    const customer = await createCustomer(a);
    const generated = await rest(a, 'POST', '/login-as-customer/secret', { token: admin.token, body: { customerId: customer.customerId } });
    assert.equal(generated.status, 200, JSON.stringify(generated.body));
    const secret = (generated.body as { secret: string }).secret;
    const exchanged = await rest(a, 'POST', '/login-as-customer/token', { token: admin.token, body: { secret } });
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    const impersonation = exchanged.body as string;
    await assertWorks(b, impersonation, customer.customerId, 'the impersonation token before the session ends');

    const ended = await rest(b, 'DELETE', `/login-as-customer/session?customerId=${customer.customerId}`, { token: admin.token });
    assert.deepEqual([ended.status, ended.body], [200, true]);
    await assertRefused(a, impersonation, 'session ended in the second of the exchange');
    await assertRefused(b, impersonation, 'session ended in the second of the exchange (other instance)');
    await assertWorks(a, await login(b, customer), customer.customerId, "the customer's own login after the session ended");
  });

  it("an admin's logout right after an exchange ends the session: the impersonation token is refused", async () => {
    const owner = await newAdmin([LOGIN, TOKEN]);
    const customer = await createCustomer(a);
    const secret = ((await rest(a, 'POST', '/login-as-customer/secret', { token: owner.token, body: { customerId: customer.customerId } })).body as {
      secret: string;
    }).secret;
    const exchanged = await rest(b, 'POST', '/login-as-customer/token', { token: owner.token, body: { secret } });
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    const logout = await rest(a, 'POST', '/integration/admin/revoke-admin-token', { token: owner.token });
    assert.deepEqual([logout.status, logout.body], [200, true]);
    await assertRefused(b, exchanged.body as string, 'session ended by the logout in the second of the exchange');
  });

  it('legacy opaque tokens: refused after a revocation in their own second', async () => {
    const customer = await createCustomer(a);
    const opaque = await createOpaqueToken(getDb(), { customerId: customer.customerId, userType: UserType.CUSTOMER }, clock.now());
    await assertWorks(b, opaque, customer.customerId, 'opaque token before the revocation');
    await adminRevokes(a, customer.customerId);
    await assertRefused(b, opaque, 'opaque token after the revocation');
  });

  it('revoke_before never moves back: a revocation after a later one (another clock, a real Magento) still refuses what came before', async () => {
    const customer = await createCustomer(a);
    const now = unixSeconds(clock);
    // A row written ahead of this clock: by an instance whose clock runs 5 s ahead, or by earlier revocations in one second.
    await getDb().insertOnDuplicate(
      'jwt_auth_revoked',
      { user_type_id: UserType.CUSTOMER, user_id: customer.customerId, revoke_before: now + 5 },
      ['revoke_before'],
    );
    const token = await login(a, customer);
    await assertWorks(b, token, customer.customerId, 'issued after the row, even though the row is ahead of this clock');
    await adminRevokes(b, customer.customerId);
    await assertRefused(a, token, 'revoked by an instance whose clock is behind the row');
    const stored = await getDb().fetchOne(
      `SELECT revoke_before FROM ${getDb().getTableName('jwt_auth_revoked')} WHERE user_type_id = ? AND user_id = ?`,
      [UserType.CUSTOMER, customer.customerId],
    );
    assert.ok(Number(stored) > now + 5, `revoke_before moved forward (${String(stored)})`);
  });

  it('concurrent logins and revocations on two instances: whatever the order, a later revocation refuses every earlier token', async () => {
    const customer = await createCustomer(a);
    const raced = await Promise.all([login(a, customer), adminRevokes(b, customer.customerId), login(b, customer), adminRevokes(a, customer.customerId)]);
    const tokens = [raced[0], raced[2]];
    for (const token of tokens) {
      const reply = await me(a, token);
      // Issued concurrently with a revocation: either side of it is a valid outcome, but never another user.
      assert.ok(reply.status === 401 || (reply.status === 200 && (reply.body as { id: number }).id === customer.customerId), JSON.stringify(reply));
    }
    await Promise.all([adminRevokes(a, customer.customerId), adminRevokes(b, customer.customerId)]);
    for (const token of tokens) await assertRefused(b, token, 'after the concurrent revocations');
    await assertWorks(a, await login(b, customer), customer.customerId, 'login after all of it');
  });

  it('property: generated sequences of login / revoke / clock moves over two instances keep the revocation promise', async () => {
    type Op =
      | { kind: 'login'; on: 0 | 1 }
      | { kind: 'revokeSelf'; on: 0 | 1 }
      | { kind: 'revokeByAdmin'; on: 0 | 1 }
      | { kind: 'revokeBoth' }
      | { kind: 'raceLoginRevoke'; loginOn: 0 | 1 }
      | { kind: 'advance'; ms: number }
      | { kind: 'check'; on: 0 | 1 };
    const on = fc.constantFrom<0 | 1>(0, 1);
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: on.map((i) => ({ kind: 'login' as const, on: i })) },
      { weight: 2, arbitrary: on.map((i) => ({ kind: 'revokeSelf' as const, on: i })) },
      { weight: 2, arbitrary: on.map((i) => ({ kind: 'revokeByAdmin' as const, on: i })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'revokeBoth' as const }) },
      { weight: 1, arbitrary: on.map((i) => ({ kind: 'raceLoginRevoke' as const, loginOn: i })) },
      { weight: 2, arbitrary: fc.constantFrom(0, 0, 300, 1000, 1700, 2000).map((ms) => ({ kind: 'advance' as const, ms })) },
      { weight: 2, arbitrary: on.map((i) => ({ kind: 'check' as const, on: i })) },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const apps = [a, b] as const;
        const customer = await createCustomer(a, { optIn: false });
        /** live: must work; revoked: must be refused; either: issued concurrently with a revocation. */
        const tokens: Array<{ token: string; state: 'live' | 'revoked' | 'either' }> = [];
        const revokeAll = (): void => {
          for (const t of tokens) t.state = 'revoked';
        };
        const check = async (app: TestApp): Promise<void> => {
          for (const [i, t] of tokens.entries()) {
            const reply = await me(app, t.token);
            if (t.state === 'live') assert.equal(reply.status, 200, `token #${i} should work`);
            else if (t.state === 'revoked') assert.equal(reply.status, 401, `token #${i} should be refused`);
            else assert.ok(reply.status === 200 || reply.status === 401, `token #${i}: ${reply.status}`);
            if (reply.status === 200) assert.equal((reply.body as { id: number }).id, customer.customerId);
          }
        };
        for (const step of ops) {
          switch (step.kind) {
            case 'login':
              tokens.push({ token: await login(apps[step.on], customer), state: 'live' });
              break;
            case 'revokeSelf': {
              const live = tokens.find((t) => t.state === 'live');
              if (live) {
                const reply = await rest(apps[step.on], 'POST', '/integration/customer/revoke-customer-token', { token: live.token });
                assert.deepEqual([reply.status, reply.body], [200, true]);
              } else await adminRevokes(apps[step.on], customer.customerId);
              revokeAll();
              break;
            }
            case 'revokeByAdmin':
              await adminRevokes(apps[step.on], customer.customerId);
              revokeAll();
              break;
            case 'revokeBoth':
              await Promise.all([adminRevokes(a, customer.customerId), adminRevokes(b, customer.customerId)]);
              revokeAll();
              break;
            case 'raceLoginRevoke': {
              const [token] = await Promise.all([login(apps[step.loginOn], customer), adminRevokes(apps[1 - step.loginOn] as TestApp, customer.customerId)]);
              revokeAll();
              tokens.push({ token, state: 'either' });
              break;
            }
            case 'advance':
              clock.advance(step.ms);
              break;
            case 'check':
              await check(apps[step.on]);
              break;
          }
        }
        await check(a);
        await check(b);
      }),
      { numRuns: 12 },
    );
  });
});
