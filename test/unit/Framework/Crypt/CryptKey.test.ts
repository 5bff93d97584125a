import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { CryptKey } from '../../../../src/Framework/Crypt/CryptKey.ts';
import { vectors } from './vectors.ts';

const { legacy, base64, rotated } = vectors.crypt_keys;

test('a single plain key is version 0 and used as written', () => {
  const key = new CryptKey(legacy);
  assert.equal(key.currentVersion, 0);
  assert.equal(key.versionCount, 1);
  assert.equal(key.raw(), legacy);
  assert.deepEqual(key.bytes(), Buffer.from(legacy, 'utf8'));
});

test('a base64-prefixed key keeps its raw form but is decoded for encryption and HMAC', () => {
  const key = new CryptKey(base64);
  assert.equal(key.raw(0), base64);
  assert.deepEqual(key.bytes(0), Buffer.from(base64.slice('base64'.length), 'base64'));
  assert.equal(key.bytes(0).length, 32);
});

test('rotated keys: the last is current, versions are 0-based indexes', () => {
  const key = new CryptKey(rotated);
  const [first, second] = rotated.split('\n');
  assert.equal(key.versionCount, 2);
  assert.equal(key.currentVersion, 1);
  assert.equal(key.raw(0), first);
  assert.equal(key.raw(1), second);
  assert.equal(key.raw(), second);
  assert.ok(key.has(0) && key.has(1) && !key.has(2) && !key.has(-1));
});

test('any run of whitespace separates keys and surrounding whitespace is ignored', () => {
  const key = new CryptKey('  \n aaaa \t\r\n  bbbb   cccc\n');
  assert.equal(key.versionCount, 3);
  assert.equal(key.raw(0), 'aaaa');
  assert.equal(key.raw(2), 'cccc');
});

test('an empty crypt/key or an empty decoded key is refused', () => {
  assert.throws(() => new CryptKey(''), RangeError);
  assert.throws(() => new CryptKey(' \n\t '), RangeError);
  assert.throws(() => new CryptKey('base64'), RangeError);
});

test('an unknown version is an error, not undefined', () => {
  const key = new CryptKey(rotated);
  assert.throws(() => key.raw(2), RangeError);
  assert.throws(() => key.bytes(-1), RangeError);
});

test('bytes() returns a copy, so callers cannot corrupt the key', () => {
  const key = new CryptKey(legacy);
  key.bytes().fill(0);
  assert.deepEqual(key.bytes(), Buffer.from(legacy, 'utf8'));
});

test('logging or serialising the key shows no key material', () => {
  const key = new CryptKey(rotated);
  for (const shown of [JSON.stringify(key), inspect(key), String(key), `${key}`]) {
    assert.ok(!shown.includes('0123456789abcdef'), shown);
    assert.ok(!shown.includes('f3e2d1c0'), shown);
  }
});
