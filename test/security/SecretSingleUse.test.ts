/**
 * One secret, one token — in every spelling, for our secrets and for a real Magento admin's, sequentially and
 * concurrently across two app instances on one database.
 *
 * The invariant, checked for every generated input: of any set of strings sent to the exchange routes for one
 * secret, at most one gets a token, and it is the exact string that was handed out; every other answer is
 * 401 `Invalid or expired secret.`; nothing answers 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { CryptKey } from '../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../src/Framework/Crypt/Encryptor.ts';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { FixedClock, formatDbDate, unixSeconds } from '../../src/Framework/Stdlib/Clock.ts';
import { CryptoRandom } from '../../src/Framework/Stdlib/Random.ts';
import { forEachDatabase } from '../support/databases.ts';
import {
  createAdmin,
  createCustomer,
  FOREIGN_KEY,
  insertMagentoSession,
  OLD_KEY,
  rest,
  ROTATED_KEY,
  setConfig,
  startApp,
  type AdminActor,
  type Reply,
  type TestApp,
} from '../api/LoginAsCustomer/lacHarness.ts';

const INVALID_SECRET = { message: 'Invalid or expired secret.' };
const ENABLED = 'login_as_customer/general/enabled';
const EXCHANGE_ROUTES = ['/login-as-customer/token', '/integration/customer/login-as-customer'] as const;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A way of writing a secret differently; most decode to the same sealed bytes under a lenient parser. */
type Respelling = (secret: string) => string;

const parts = (secret: string): { version: string; cipher: string; sealed: string } => {
  const [version = '', cipher = '', sealed = ''] = secret.split(':');
  return { version, cipher, sealed };
};
const join = (version: string, cipher: string, sealed: string): string => `${version}:${cipher}:${sealed}`;

/** The last base64 character before the padding carries unused bits: other values spell the same bytes. */
const trailingBits = (delta: number): Respelling => (secret) => {
  const { version, cipher, sealed } = parts(secret);
  const body = sealed.replace(/=+$/, '');
  const padding = sealed.slice(body.length);
  if (padding === '') return secret;
  const unusedBits = padding.length === 2 ? 4 : 2;
  const last = BASE64.indexOf(body.at(-1) as string);
  const changed = (last & ~((1 << unusedBits) - 1)) | (delta % (1 << unusedBits));
  return join(version, cipher, `${body.slice(0, -1)}${BASE64[changed] as string}${padding}`);
};

const respelling: fc.Arbitrary<Respelling> = fc.oneof(
  fc.constant<Respelling>((s) => s),
  fc.integer({ min: 1, max: 4 }).map<Respelling>((n) => (s) => '0'.repeat(n) + s),
  fc.constantFrom('+', ' ', '\t', '-0').map<Respelling>((p) => (s) => p + s),
  fc.constantFrom(' ', '\n', '\r\n', '\u00a0', '\u0000').map<Respelling>((p) => (s) => s + p),
  fc.integer({ min: 1, max: 15 }).map(trailingBits),
  fc.constant<Respelling>((s) => s.replace(/=+$/, '')),
  fc.constant<Respelling>((s) => `${s}=`),
  fc.constant<Respelling>((s) => {
    const { version, cipher, sealed } = parts(s);
    return join(version, cipher, Buffer.from(sealed, 'base64').toString('base64url'));
  }),
  fc.constant<Respelling>((s) => {
    const { version, sealed } = parts(s);
    return join(version, '03', sealed);
  }),
  fc.constantFrom('0', '1', '2', '01').map<Respelling>((v) => (s) => {
    const { cipher, sealed } = parts(s);
    return join(v, cipher, sealed);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('\n', ' ', '\r')).map<Respelling>(([at, ch]) => (s) => {
    const i = s.lastIndexOf(':') + 1 + (at % (s.length - s.lastIndexOf(':')));
    return s.slice(0, i) + ch + s.slice(i);
  }),
  fc.nat().map<Respelling>((at) => (s) => {
    const i = at % s.length;
    const c = s[i] as string;
    const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    return s.slice(0, i) + flipped + s.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map<Respelling>(([at, bit]) => (s) => {
    const { version, cipher, sealed } = parts(s);
    const bytes = Buffer.from(sealed, 'base64');
    const i = at % bytes.length;
    bytes[i] = (bytes[i] as number) ^ (1 << bit);
    return join(version, cipher, bytes.toString('base64'));
  }),
  fc.nat().map<Respelling>((n) => (s) => s.slice(0, n % s.length)),
);

forEachDatabase('Security: one secret, one token', (getDb, { openConnection }) => {
  const clock = new FixedClock(Date.UTC(2031, 2, 3, 10, 0, 0));
  let first: TestApp;
  let second: TestApp;
  let admin: AdminActor;

  before(async () => {
    first = await startApp(getDb(), clock);
    // A second instance on the same database, as a second process would be.
    second = await startApp(openConnection() as ConnectionInterface, clock);
    await setConfig(first, ENABLED, '1');
    admin = await createAdmin(first, ['Magento_Backend::all']);
  });
  after(async () => {
    await setConfig(first, ENABLED, null);
    await second.close();
    await first.close();
  });

  /** A fresh secret for a fresh customer: ours (generated over REST) or a Magento admin's (its format, its session row). */
  const freshSecret = async (kind: 'ours' | 'magento'): Promise<string> => {
    const customer = await createCustomer(first);
    if (kind === 'ours') {
      const reply = await rest(first, 'POST', '/login-as-customer/secret', { token: admin.token, body: { customerId: customer.customerId } });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return (reply.body as { secret: string }).secret;
    }
    await insertMagentoSession(getDb(), admin.adminId, customer.customerId, formatDbDate(clock.now()));
    const magento = new Encryptor(new CryptKey(ROTATED_KEY), new CryptoRandom());
    return magento.encrypt(
      JSON.stringify({ admin_id: admin.adminId, customer_id: customer.customerId, time_stamp: unixSeconds(clock) }),
    );
  };

  const exchangeOn = (app: TestApp, route: string, secret: string): Promise<Reply> =>
    rest(app, 'POST', route, { token: admin.token, body: { secret } });

  /** The invariant, for one secret and the strings sent for it, with their answers. */
  const assertOneToken = (secret: string, sent: readonly string[], replies: readonly Reply[]): void => {
    for (const reply of replies) assert.ok(reply.status < 500, `no 5xx: ${reply.status} ${JSON.stringify(reply.body)}`);
    const granted = replies.flatMap((reply, i) => (reply.status === 200 ? [sent[i]] : []));
    assert.ok(granted.length <= 1, `one secret gave ${granted.length} tokens for ${JSON.stringify(sent)}`);
    for (const spelling of granted) assert.equal(spelling, secret, 'only the exact string handed out is exchanged');
    replies.forEach((reply, i) => {
      if (reply.status !== 200) {
        assert.equal(reply.status, 401, JSON.stringify(sent[i]));
        assert.deepEqual(reply.body, INVALID_SECRET);
      }
    });
    // The original string is valid until it is used: exactly one token when it was sent.
    if (sent.includes(secret)) assert.equal(granted.length, 1, 'the secret itself is exchanged once');
  };

  it('re-spelled secrets, exchanged one after another, never give a second token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'ours' | 'magento'>('ours', 'magento'),
        fc.array(fc.tuple(respelling, fc.boolean(), fc.constantFrom(...EXCHANGE_ROUTES)), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (kind, attempts, originalAt) => {
          const secret = await freshSecret(kind);
          const sent = attempts.map(([spell]) => spell(secret));
          // The original somewhere in the sequence, so a re-spelling after it must meet the ledger.
          sent.splice(originalAt % (sent.length + 1), 0, secret);
          const replies: Reply[] = [];
          for (const [i, spelling] of sent.entries()) {
            const [, onSecond = false, route = EXCHANGE_ROUTES[0]] = attempts[i % attempts.length] ?? [];
            replies.push(await exchangeOn(onSecond ? second : first, route, spelling));
          }
          assertOneToken(secret, sent, replies);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('re-spelled secrets, exchanged concurrently on two instances, never give a second token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'ours' | 'magento'>('ours', 'magento'),
        fc.array(respelling, { minLength: 2, maxLength: 10 }),
        fc.boolean(),
        async (kind, spellings, withOriginal) => {
          const secret = await freshSecret(kind);
          const sent = spellings.map((spell) => spell(secret));
          if (withOriginal) sent.push(secret, secret);
          const replies = await Promise.all(
            sent.map((spelling, i) => exchangeOn(i % 2 === 0 ? first : second, EXCHANGE_ROUTES[i % 2 === 0 ? 0 : 1], spelling)),
          );
          assertOneToken(secret, sent, replies);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a secret under another key, an old key version or the same bytes under another version is refused', async () => {
    const secret = await freshSecret('ours');
    const { sealed } = parts(secret);
    const customerId = 1;
    const adminId = admin.adminId;
    const payload = JSON.stringify({ admin_id: adminId, customer_id: customerId, time_stamp: unixSeconds(clock) });
    const underForeignKey = new Encryptor(new CryptKey(FOREIGN_KEY), new CryptoRandom()).encrypt(payload);
    const underOldKeyAsCurrent = new Encryptor(new CryptKey(OLD_KEY), new CryptoRandom()).encrypt(payload);
    const sameBytesOtherVersion = join('0', '3', sealed);
    for (const candidate of [underForeignKey, underOldKeyAsCurrent.replace(/^0:/, '1:'), sameBytesOtherVersion, `2:3:${sealed}`]) {
      const reply = await exchangeOn(first, EXCHANGE_ROUTES[0], candidate);
      assert.equal(reply.status, 401, candidate);
      assert.deepEqual(reply.body, INVALID_SECRET);
    }
    assert.equal((await exchangeOn(second, EXCHANGE_ROUTES[0], secret)).status, 200);
  });
});
