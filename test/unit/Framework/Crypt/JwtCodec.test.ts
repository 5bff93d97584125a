import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import jws from 'jws';
import { CryptKey } from '../../../../src/Framework/Crypt/CryptKey.ts';
import { JwtCodec } from '../../../../src/Framework/Crypt/JwtCodec.ts';
import { vectors, type KeyName } from './vectors.ts';

const codecFor = (name: KeyName): JwtCodec => new JwtCodec(new CryptKey(vectors.crypt_keys[name]));
const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const claims = { uid: 42, utypid: 3, iat: 1764000000, exp: 1764003600 };

/** Signs arbitrary header/payload JSON with the padded legacy key, bypassing the codec's checks. */
const forge = (header: string, payload: string, key: Buffer = JwtCodec.padKey(Buffer.from(vectors.crypt_keys.legacy))): string => {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

describe('JWT vectors', () => {
  for (const v of vectors.jwt) {
    test(`${v.key} uid ${v.uid} utypid ${v.utypid}: byte-identical and readable back`, () => {
      const codec = codecFor(v.key);
      const { uid, utypid, iat, exp } = v;
      assert.equal(codec.encode({ uid, utypid, iat, exp }), v.token);
      assert.deepEqual(codec.read(v.token), { uid, utypid, iat, exp });
    });
  }

  test('header and payload are exactly Magento\'s JSON, whatever the input key order', () => {
    const token = codecFor('legacy').encode({ exp: 1764003600, iat: 1764000000, utypid: 3, uid: 42 });
    const [header = '', payload = ''] = token.split('.');
    assert.equal(Buffer.from(header, 'base64url').toString(), '{"kid":"1","alg":"HS256"}');
    assert.equal(Buffer.from(payload, 'base64url').toString(), '{"uid":42,"utypid":3,"iat":1764000000,"exp":1764003600}');
  });

  test('the key is the crypt key string as written, not base64-decoded', () => {
    const raw = vectors.crypt_keys.base64;
    const token = codecFor('base64').encode(claims);
    assert.equal(token, forge('{"kid":"1","alg":"HS256"}', JSON.stringify(claims), JwtCodec.padKey(Buffer.from(raw))));
  });

  test('a rotated crypt key signs with the current key only (kid stays "1")', () => {
    const rotated = codecFor('rotated');
    const legacyToken = codecFor('legacy').encode(claims);
    const oldKeyToken = new JwtCodec(new CryptKey(vectors.crypt_keys.rotated.split('\n')[0] as string)).encode(claims);
    assert.equal(rotated.encode(claims), legacyToken);
    assert.deepEqual(rotated.read(legacyToken), claims);
    assert.equal(rotated.read(oldKeyToken), null);
  });
});

describe('rejected tokens', () => {
  const codec = codecFor('legacy');
  const good = codec.encode(claims);

  test('a tampered signature, payload or header is rejected', () => {
    const [h = '', p = '', s = ''] = good.split('.');
    const flip = (part: string): string => (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
    assert.equal(codec.read(`${h}.${p}.${flip(s)}`), null);
    assert.equal(codec.read(`${h}.${b64url('{"uid":1,"utypid":2,"iat":1764000000,"exp":1764003600}')}.${s}`), null);
    assert.equal(codec.read(`${b64url('{"kid":"2","alg":"HS256"}')}.${p}.${s}`), null);
    assert.equal(codec.read(`${h}.${p}.`), null);
  });

  test('a token signed with another key is rejected', () => {
    assert.equal(codecFor('base64').read(good), null);
    assert.equal(codec.read(codecFor('base64').encode(claims)), null);
  });

  test('alg "none" is rejected, with or without a signature', () => {
    const p = b64url(JSON.stringify(claims));
    const h = b64url('{"alg":"none"}');
    assert.equal(codec.read(`${h}.${p}.`), null);
    assert.equal(codec.read(`${h}.${p}`), null);
    assert.equal(codec.read(`${h}.${p}.${good.split('.')[2]}`), null);
  });

  test('HS512 (or HS384) signed with the right padded key is rejected', () => {
    const secret = JwtCodec.padKey(Buffer.from(vectors.crypt_keys.legacy));
    for (const alg of ['HS512', 'HS384'] as const) {
      const token = jws.sign({ header: { kid: '1', alg }, payload: JSON.stringify(claims), secret });
      assert.ok(jws.verify(token, alg, secret));
      assert.equal(codec.read(token), null, alg);
    }
  });

  test('missing, zero or non-integer claims are rejected even when the signature is valid', () => {
    const header = '{"kid":"1","alg":"HS256"}';
    assert.deepEqual(codec.read(forge(header, JSON.stringify(claims))), claims);
    for (const payload of [
      { utypid: 3, iat: 1, exp: 2 },
      { uid: 42, iat: 1, exp: 2 },
      { uid: 42, utypid: 3, exp: 2 },
      { uid: 42, utypid: 3, iat: 1 },
      { ...claims, uid: 0 },
      { ...claims, uid: '42' },
      { ...claims, utypid: 3.5 },
      { ...claims, iat: null },
      { ...claims, exp: '1764003600' },
    ]) {
      assert.equal(codec.read(forge(header, JSON.stringify(payload))), null, JSON.stringify(payload));
    }
    assert.equal(codec.read(forge(header, '"just a string"')), null);
    assert.equal(codec.read(forge(header, 'not json')), null);
  });

  test('malformed input gives null and never throws', () => {
    for (const bad of ['', 'x', 'a.b', 'a.b.c', '...', good + '.x', 'x'.repeat(10_000)]) {
      assert.equal(codec.read(bad), null, bad.slice(0, 20));
    }
    assert.equal(codec.read(undefined as unknown as string), null);
  });

  test('an expired token still reads: expiry is the caller\'s check', () => {
    assert.deepEqual(codec.read(codec.encode({ uid: 1, utypid: 2, iat: 1, exp: 2 })), { uid: 1, utypid: 2, iat: 1, exp: 2 });
  });
});

describe('accepted variations', () => {
  test('like Magento, kid is not required to read a correctly signed HS256 token', () => {
    const codec = codecFor('legacy');
    assert.deepEqual(codec.read(forge('{"alg":"HS256"}', JSON.stringify(claims))), claims);
  });
});

describe('helpers', () => {
  test('isExpired: exp <= now is expired', () => {
    const codec = codecFor('legacy');
    assert.equal(codec.isExpired(claims, claims.exp - 1), false);
    assert.equal(codec.isExpired(claims, claims.exp), true);
    assert.equal(codec.isExpired(claims, claims.exp + 1), true);
  });

  test('padKey pads with & to 2048 bytes, the odd byte on the right (PHP STR_PAD_BOTH)', () => {
    const even = JwtCodec.padKey(Buffer.from('k'.repeat(32)));
    assert.equal(even.length, 2048);
    assert.equal(even.subarray(0, 1008).toString(), '&'.repeat(1008));
    assert.equal(even.subarray(1008, 1040).toString(), 'k'.repeat(32));
    const odd = JwtCodec.padKey(Buffer.from('k'.repeat(31)));
    assert.equal(odd.subarray(0, 1008).toString(), '&'.repeat(1008));
    assert.equal(odd.subarray(1039).toString(), '&'.repeat(1009));
    assert.equal(JwtCodec.padKey(Buffer.from('k'.repeat(3000))).toString(), 'k'.repeat(3000));
  });

  test('encode refuses non-integer claims', () => {
    assert.throws(() => codecFor('legacy').encode({ ...claims, uid: 1.5 }), RangeError);
    assert.throws(() => codecFor('legacy').encode({ ...claims, exp: Number.NaN }), RangeError);
  });
});
