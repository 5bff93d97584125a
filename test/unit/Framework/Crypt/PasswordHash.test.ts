import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PasswordHash } from '../../../../src/Framework/Crypt/PasswordHash.ts';
import { vectors } from './vectors.ts';

test('the current version is Argon2id13 with the interactive libsodium parameters', () => {
  assert.equal(PasswordHash.CURRENT_VERSION, '3_32_2_67108864');
});

test('every vector parses into hash, salt and its versions oldest first', () => {
  for (const v of vectors.password_hashes) {
    const parsed = PasswordHash.parse(v.stored);
    assert.ok(parsed, v.stored);
    const [hash, salt] = v.stored.split(':');
    assert.equal(parsed.hash, hash);
    assert.equal(parsed.salt, salt);
    assert.deepEqual(
      parsed.versions.map((x) => Number(x.split('_')[0])),
      v.versions,
    );
  }
});

test('the chain 1:3_… is sha256 then Argon2id with the version parameters', () => {
  const parsed = PasswordHash.parse('h:s:1:3_32_2_67108864');
  assert.deepEqual(parsed?.steps, [
    { kind: 'sha256' },
    { kind: 'argon2id13', seedBytes: 32, opsLimit: 2, memLimit: 67108864 },
  ]);
});

test('version 2 means Argon2id13 with the interactive defaults', () => {
  assert.deepEqual(PasswordHash.parse('h:s:2')?.steps, [
    { kind: 'argon2id13', seedBytes: 32, opsLimit: 2, memLimit: 67108864 },
  ]);
});

test('malformed, unknown or out-of-bounds versions do not parse', () => {
  for (const bad of [
    '',
    'hash',
    'hash:salt',
    ':salt:1',
    'hash:salt:',
    'hash:salt:3',
    'hash:salt:4',
    'hash:salt:1a',
    'hash:salt: 1',
    'hash:salt:3_32_2',
    'hash:salt:3_32_2_67108864_1',
    'hash:salt:3_8_2_67108864',
    'hash:salt:3_32_0_67108864',
    'hash:salt:3_32_2_99999999999',
    'hash:salt:3_32_2_1024',
    'hash:salt:' + Array(9).fill('1').join(':'),
  ]) {
    assert.equal(PasswordHash.parse(bad), null, bad);
  }
});

test('format writes hash:salt:versions', () => {
  assert.equal(PasswordHash.format('ab', 'salt', ['1', '3_32_2_67108864']), 'ab:salt:1:3_32_2_67108864');
});
