import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CryptKey } from '../../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../../src/Framework/Crypt/Encryptor.ts';
import { CryptoRandom } from '../../../src/Framework/Stdlib/Random.ts';
import { AuthenticationSecretCodec } from '../../../src/Model/LoginAsCustomer/AuthenticationSecretCodec.ts';
import { PinnedRandom, vectors, type KeyName } from '../Framework/Crypt/vectors.ts';

const codecFor = (key: string, random = new CryptoRandom()): AuthenticationSecretCodec =>
  new AuthenticationSecretCodec(new Encryptor(new CryptKey(key), random));

const flipByte = (secret: string, index: number): string => {
  const [version, cipher, payload = ''] = secret.split(':');
  const bytes = Buffer.from(payload, 'base64');
  bytes[index] = (bytes[index] as number) ^ 0x01;
  return `${version}:${cipher}:${bytes.toString('base64')}`;
};

describe('AuthenticationSecretCodec', () => {
  for (const v of vectors.lac_secrets) {
    test(`decodes Magento's ${v.key} secret ${v.secret.slice(0, 6)}… to its plaintext`, () => {
      const expected = JSON.parse(v.plaintext) as { admin_id: number; customer_id: number; time_stamp: number };
      const codec = codecFor(vectors.crypt_keys[v.key as KeyName]);
      const decoded = codec.decode(v.secret);
      assert.deepEqual(decoded, {
        ok: true,
        payload: { adminId: expected.admin_id, customerId: expected.customer_id, timeStamp: expected.time_stamp },
        identity: codec.identity(v.secret),
      });
    });
  }

  test("encodes byte for byte as Magento does (key version 0, pinned nonce)", () => {
    const v = vectors.lac_secrets.find((s) => s.secret.startsWith('0:3:BwcHBwcHBwcHBwcH'));
    assert.ok(v, 'the vector made with nonce 0x07…');
    const firstKey = (vectors.crypt_keys.rotated.split('\n')[0] as string).trim();
    const codec = codecFor(firstKey, new PinnedRandom(Buffer.alloc(12, 7)));
    assert.equal(codec.encode({ adminId: 3, customerId: 7, timeStamp: 1764000000 }), v.secret);
  });

  test('round-trips with the current key and writes the current key version', () => {
    const codec = codecFor(vectors.crypt_keys.rotated);
    const secret = codec.encode({ adminId: 5, customerId: 9, timeStamp: 1764000123 });
    assert.match(secret, /^1:3:[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(codec.decode(secret), {
      ok: true,
      payload: { adminId: 5, customerId: 9, timeStamp: 1764000123 },
      identity: codec.identity(secret),
    });
  });

  test('a tampered secret, a secret under another key and an unknown key version do not decrypt', () => {
    const codec = codecFor(vectors.crypt_keys.legacy);
    const secret = codec.encode({ adminId: 1, customerId: 2, timeStamp: 1764000000 });
    assert.deepEqual(codec.decode(flipByte(secret, 20)), { ok: false, reason: 'undecryptable' });
    assert.deepEqual(codec.decode(flipByte(secret, 3)), { ok: false, reason: 'undecryptable' });
    assert.deepEqual(codecFor(vectors.crypt_keys.base64).decode(secret), { ok: false, reason: 'undecryptable' });
    assert.deepEqual(codec.decode(secret.replace(/^0:/, '7:')), { ok: false, reason: 'undecryptable' });
  });

  test('refuses non-strings, empty and oversized input before decrypting', () => {
    const codec = codecFor(vectors.crypt_keys.legacy);
    for (const value of [undefined, null, 42, '', 'x'.repeat(513)]) {
      assert.deepEqual(codec.decode(value), { ok: false, reason: 'malformed' });
    }
  });

  test('a decryptable secret must carry admin_id, customer_id and time_stamp as positive integers', () => {
    const encryptor = new Encryptor(new CryptKey(vectors.crypt_keys.legacy), new CryptoRandom());
    const codec = new AuthenticationSecretCodec(encryptor);
    for (const plaintext of [
      'not json',
      '[1,2,3]',
      '{"admin_id":1,"customer_id":2}',
      '{"admin_id":0,"customer_id":2,"time_stamp":1764000000}',
      '{"admin_id":1,"customer_id":-2,"time_stamp":1764000000}',
      '{"admin_id":1.5,"customer_id":2,"time_stamp":1764000000}',
      '{"admin_id":"x","customer_id":2,"time_stamp":1764000000}',
    ]) {
      assert.deepEqual(codec.decode(encryptor.encrypt(plaintext)), { ok: false, reason: 'invalid_payload' }, plaintext);
    }
    const stringly = encryptor.encrypt('{"admin_id":"1","customer_id":"2","time_stamp":"1764000000"}');
    assert.deepEqual(codec.decode(stringly), {
      ok: true,
      payload: { adminId: 1, customerId: 2, timeStamp: 1764000000 },
      identity: codec.identity(stringly),
    });
  });

  test('identity is the HMAC-SHA256, under the current key, of the sealed part alone', () => {
    const codec = codecFor(vectors.crypt_keys.legacy);
    const v = vectors.hmac_sha256.find((h) => h.key === 'legacy');
    assert.ok(v);
    assert.equal(codec.identity(`0:3:${v.data}`), v.hex);
    assert.equal(codec.identity(`12:3:${v.data}`), v.hex, 'the key version is not part of what the secret is');
  });

  test('only the spelling encode writes decodes: other key-version digits, base64 bits, padding or whitespace do not', () => {
    const codec = codecFor(vectors.crypt_keys.legacy);
    const secret = codec.encode({ adminId: 1, customerId: 2, timeStamp: 1764000000 });
    const [, , sealed = ''] = secret.split(':');
    assert.equal(codec.decode(secret).ok, true);
    const padding = sealed.length - sealed.replace(/=+$/, '').length;
    assert.ok(padding > 0, 'the payload length of this plaintext leaves padding (for the trailing-bits spelling)');
    const last = sealed.length - padding - 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const lastIndex = alphabet.indexOf(sealed[last] as string);
    const otherTrailingBits = `${sealed.slice(0, last)}${alphabet[lastIndex ^ 1]}${sealed.slice(last + 1)}`;
    assert.deepEqual(Buffer.from(otherTrailingBits, 'base64'), Buffer.from(sealed, 'base64'), 'same bytes, other spelling');
    for (const spelling of [
      `00:3:${sealed}`,
      `+0:3:${sealed}`,
      `0:03:${sealed}`,
      `0:3:${otherTrailingBits}`,
      `0:3:${sealed.replace(/=+$/, '')}`,
      `0:3:${sealed}=`,
      ` ${secret}`,
      `${secret}\n`,
      `0:3:${sealed.slice(0, 8)}\n${sealed.slice(8)}`,
      `0:3:${Buffer.from(sealed, 'base64').toString('base64url')}`,
    ]) {
      if (spelling === secret) continue;
      assert.equal(codec.decode(spelling).ok, false, JSON.stringify(spelling));
    }
  });
});
