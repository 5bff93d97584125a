import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CryptKey } from '../../../../src/Framework/Crypt/CryptKey.ts';
import { Encryptor } from '../../../../src/Framework/Crypt/Encryptor.ts';
import { CryptoRandom } from '../../../../src/Framework/Stdlib/Random.ts';
import { PinnedRandom, vectors, type KeyName } from './vectors.ts';

const encryptorFor = (name: KeyName, random = new PinnedRandom()): Encryptor =>
  new Encryptor(new CryptKey(vectors.crypt_keys[name]), random);

const flipByteAt = (secret: string, index: number): string => {
  const [version, cipher, payload = ''] = secret.split(':');
  const bytes = Buffer.from(payload, 'base64');
  bytes[index] = (bytes[index] as number) ^ 0x01;
  return `${version}:${cipher}:${bytes.toString('base64')}`;
};

describe('password hashes', () => {
  for (const v of vectors.password_hashes) {
    test(`validates ${v.password} stored with versions ${v.versions.join(':')}${v.note ? ` (${v.note})` : ''}`, async () => {
      const encryptor = encryptorFor('legacy');
      assert.equal(await encryptor.validateHash(v.password, v.stored), true);
      assert.equal(await encryptor.validateHash(v.password + 'x', v.stored), false);
    });
  }

  test('getHash with a given salt reproduces every single-version 3 vector byte for byte', async () => {
    const encryptor = encryptorFor('legacy');
    const current = vectors.password_hashes.filter((v) => v.stored.endsWith(':3_32_2_67108864') && v.versions.length === 1);
    assert.equal(current.length, 4);
    for (const v of current) {
      const salt = v.stored.split(':')[1] as string;
      assert.equal(await encryptor.getHash(v.password, salt), v.stored);
    }
  });

  test('getHash draws a 32-character salt from Random and writes the current version', async () => {
    const random = new PinnedRandom(undefined, 'abcdefghijklmnopqrstuvwxyzABCDEF');
    const stored = await encryptorFor('legacy', random).getHash('Secret#1');
    assert.match(stored, /^[0-9a-f]{64}:abcdefghijklmnopqrstuvwxyzABCDEF:3_32_2_67108864$/);
    assert.equal(await encryptorFor('base64').validateHash('Secret#1', stored), true);
  });

  test('getHash with real randomness verifies and differs each time', async () => {
    const encryptor = new Encryptor(new CryptKey(vectors.crypt_keys.legacy), new CryptoRandom());
    const a = await encryptor.getHash('Secret#1', true);
    const b = await encryptor.getHash('Secret#1');
    assert.match(a, /^[0-9a-f]{64}:[A-Za-z0-9]{32}:3_32_2_67108864$/);
    assert.notEqual(a, b);
    assert.equal(await encryptor.validateHash('Secret#1', a), true);
    assert.equal(await encryptor.validateHash('Secret#2', a), false);
    assert.equal(encryptor.isUpgradeNeeded(a), false);
  });

  test('getHash refuses a salt that would break the stored format', async () => {
    const encryptor = encryptorFor('legacy');
    await assert.rejects(encryptor.getHash('pw', ''), RangeError);
    await assert.rejects(encryptor.getHash('pw', 'sa:lt'), RangeError);
  });

  test('hashing runs off the event loop: a setImmediate callback runs before the hash resolves', async () => {
    const encryptor = encryptorFor('legacy');
    const order: string[] = [];
    const hashing = encryptor.getHash('Admin123!', 'Qm9Yx2LkP8sVt4RzW1aCn7Ue3Hj6Gd0F').then(() => order.push('hash'));
    setImmediate(() => order.push('immediate'));
    await hashing;
    assert.deepEqual(order, ['immediate', 'hash']);
  });

  test('validation runs off the event loop too', async () => {
    const encryptor = encryptorFor('legacy');
    const stored = vectors.password_hashes[2]?.stored as string;
    const order: string[] = [];
    const validating = encryptor.validateHash('Admin123!', stored).then(() => order.push('validate'));
    setImmediate(() => order.push('immediate'));
    await validating;
    assert.deepEqual(order, ['immediate', 'validate']);
  });

  test('a tampered hash, a reordered chain or another salt does not validate', async () => {
    const encryptor = encryptorFor('legacy');
    const chain = vectors.password_hashes.find((v) => v.versions.join() === '0,1');
    assert.ok(chain);
    const [hash = '', salt = ''] = chain.stored.split(':');
    const flipped = (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);
    assert.equal(await encryptor.validateHash(chain.password, `${flipped}:${salt}:0:1`), false);
    assert.equal(await encryptor.validateHash(chain.password, `${hash}:${salt}:1:0`), false);
    assert.equal(await encryptor.validateHash(chain.password, `${hash}:${salt}x:0:1`), false);
    assert.equal(await encryptor.validateHash(chain.password, `${hash}:${salt}:1`), false);
  });

  test('garbage input returns false and never throws', async () => {
    const encryptor = encryptorFor('legacy');
    for (const stored of ['', 'x', 'a:b', 'a:b:c', 'a:b:9', 'a:b:3', 'a::2', 'a:b:3_32_2_99999999999', ':::']) {
      assert.equal(await encryptor.validateHash('pw', stored), false, stored);
    }
    assert.equal(await encryptor.validateHash('pw', undefined as unknown as string), false);
    assert.equal(await encryptor.validateHash(undefined as unknown as string, 'a:b:1'), false);
  });

  test('isUpgradeNeeded is false only when the last version is 3_32_2_67108864', () => {
    const encryptor = encryptorFor('legacy');
    for (const v of vectors.password_hashes) {
      const current = v.stored.endsWith(':3_32_2_67108864');
      assert.equal(encryptor.isUpgradeNeeded(v.stored), !current, v.stored);
    }
    assert.equal(encryptor.isUpgradeNeeded('h:s:3_32_2_1073741824'), true);
    assert.equal(encryptor.isUpgradeNeeded('garbage'), true);
  });

  test('with validateCount an upgrade chain needs rewriting even when its last step is current', () => {
    const encryptor = encryptorFor('legacy');
    assert.equal(encryptor.isUpgradeNeeded('h:s:1:3_32_2_67108864', true), true);
    assert.equal(encryptor.isUpgradeNeeded('h:s:3_32_2_67108864', true), false);
  });
});

describe('hash (HMAC-SHA256 under the current key)', () => {
  for (const v of vectors.hmac_sha256) {
    test(`matches the ${v.key} key vector`, () => {
      assert.equal(encryptorFor(v.key).hash(v.data), v.hex);
    });
  }

  test('another key gives another HMAC', () => {
    assert.notEqual(encryptorFor('base64').hash('some-secret-value'), encryptorFor('legacy').hash('some-secret-value'));
  });
});

describe('encrypt / decrypt (ChaCha20-Poly1305 IETF)', () => {
  for (const v of vectors.lac_secrets) {
    test(`the ${v.key} secret ${v.secret.slice(0, 8)}… decrypts to its plaintext${v.note ? ` (${v.note})` : ''}`, () => {
      assert.equal(encryptorFor(v.key).decrypt(v.secret), v.plaintext);
    });
  }

  test('encrypting with the vector nonce reproduces every current-key vector byte for byte', () => {
    let checked = 0;
    for (const v of vectors.lac_secrets) {
      const key = new CryptKey(vectors.crypt_keys[v.key]);
      if (!v.secret.startsWith(`${key.currentVersion}:`)) continue;
      const nonce = Buffer.from(v.secret.split(':')[2] as string, 'base64').subarray(0, 12);
      assert.equal(new Encryptor(key, new PinnedRandom(nonce)).encrypt(v.plaintext), v.secret);
      checked++;
    }
    assert.equal(checked, 3);
  });

  test('a secret made under key version 0 of the rotated pair decrypts, and its nonce is the pinned one', () => {
    const v = vectors.lac_secrets.find((s) => s.key === 'rotated' && s.secret.startsWith('0:'));
    assert.ok(v);
    assert.equal(encryptorFor('rotated').decrypt(v.secret), v.plaintext);
    assert.deepEqual(Buffer.from(v.secret.slice(4), 'base64').subarray(0, 12), Buffer.alloc(12, 7));
  });

  test('round trip with a pinned Random uses one 12-byte nonce and the current key version', () => {
    const random = new PinnedRandom(Buffer.from('0102030405060708090a0b0c', 'hex'));
    const encryptor = encryptorFor('rotated', random);
    const plaintext = '{"admin_id":9,"customer_id":10,"time_stamp":1764000123} ü';
    const secret = encryptor.encrypt(plaintext);
    assert.match(secret, /^1:3:[A-Za-z0-9+/]+={0,2}$/);
    assert.deepEqual(random.byteRequests, [12]);
    const sealed = Buffer.from(secret.slice(4), 'base64');
    assert.equal(sealed.length, 12 + Buffer.byteLength(plaintext) + 16);
    assert.deepEqual(sealed.subarray(0, 12), Buffer.from('0102030405060708090a0b0c', 'hex'));
    assert.equal(encryptor.decrypt(secret), plaintext);
    assert.equal(encryptor.decrypt(encryptor.encrypt('')), '');
  });

  test('the key is chosen by the version prefix', () => {
    const legacySecret = vectors.lac_secrets.find((s) => s.key === 'legacy');
    assert.ok(legacySecret);
    const rotated = encryptorFor('rotated');
    // Under the rotated pair, the legacy key is version 1 and version 0 is another key.
    assert.equal(rotated.decrypt(legacySecret.secret), null);
    assert.equal(rotated.decrypt('1' + legacySecret.secret.slice(1)), legacySecret.plaintext);
  });

  test('a tampered nonce, ciphertext or tag is rejected', () => {
    const v = vectors.lac_secrets[0];
    assert.ok(v);
    const encryptor = encryptorFor(v.key);
    const length = Buffer.from(v.secret.split(':')[2] as string, 'base64').length;
    for (const index of [0, 11, 12, 30, length - 17, length - 16, length - 1]) {
      assert.equal(encryptor.decrypt(flipByteAt(v.secret, index)), null, `byte ${index}`);
    }
  });

  test('a secret under another key, an unknown version or another cipher is rejected', () => {
    const v = vectors.lac_secrets.find((s) => s.key === 'legacy');
    assert.ok(v);
    assert.equal(encryptorFor('base64').decrypt(v.secret), null);
    assert.equal(encryptorFor('legacy').decrypt('1' + v.secret.slice(1)), null);
    assert.equal(encryptorFor('legacy').decrypt('7' + v.secret.slice(1)), null);
    assert.equal(encryptorFor('legacy').decrypt(v.secret.replace(/^0:3:/, '0:2:')), null);
  });

  test('malformed values give null and never throw', () => {
    const encryptor = encryptorFor('rotated');
    const payload = vectors.lac_secrets[2]?.secret.slice(4) as string;
    for (const bad of [
      '',
      'garbage',
      '1:3:',
      '1:3',
      `3:${payload}`,
      `x:3:${payload}`,
      `-1:3:${payload}`,
      `1:3:${payload}:x`,
      `1:3:iv:${payload}`,
      `1:3:${payload.slice(0, -1)}`,
      `1:3:!${payload.slice(1)}`,
      '1:3:AAAA',
      `1:3:${Buffer.alloc(27).toString('base64')}`,
      `1:3:${Buffer.alloc(28).toString('base64')}`,
      `99999999:3:${payload}`,
    ]) {
      assert.equal(encryptor.decrypt(bad), null, bad);
    }
    assert.equal(encryptor.decrypt(undefined as unknown as string), null);
    assert.equal(encryptor.decrypt(42 as unknown as string), null);
  });

  test('a key that is not 32 bytes cannot encrypt, and its secrets never decrypt', () => {
    const encryptor = new Encryptor(new CryptKey('short-key'), new PinnedRandom());
    assert.throws(() => encryptor.encrypt('x'), RangeError);
    assert.equal(encryptor.decrypt(vectors.lac_secrets[0]?.secret as string), null);
    assert.match(encryptor.hash('x'), /^[0-9a-f]{64}$/);
  });
});
