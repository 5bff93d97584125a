/**
 * The login lock-out (`oauth_token_request_log`, Magento's RequestThrottler) under concurrency, across two
 * app instances on one database, in every spelling of a user name that reaches the account.
 *
 * The invariant, checked for every generated input: for any burst of concurrent attempts against one account,
 * at most `max` passwords are verified per lock window and no attempt after the limit succeeds, even with the
 * right password.
 *
 * "Verified" is counted by a spy on the Encryptor's validateHash (the dummy hash checked for an unknown name
 * counts too: it is the same cost and the same guess). Accounts get a cheap legacy hash (version 1, sha256)
 * so a run costs milliseconds, not Argon2's tens of milliseconds per password.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import type { AdminTokenServiceInterface } from '../../src/Api/Integration/AdminTokenServiceInterface.ts';
import type { CustomerTokenServiceInterface } from '../../src/Api/Integration/CustomerTokenServiceInterface.ts';
import { GUEST } from '../../src/Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../src/Framework/Config/ScopeConfigInterface.ts';
import type { EncryptorInterface } from '../../src/Framework/Crypt/EncryptorInterface.ts';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import { AuthenticationException } from '../../src/Framework/Exception/AuthenticationException.ts';
import { FixedClock } from '../../src/Framework/Stdlib/Clock.ts';
import { ACCOUNT_SIGN_IN_FAILED } from '../../src/Model/User/AdminUserManagement.ts';
import { createAdmin, createCustomer } from '../integration/Identity/factories.ts';
import { createIdentityHarness, type IdentityHarness } from '../integration/Identity/harness.ts';
import { createTestApplication, type TestApplication, type TestResponse } from '../support/app.ts';
import { forEachDatabase, uniqueSuffix, type DatabasePlatform } from '../support/databases.ts';

const RIGHT = 'Lockout#2024';
/**
 * Pinned after the real time: the embedded database's ON UPDATE emulation writes the real CURRENT_TIMESTAMP,
 * which must then read as an expired lock — as it would in production — not as one far in the future.
 */
const NOW = Date.UTC(2031, 2, 3, 10, 0, 0);
const ROUTES = { admin: '/rest/V1/integration/admin/token', customer: '/rest/V1/integration/customer/token' } as const;
/** The log's own user types (Magento's RequestThrottler): customer 2, admin 3. */
const LOG_USER_TYPE = { admin: 3, customer: 2 } as const;

type Kind = 'admin' | 'customer';

/** Magento's version-1 hash, `sha256(salt . password):salt:1`, which the Encryptor still verifies. */
function legacyHash(password: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${createHash('sha256').update(salt + password).digest('hex')}:${salt}:1`;
}

/**
 * Another way of writing the same user name: letters re-cased, a first vowel accented, spaces appended.
 * Case reaches the account on both databases (MySQL's *_general_ci, SQLite's NOCASE); accents and trailing
 * spaces reach it on MySQL only (general_ci folds accents, PAD SPACE ignores trailing spaces). On SQLite a
 * trailing space does not reach the account, but it must still count against it (the key is trimmed); an
 * accent is a different, unknown name there, so it is generated on MySQL only.
 */
interface Spelling {
  readonly caseMask: number;
  readonly accent: boolean;
  readonly trailing: number;
}

const ACCENTED: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ö', U: 'Ú' };

function spell(name: string, s: Spelling): string {
  let out = [...name]
    .map((ch, i) => ((s.caseMask >>> i % 30) & 1 ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch))
    .join('');
  if (s.accent) out = out.replace(/[aeiou]/i, (v) => ACCENTED[v] ?? v);
  return out + ' '.repeat(s.trailing);
}

const reaches = (platform: DatabasePlatform, s: Spelling): boolean => platform === 'mysql' || (s.trailing === 0 && !s.accent);

const EXACT: Spelling = { caseMask: 0, accent: false, trailing: 0 };

const spellingArb = (platform: DatabasePlatform): fc.Arbitrary<Spelling> =>
  fc.record({
    caseMask: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.nat(), weight: 3 }),
    accent: platform === 'mysql' ? fc.boolean() : fc.constant(false),
    trailing: fc.oneof(
      { arbitrary: fc.constant(0), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 },
      // Past the log's varchar(255): the key must still fit and still be the account's.
      { arbitrary: fc.integer({ min: 250, max: 300 }), weight: 1 },
    ),
  });

/**
 * Wraps validateHash on each instance's Encryptor: records every password checked and, while a gate is set,
 * holds each check until the gate opens — so every attempt of a burst has been let through or refused before
 * any verification finishes (and before a success could reset the count).
 */
class VerificationProbe {
  passwords: string[] = [];
  private gate: { opened: Promise<void>; onEnter: () => void } | undefined;

  install(encryptor: EncryptorInterface): void {
    const original = encryptor.validateHash.bind(encryptor);
    encryptor.validateHash = async (password: string, stored: string): Promise<boolean> => {
      this.passwords.push(password);
      const gate = this.gate;
      if (gate) {
        gate.onEnter();
        await gate.opened;
      }
      return original(password, stored);
    };
  }

  reset(): void {
    this.passwords = [];
  }

  /**
   * Runs the attempts at once; verifications wait until each attempt is either verifying or answered.
   * Returns the replies and the passwords verified.
   */
  async gatedBurst<T>(attempts: ReadonlyArray<() => Promise<T>>): Promise<{ replies: T[]; verified: string[] }> {
    this.reset();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    let answered = 0;
    const check = (): void => {
      if (answered + this.passwords.length >= attempts.length) open();
    };
    this.gate = { opened, onEnter: check };
    try {
      const replies = await Promise.all(
        attempts.map((attempt) =>
          attempt().finally(() => {
            answered += 1;
            check();
          }),
        ),
      );
      return { replies, verified: [...this.passwords] };
    } finally {
      this.gate = undefined;
    }
  }
}

const failuresCount = async (db: ConnectionInterface, name: string, kind: Kind): Promise<number> => {
  const value = await db.fetchOne(
    `SELECT failures_count FROM ${db.getTableName('oauth_token_request_log')} WHERE user_name = ? AND user_type = ?`,
    [name, LOG_USER_TYPE[kind]],
  );
  return value === undefined || value === null ? 0 : Number(value);
};

forEachDatabase('Security: the login lock-out holds under concurrency', (getDb, { platform, openConnection }) => {
  const clock = new FixedClock(NOW);
  const probe = new VerificationProbe();
  let apps: [TestApplication, TestApplication];
  let max: number;

  before(async () => {
    const first = await createTestApplication(getDb(), { clock });
    // A second instance on its own connection to the same database, as a second process would be.
    const second = await createTestApplication(openConnection(), { clock });
    apps = [first, second];
    for (const app of apps) probe.install(app.application.container.get<EncryptorInterface>(TYPES.Encryptor));
    max = Number(await first.application.container.get<ScopeConfigInterface>(TYPES.ScopeConfig).getValue('oauth/authentication_lock/max_failures_count'));
  });
  after(async () => {
    await apps?.[1]?.close();
    await apps?.[0]?.close();
  });

  const newAccount = async (kind: Kind): Promise<string> =>
    kind === 'admin'
      ? (await createAdmin(getDb(), { password: legacyHash(RIGHT) })).username
      : (await createCustomer(getDb(), { passwordHash: legacyHash(RIGHT) })).email;

  const login = (kind: Kind, instance: number, username: string, password: string): Promise<TestResponse> =>
    (apps[instance % 2] as TestApplication).request('POST', ROUTES[kind], { body: { username, password } });

  const assertRefused = (reply: TestResponse, what: string): void => {
    assert.equal(reply.status, 401, `${what}: ${JSON.stringify(reply.body)}`);
    assert.deepEqual(reply.body, { message: ACCOUNT_SIGN_IN_FAILED }, what);
  };

  interface Attempt {
    readonly spelling: Spelling;
    readonly instance: number;
  }

  const burstArb = (): fc.Arbitrary<{ before: number; attempts: Attempt[]; rightAt: number | null; gated: boolean }> =>
    fc.record({
      // Failures already counted when the burst starts: up to the limit itself.
      before: fc.integer({ min: 0, max }),
      attempts: fc.array(fc.record({ spelling: spellingArb(platform), instance: fc.integer({ min: 0, max: 1 }) }), {
        minLength: 1,
        maxLength: 2 * max + 4,
      }),
      rightAt: fc.option(fc.nat(), { nil: null }),
      // Ungated: the scheduler's own order. Then no right password in the burst, so nothing resets the count.
      gated: fc.boolean(),
    });

  const checkBurst = async (kind: Kind, input: { before: number; attempts: Attempt[]; rightAt: number | null; gated: boolean }) => {
    const name = await newAccount(kind);
    probe.reset();
    for (let i = 0; i < input.before; i++) assertRefused(await login(kind, i, name, `wrong-before-${i}`), `failure ${i} before the burst`);
    assert.equal(probe.passwords.length, input.before, 'each failure before the limit is verified');

    const rightIndex = input.gated && input.rightAt !== null ? input.rightAt % input.attempts.length : -1;
    const sent = input.attempts.map((a, i) => ({ ...a, username: spell(name, a.spelling), password: i === rightIndex ? RIGHT : `wrong-${i}` }));
    const run = sent.map((a) => () => login(kind, a.instance, a.username, a.password));
    let replies: TestResponse[];
    let verified: string[];
    if (input.gated) ({ replies, verified } = await probe.gatedBurst(run));
    else {
      probe.reset();
      replies = await Promise.all(run.map((attempt) => attempt()));
      verified = [...probe.passwords];
    }

    const budget = Math.max(0, max - input.before);
    const context = JSON.stringify({ before: input.before, n: sent.length, rightIndex, gated: input.gated, verified: verified.length });
    // The invariant: never more verifications than the lock window has left; and no fewer (no attempt is
    // refused while the window still has room).
    assert.equal(verified.length, Math.min(sent.length, budget), `passwords verified in the burst ${context}`);

    const right = sent[rightIndex];
    const rightVerified = verified.includes(RIGHT);
    const expectSuccess = right !== undefined && rightVerified && reaches(platform, right.spelling);
    replies.forEach((reply, i) => {
      if (i === rightIndex && expectSuccess) assert.equal(reply.status, 200, `the right password, let through, gets a token ${context}`);
      else assertRefused(reply, `attempt ${i} ${context}`);
    });

    if (expectSuccess) {
      assert.equal(await failuresCount(getDb(), name, kind), 0, 'a success resets the count');
      return;
    }
    assert.equal(await failuresCount(getDb(), name, kind), input.before + verified.length, `every attempt let through is counted ${context}`);
    // After the burst: locked exactly when the window is used up, on both instances, even for the right password.
    probe.reset();
    for (const instance of [0, 1]) {
      const reply = await login(kind, instance, name, RIGHT);
      if (input.before + verified.length >= max) {
        assertRefused(reply, `the right password after the limit, instance ${instance} ${context}`);
      } else {
        assert.equal(reply.status, 200, `the right password within the limit ${context}`);
        break;
      }
    }
    if (input.before + verified.length >= max) assert.equal(probe.passwords.length, 0, 'a refused attempt verifies no password');
  };

  /** The reproduction from issue 9: 29 wrong passwords and the right one last, all at once on two instances. */
  const issueExample = {
    before: 0,
    attempts: Array.from({ length: 30 }, (_, i) => ({ spelling: EXACT, instance: i % 2 })),
    rightAt: 29,
    gated: true,
  };

  for (const kind of ['admin', 'customer'] as const) {
    it(`${kind}s: concurrent bursts on two instances verify at most the lock window's passwords`, { timeout: 300_000 }, async () => {
      assert.ok(max > 0, 'a lock-out threshold is configured');
      await fc.assert(
        fc.asyncProperty(burstArb(), (input) => checkBurst(kind, input)),
        { numRuns: 15, examples: [[issueExample]] },
      );
    });
  }

  it('the same account in every spelling shares one counter, one login after another', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Kind>('admin', 'customer'),
        fc.array(fc.record({ spelling: spellingArb(platform), instance: fc.integer({ min: 0, max: 1 }) }), { minLength: max + 1, maxLength: max + 4 }),
        async (kind, attempts) => {
          const name = await newAccount(kind);
          probe.reset();
          for (const [i, a] of attempts.entries()) {
            const reply = await login(kind, a.instance, spell(name, a.spelling), `wrong-${i}`);
            assertRefused(reply, `attempt ${i} as ${JSON.stringify(spell(name, a.spelling).trimEnd())}`);
            assert.equal(probe.passwords.length, Math.min(i + 1, max), `passwords verified after attempt ${i}`);
          }
          assert.equal(await failuresCount(getDb(), name, kind), max);
          assertRefused(await login(kind, 0, name, RIGHT), 'the right password after the limit');
          assert.equal(probe.passwords.length, max);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a name longer than the log\'s column is counted and locked like any other, never a 5xx', async () => {
    for (const kind of ['admin', 'customer'] as const) {
      // No account has such a name; its key is cut to the column (varchar(255)), which strict MySQL enforces.
      const name = `nobody_${uniqueSuffix()}_${'x'.repeat(300)}`;
      probe.reset();
      for (let i = 0; i <= max; i++) {
        const reply = await login(kind, i, i % 2 === 0 ? name : name.toUpperCase(), `wrong-${i}`);
        assertRefused(reply, `${kind} attempt ${i}`);
        assert.equal(probe.passwords.length, Math.min(i + 1, max), `${kind}: passwords verified after attempt ${i}`);
      }
    }
  });
});

/**
 * Sequences of logins against a model of the throttle, under generated configuration (a limit of 0 or less
 * turns throttling off; the lock timeout; admins' case-sensitive login), spellings, instances and waits.
 * Service level, so the configuration is given to the container instead of written to the shared database.
 */
forEachDatabase('Security: the login lock-out follows its model, one login after another', (getDb, { platform, openConnection }) => {
  let secondConnection: ConnectionInterface;
  before(() => {
    secondConnection = openConnection();
  });

  type Step =
    | { readonly kind: 'attempt'; readonly spelling: Spelling; readonly right: boolean; readonly instance: number }
    | { readonly kind: 'wait'; readonly full: boolean };

  const stepArb = (): fc.Arbitrary<Step> =>
    fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('attempt' as const), spelling: spellingArb(platform), right: fc.boolean(), instance: fc.integer({ min: 0, max: 1 }) }), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant('wait' as const), full: fc.boolean() }), weight: 1 },
    );

  it('admins and customers: refusals, verifications and tokens are the model\'s', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Kind>('admin', 'customer'),
        fc.constantFrom('-1', '0', '1', '2', '6'),
        fc.constantFrom(1, 60, 1800),
        fc.boolean(),
        fc.array(stepArb(), { minLength: 1, maxLength: 14 }),
        async (kind, maxConfig, timeout, caseSensitive, steps) => {
          const config = {
            'oauth/authentication_lock/max_failures_count': maxConfig,
            'oauth/authentication_lock/timeout': String(timeout),
            'admin/security/use_case_sensitive_login': caseSensitive ? '1' : '0',
          };
          const harnesses: IdentityHarness[] = [createIdentityHarness(getDb(), { config }), createIdentityHarness(secondConnection, { config })];
          const probe = new VerificationProbe();
          for (const h of harnesses) {
            h.clock.set(NOW);
            probe.install(h.get<EncryptorInterface>(TYPES.Encryptor));
          }
          const name =
            kind === 'admin'
              ? (await createAdmin(getDb(), { password: legacyHash(RIGHT) })).username
              : (await createCustomer(getDb(), { passwordHash: legacyHash(RIGHT) })).email;

          const max = Number(maxConfig);
          let now = 0;
          let count = 0;
          let expiresAt = -Infinity;
          for (const [i, step] of steps.entries()) {
            if (step.kind === 'wait') {
              const seconds = step.full ? timeout : timeout - 1;
              for (const h of harnesses) h.clock.advance(seconds * 1000);
              now += seconds;
              continue;
            }
            const typed = spell(name, step.spelling);
            const password = step.right ? RIGHT : `wrong-${i}`;
            // The model: an attempt takes a place in the lock window before its password is looked at.
            let admitted = true;
            if (max > 0) {
              if (expiresAt <= now) count = 0;
              if (count >= max) admitted = false;
              else {
                count += 1;
                expiresAt = now + timeout;
              }
            }
            const reached = reaches(platform, step.spelling);
            // Case-sensitive admin login refuses another spelling of a found admin before checking the password.
            const exactNeeded = kind === 'admin' && caseSensitive;
            const verifies = admitted && (!reached || !exactNeeded || typed === name);
            const succeeds = verifies && reached && step.right;
            if (succeeds) {
              count = 0;
              expiresAt = -Infinity;
            }

            const h = harnesses[step.instance] as IdentityHarness;
            const verifiedBefore = probe.passwords.length;
            let outcome: 'token' | 'refused';
            try {
              if (kind === 'admin') await h.get<AdminTokenServiceInterface>(TYPES.AdminTokenService).createAdminAccessToken(typed, password);
              else await h.asRequest(GUEST, () => h.get<CustomerTokenServiceInterface>(TYPES.CustomerTokenService).createCustomerAccessToken(typed, password));
              outcome = 'token';
            } catch (error) {
              assert.ok(error instanceof AuthenticationException, `step ${i}: ${String(error)}`);
              assert.equal(error.getRawMessage(), ACCOUNT_SIGN_IN_FAILED);
              outcome = 'refused';
            }
            const what = `step ${i} ${JSON.stringify({ typed: typed.trimEnd(), trailing: step.spelling.trailing, right: step.right, admitted, count })}`;
            assert.equal(outcome, succeeds ? 'token' : 'refused', what);
            assert.equal(probe.passwords.length - verifiedBefore, verifies ? 1 : 0, `passwords verified, ${what}`);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
