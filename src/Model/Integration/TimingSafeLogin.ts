import type { EncryptorInterface } from '../../Framework/Crypt/EncryptorInterface.ts';

/** A well-formed current-version hash that no password matches (its hash part is not hex output). */
const DUMMY_HASH = `${'z'.repeat(64)}:DummySaltDummySaltDummySaltDummy:3_32_2_67108864`;

/**
 * Checks a password against the hash of an account that was not found, so "no such user" takes as
 * long as "wrong password" and the answer time does not tell which accounts exist. Always false.
 */
export async function verifyAgainstMissingAccount(encryptor: EncryptorInterface, password: string): Promise<false> {
  await encryptor.validateHash(password, DUMMY_HASH);
  return false;
}
