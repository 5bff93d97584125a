/**
 * Forged bearer tokens (issue 9). The invariant, stated once:
 *
 *   a token that is not byte for byte a correctly signed HS256 token we would issue — our exact header and
 *   claim layout, signed with the current crypt key, for an existing, active, non-revoked subject, unexpired —
 *   never authenticates: `GET /V1/customers/me` answers 401 with Magento's
 *   `The consumer isn't authorized to access %resources.` / `{"resources":"self"}`, never a 5xx, and never
 *   the data of another user.
 *
 * The mutations are generated from a valid customer token: the kinds of change an attacker without the key
 * can make, plus algorithm confusion that uses our own key under another `alg`. Tokens that
 * carry a valid HS256 signature under our key are not forgeries; among those, only wrongly typed or expired
 * claims are tested here (refused); what else such a key holder can mint is pinned by the last test.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { JwtCodec } from '../../src/Framework/Crypt/JwtCodec.ts';
import { FixedClock, unixSeconds } from '../../src/Framework/Stdlib/Clock.ts';
import { createCustomer, type CustomerFixture } from '../integration/Identity/factories.ts';
import { createTestApplication, TEST_CRYPT_KEY, type TestApplication } from '../support/app.ts';
import { forEachDatabase } from '../support/databases.ts';

const REFUSED = { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'self' } };
/** Well under Node's 16 KiB header limit, which would answer 431 before the app sees the request. */
const MAX_FORGED_LENGTH = 12_000;

const b64u = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const fromB64u = (segment: string): Buffer => Buffer.from(segment, 'base64url');
const OUR_KEY = JwtCodec.padKey(Buffer.from(TEST_CRYPT_KEY));
/** The same key as HMAC-SHA256 reduces it (RFC 2104): what an HS384/HS512 verifier fed the prepared key would use. */
const OUR_KEY_SHA256 = createHash('sha256').update(OUR_KEY).digest();

type Hash = 'sha256' | 'sha384' | 'sha512';
const hmac = (hash: Hash, key: Buffer, input: string): string => createHmac(hash, key).update(input).digest('base64url');

/** PHP `str_pad(STR_PAD_BOTH)` with another length, character or side: keys a wrong implementation might use. */
function padded(key: string, length: number, pad: string, side: 'both' | 'left' | 'right'): Buffer {
  const raw = Buffer.from(key);
  const missing = Math.max(0, length - raw.length);
  const left = side === 'both' ? Math.floor(missing / 2) : side === 'left' ? missing : 0;
  return Buffer.concat([Buffer.alloc(left, pad), raw, Buffer.alloc(missing - left, pad)]);
}

/** HMAC keys that are not ours (HMAC-SHA256 under sha256(OUR_KEY) would equal ours: RFC 2104 hashes long keys). */
const WRONG_KEYS: ReadonlyArray<readonly [string, Buffer]> = [
  ['unpadded crypt key', Buffer.from(TEST_CRYPT_KEY)],
  ['padded to 2047', padded(TEST_CRYPT_KEY, 2047, '&', 'both')],
  ['padded to 2049', padded(TEST_CRYPT_KEY, 2049, '&', 'both')],
  ['padded left only', padded(TEST_CRYPT_KEY, 2048, '&', 'left')],
  ['padded right only', padded(TEST_CRYPT_KEY, 2048, '&', 'right')],
  ['padded with spaces', padded(TEST_CRYPT_KEY, 2048, ' ', 'both')],
  ['padded with NUL', padded(TEST_CRYPT_KEY, 2048, '\0', 'both')],
  ['upper-case key', JwtCodec.padKey(Buffer.from(TEST_CRYPT_KEY.toUpperCase()))],
  ['another crypt key', JwtCodec.padKey(Buffer.from('0123456789abcdef0123456789abcdef'))],
  ['empty key', Buffer.alloc(0)],
  ['random key', randomBytes(32)],
];

/** What a forger puts in the signature segment. */
type Signature =
  | { kind: 'original' }
  | { kind: 'empty' }
  | { kind: 'random'; bytes: number }
  | { kind: 'wrongKey'; key: number; hash: Hash };

/** One change to a token; several may be chained. */
type Mutation =
  | { kind: 'alg'; alg: string; keepKid: boolean; signature: Signature | OurKeySignature }
  | { kind: 'claims'; edits: ClaimEdit[]; shuffle: number[]; headerLayout: number; signature: Signature }
  | { kind: 'reencode'; segment: number; how: 'pad1' | 'pad2' | 'standard' | 'standardPadded' }
  | { kind: 'bitflip'; segment: number; bit: number }
  | { kind: 'char'; at: number; op: 'replace' | 'insert' | 'delete'; char: string }
  | { kind: 'whitespace'; at: number; char: ' ' | '\t' }
  | { kind: 'segments'; how: 'appendSegment' | 'trailingDot' | 'leadingDot' | 'doubleDot' | 'dropSignature' | 'dropPayload' | 'jweShape'; junk: string }
  | { kind: 'long'; how: 'appendToSignature' | 'appendToPayload' | 'hugeClaim'; length: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'garbage'; value: string };

type ClaimEdit = { claim: string; value: unknown } | { claim: string; remove: true };

const HEADER_LAYOUTS: ReadonlyArray<Record<string, unknown>> = [
  { kid: '1', alg: 'HS256' },
  { alg: 'HS256', kid: '1' },
  { alg: 'HS256' },
  { kid: '1', alg: 'HS256', typ: 'JWT' },
  { kid: '2', alg: 'HS256' },
  { kid: '1', alg: 'HS256', jku: 'https://attacker.example/jwks.json' },
];

/** Algorithm confusion: our own key, under another `alg` than HS256. */
type OurKeySignature = { kind: 'ourKey'; hash: Hash; prehashed: boolean };

function sign(signature: Signature | OurKeySignature, input: string, original: string): string {
  switch (signature.kind) {
    case 'original':
      return original;
    case 'empty':
      return '';
    case 'random':
      return b64u(randomBytes(signature.bytes));
    case 'wrongKey':
      return hmac(signature.hash, (WRONG_KEYS[signature.key] as readonly [string, Buffer])[1], input);
    case 'ourKey':
      return hmac(signature.hash, signature.prehashed ? OUR_KEY_SHA256 : OUR_KEY, input);
  }
}

function apply(mutation: Mutation, token: string): string {
  const parts = token.split('.');
  const [header = '', payload = '', signature = ''] = parts;
  const parse = (segment: string): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(fromB64u(segment).toString('utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  switch (mutation.kind) {
    case 'alg': {
      const h = mutation.keepKid ? { kid: '1', alg: mutation.alg } : { alg: mutation.alg };
      const input = `${b64u(JSON.stringify(h))}.${payload}`;
      return `${input}.${sign(mutation.signature, input, signature)}`;
    }
    case 'claims': {
      const claims: Record<string, unknown> = { ...parse(payload) };
      for (const edit of mutation.edits) {
        if ('remove' in edit) delete claims[edit.claim];
        else claims[edit.claim] = edit.value;
      }
      const keys = Object.keys(claims);
      const order = keys.map((key, i) => [key, mutation.shuffle[i % Math.max(1, mutation.shuffle.length)] ?? i] as const).sort((x, y) => x[1] - y[1]);
      const reordered = Object.fromEntries(order.map(([key]) => [key, claims[key]]));
      const input = `${b64u(JSON.stringify(HEADER_LAYOUTS[mutation.headerLayout]))}.${b64u(JSON.stringify(reordered))}`;
      return `${input}.${sign(mutation.signature, input, signature)}`;
    }
    case 'reencode': {
      const i = mutation.segment % parts.length;
      const bytes = fromB64u(parts[i] ?? '');
      const standard = bytes.toString('base64');
      const replacement =
        mutation.how === 'pad1' ? `${parts[i]}=` : mutation.how === 'pad2' ? `${parts[i]}==` : mutation.how === 'standard' ? standard.replace(/=+$/, '') : standard;
      return parts.map((p, j) => (j === i ? replacement : p)).join('.');
    }
    case 'bitflip': {
      const i = mutation.segment % parts.length;
      const bytes = Buffer.from(fromB64u(parts[i] ?? ''));
      if (bytes.length === 0) return `${token}A`;
      const bit = mutation.bit % (bytes.length * 8);
      bytes[bit >> 3] = (bytes[bit >> 3] as number) ^ (1 << (bit & 7));
      return parts.map((p, j) => (j === i ? b64u(bytes) : p)).join('.');
    }
    case 'char': {
      const at = mutation.at % (token.length + 1);
      if (mutation.op === 'insert') return token.slice(0, at) + mutation.char + token.slice(at);
      const index = Math.min(at, token.length - 1);
      if (mutation.op === 'delete') return token.slice(0, index) + token.slice(index + 1);
      return token.slice(0, index) + mutation.char + token.slice(index + 1);
    }
    case 'whitespace': {
      // Inside the value, or right after `Bearer ` (a leading character here): HTTP strips only the ends of a header value.
      const at = mutation.at % Math.max(1, token.length);
      return token.slice(0, at) + mutation.char + token.slice(at);
    }
    case 'segments':
      switch (mutation.how) {
        case 'appendSegment':
          return `${token}.${mutation.junk}`;
        case 'trailingDot':
          return `${token}.`;
        case 'leadingDot':
          return `.${token}`;
        case 'doubleDot':
          return `${header}..${payload}.${signature}`;
        case 'dropSignature':
          return `${header}.${payload}`;
        case 'dropPayload':
          return `${header}..${signature}`;
        case 'jweShape':
          return `${header}.${mutation.junk}.${payload}.${mutation.junk}.${signature}`;
      }
      return token;
    case 'long':
      switch (mutation.how) {
        case 'appendToSignature':
          return token + 'A'.repeat(mutation.length);
        case 'appendToPayload':
          return `${header}.${payload}${'A'.repeat(mutation.length)}.${signature}`;
        case 'hugeClaim': {
          const input = `${header}.${b64u(JSON.stringify({ ...parse(payload), pad: 'x'.repeat(mutation.length) }))}`;
          return `${input}.${signature}`;
        }
      }
      return token;
    case 'truncate':
      return token.slice(0, mutation.keep % token.length);
    case 'garbage':
      return mutation.value;
  }
}

forEachDatabase('Forged tokens never authenticate', (getDb) => {
  const clock = new FixedClock(Date.UTC(2031, 5, 7, 12, 0, 0, 250));
  let app: TestApplication;
  let customer: CustomerFixture;
  let victim: CustomerFixture;
  /** A token the service issued to `customer`: the only string below that may authenticate. */
  let valid: string;

  before(async () => {
    app = await createTestApplication(getDb(), { clock });
    customer = await createCustomer(getDb());
    victim = await createCustomer(getDb());
    const login = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: 'Customer#2024' } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    valid = login.body as string;
  });
  after(() => app.close());

  const me = (token: string) => app.request('GET', '/rest/V1/customers/me', { token });
  const assertRefused = async (token: string): Promise<void> => {
    const reply = await me(token);
    assert.equal(reply.status, 401, `${reply.status} for ${token.slice(0, 300)}`);
    assert.deepEqual(reply.body, REFUSED);
  };

  it('the valid token itself authenticates as its customer (the baseline every mutation departs from)', async () => {
    const reply = await me(valid);
    assert.equal(reply.status, 200);
    assert.equal((reply.body as { id: number }).id, customer.customerId);
  });

  it('property: no generated mutation of a valid token authenticates', async () => {
    const now = unixSeconds(clock);
    const hash = fc.constantFrom<Hash>('sha256', 'sha384', 'sha512');
    const forgedSignature: fc.Arbitrary<Signature> = fc.oneof(
      fc.constant({ kind: 'original' as const }),
      fc.constant({ kind: 'empty' as const }),
      fc.integer({ min: 1, max: 96 }).map((bytes) => ({ kind: 'random' as const, bytes })),
      fc.record({ kind: fc.constant('wrongKey' as const), key: fc.nat({ max: WRONG_KEYS.length - 1 }), hash }),
    );
    const claimValue = fc.oneof(
      fc.constantFrom<unknown>(
        victim.customerId,
        String(customer.customerId),
        customer.customerId + 0.5,
        -customer.customerId,
        0,
        2 ** 53,
        1e21,
        1,
        2,
        3,
        4,
        5,
        null,
        true,
        [customer.customerId],
        {},
        now - 3600,
        now,
        now + 86_400 * 365,
        'now',
      ),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 12 }),
    );
    const claimName = fc.constantFrom('uid', 'utypid', 'iat', 'exp', 'nbf', 'sub', 'jti', 'admin', '__proto__', 'UID');
    const claimEdit: fc.Arbitrary<ClaimEdit> = fc.oneof(
      fc.record({ claim: claimName, value: claimValue }),
      fc.record({ claim: claimName, remove: fc.constant(true as const) }),
    );
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({
        kind: fc.constant('alg' as const),
        alg: fc.constantFrom('none', 'None', 'NONE', 'nOnE', '', 'HS384', 'HS512', 'RS256', 'ES256', 'PS256', 'hs256', 'Hs256', 'hS256', 'HS256 ', ' HS256', 'HS-256', 'HMAC-SHA256'),
        keepKid: fc.boolean(),
        signature: fc.oneof(forgedSignature, fc.record({ kind: fc.constant('ourKey' as const), hash, prehashed: fc.boolean() })),
      }),
      fc.record({
        kind: fc.constant('claims' as const),
        edits: fc.array(claimEdit, { maxLength: 4 }),
        shuffle: fc.array(fc.nat({ max: 9 }), { maxLength: 8 }),
        headerLayout: fc.nat({ max: HEADER_LAYOUTS.length - 1 }),
        signature: forgedSignature,
      }),
      fc.record({
        kind: fc.constant('reencode' as const),
        segment: fc.nat({ max: 2 }),
        how: fc.constantFrom('pad1' as const, 'pad2' as const, 'standard' as const, 'standardPadded' as const),
      }),
      fc.record({ kind: fc.constant('bitflip' as const), segment: fc.nat({ max: 2 }), bit: fc.nat({ max: 2000 }) }),
      fc.record({
        kind: fc.constant('char' as const),
        at: fc.nat({ max: 400 }),
        op: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
        char: fc.constantFrom(...'AQgw09-_+/=.~%$"\\{}'.split('')),
      }),
      fc.record({ kind: fc.constant('whitespace' as const), at: fc.nat({ max: 400 }), char: fc.constantFrom(' ' as const, '\t' as const) }),
      fc.record({
        kind: fc.constant('segments' as const),
        how: fc.constantFrom(
          'appendSegment' as const,
          'trailingDot' as const,
          'leadingDot' as const,
          'doubleDot' as const,
          'dropSignature' as const,
          'dropPayload' as const,
          'jweShape' as const,
        ),
        junk: fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/),
      }),
      fc.record({
        kind: fc.constant('long' as const),
        how: fc.constantFrom('appendToSignature' as const, 'appendToPayload' as const, 'hugeClaim' as const),
        length: fc.integer({ min: 1, max: 8_000 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat({ max: 400 }) }),
      fc.record({
        kind: fc.constant('garbage' as const),
        value: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,32}$/), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 200 })),
      }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const forged = mutations.reduce((token, m) => apply(m, token), valid);
        // HTTP drops whitespace at the ends of a header value, so such a token reaches us unchanged.
        fc.pre(forged.trim() !== valid && forged.trim() !== '' && forged.length <= MAX_FORGED_LENGTH);
        await assertRefused(forged);
      }),
      { numRuns: 250 },
    );
  });

  it('property: tokens signed with our key but with wrongly typed, missing or expired claims are refused', async () => {
    const now = unixSeconds(clock);
    const id = customer.customerId;
    const good = { uid: id, utypid: 3, iat: now, exp: now + 3600 };
    const wrong = fc.oneof(
      fc.record({ claim: fc.constant('uid'), value: fc.constantFrom<unknown>(String(id), id + 0.5, -id, 0, 2 ** 53, 1e21, null, true, [id], { id }, `${id} `) }),
      fc.record({ claim: fc.constant('utypid'), value: fc.constantFrom<unknown>(0, 4, 5, 99, -3, '3', 3.5, null, true, [3]) }),
      fc.record({ claim: fc.constant('iat'), value: fc.constantFrom<unknown>(0, -1, String(now), now + 0.5, null, false) }),
      fc.record({
        claim: fc.constant('exp'),
        value: fc.oneof(fc.integer({ min: 1, max: now }), fc.constantFrom<unknown>(0, -1, String(now + 3600), now + 0.5, null, 'never')),
      }),
      fc.record({ claim: fc.constantFrom('uid', 'utypid', 'iat', 'exp'), value: fc.constant(undefined) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(wrong, { minLength: 1, maxLength: 3 }), async (edits) => {
        const claims: Record<string, unknown> = { ...good };
        for (const { claim, value } of edits) claims[claim] = value;
        const input = `${b64u('{"kid":"1","alg":"HS256"}')}.${b64u(JSON.stringify(claims))}`;
        await assertRefused(`${input}.${hmac('sha256', OUR_KEY, input)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('correctly signed tokens for a customer that does not exist, and for another user type, do not reach /V1/customers/me', async () => {
    const now = unixSeconds(clock);
    const forSubject = (uid: number, utypid: number): string => {
      const input = `${b64u('{"kid":"1","alg":"HS256"}')}.${b64u(JSON.stringify({ uid, utypid, iat: now, exp: now + 3600 }))}`;
      return `${input}.${hmac('sha256', OUR_KEY, input)}`;
    };
    await assertRefused(forSubject(2_000_000_000, 3));
    await assertRefused(forSubject(customer.customerId, 2));
    await assertRefused(forSubject(customer.customerId, 1));
  });

  it('not forgeries: a crypt-key holder may use another JSON layout, read like Magento\'s Reader reads it (kid optional, claims in any order, extra claims ignored)', async () => {
    const now = unixSeconds(clock);
    const mint = (header: object, claims: object): string => {
      const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
      return `${input}.${hmac('sha256', OUR_KEY, input)}`;
    };
    for (const token of [
      mint({ alg: 'HS256' }, { uid: victim.customerId, utypid: 3, iat: now, exp: now + 60 }),
      mint({ alg: 'HS256', kid: '1', typ: 'JWT' }, { exp: now + 60, iat: now, utypid: 3, uid: victim.customerId, extra: 'ignored' }),
    ]) {
      const reply = await me(token);
      assert.equal(reply.status, 200);
      assert.equal((reply.body as { id: number }).id, victim.customerId, 'the subject is the one the key holder signed, never another');
    }
  });
});
