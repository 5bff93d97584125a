import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hashRaw, type Algorithm, type Version } from '@node-rs/argon2';
import type { Random } from '../Stdlib/Random.ts';
import type { CryptKey } from './CryptKey.ts';
import type { EncryptorInterface } from './EncryptorInterface.ts';
import { PasswordHash, type Argon2Params, type HashStep } from './PasswordHash.ts';
import { SodiumChachaIetf } from './SodiumChachaIetf.ts';

/** The package declares these as `const enum`s, which esbuild cannot inline from a .d.ts. */
const ARGON2ID: Algorithm = 2;
const ARGON2_V0X13: Version = 1;

/** `SODIUM_CRYPTO_PWHASH_SALTBYTES`. */
const SALT_BYTES = 16;

/**
 * Argon2 hashes computed at once. Each takes Magento's 64 MiB and a libuv pool thread: more at once than
 * there are cores adds no throughput, only memory (four at once peaked the process at ~440 MB), and leaves
 * no pool thread for DNS look-ups and file work.
 */
const ARGON2_CONCURRENCY = Math.max(1, availableParallelism());
let argon2Running = 0;
const argon2Waiting: Array<() => void> = [];

async function withArgon2Slot<T>(work: () => Promise<T>): Promise<T> {
  if (argon2Running >= ARGON2_CONCURRENCY) await new Promise<void>((resolve) => argon2Waiting.push(resolve));
  else argon2Running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (the count stays), or give it back.
    const next = argon2Waiting.shift();
    if (next) next();
    else argon2Running -= 1;
  }
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Canonical decimal: `0`, or no leading zero. */
const KEY_VERSION = /^(?:0|[1-9]\d{0,5})$/;

/**
 * Magento's `Magento\Framework\Encryption\Encryptor`: password hashes (md5, sha256, Argon2id13 and
 * upgrade chains), HMAC-SHA256 under the current key, and ChaCha20-Poly1305 secrets
 * `<keyVersion>:3:<base64>` decrypted with the key their version names.
 */
export class Encryptor implements EncryptorInterface {
  /** `Encryptor::CIPHER_AEAD_CHACHA20POLY1305`. */
  static readonly CIPHER_AEAD_CHACHA20POLY1305 = 3;
  /** `Encryptor::DEFAULT_SALT_LENGTH`. */
  static readonly DEFAULT_SALT_LENGTH = 32;

  readonly #hmacKey: KeyObject;
  /** Per key version; null where the key is not 32 bytes and so cannot be a ChaCha20 key. */
  readonly #ciphers: readonly (SodiumChachaIetf | null)[];
  readonly #currentVersion: number;

  constructor(
    cryptKey: CryptKey,
    private readonly random: Random,
  ) {
    this.#currentVersion = cryptKey.currentVersion;
    this.#hmacKey = createSecretKey(cryptKey.bytes(this.#currentVersion));
    const ciphers: (SodiumChachaIetf | null)[] = [];
    for (let v = 0; v < cryptKey.versionCount; v++) {
      const bytes = cryptKey.bytes(v);
      ciphers.push(bytes.length === SodiumChachaIetf.KEY_BYTES ? new SodiumChachaIetf(bytes) : null);
    }
    this.#ciphers = Object.freeze(ciphers);
  }

  async getHash(password: string, salt: string | true = true): Promise<string> {
    const saltValue = salt === true ? this.random.string(Encryptor.DEFAULT_SALT_LENGTH) : salt;
    if (saltValue === '' || saltValue.includes(':')) {
      throw new RangeError('A password salt must be non-empty and must not contain ":".');
    }
    const hash = await Encryptor.argon2id13(password, saltValue, PasswordHash.CURRENT_PARAMS);
    return PasswordHash.format(hash, saltValue, [PasswordHash.CURRENT_VERSION]);
  }

  /**
   * Re-hashes through every listed version, oldest first, each step fed the previous step's hex
   * output: md5/sha256 hash `salt + previous`, Argon2id hashes `previous` with the salt
   * (`Encryptor::isValidHash`). Magento's fallback of comparing an unsalted HMAC for values that
   * are not password hashes is left out: such values are never password hashes here.
   */
  async validateHash(password: string, stored: string): Promise<boolean> {
    try {
      if (typeof password !== 'string') return false;
      const parsed = PasswordHash.parse(stored);
      if (parsed === null) return false;
      let recreated = password;
      for (const step of parsed.steps) {
        recreated = await Encryptor.applyStep(step, recreated, parsed.salt);
      }
      return Encryptor.equals(recreated, parsed.hash);
    } catch {
      return false;
    }
  }

  isUpgradeNeeded(stored: string, validateCount: boolean = false): boolean {
    const parsed = PasswordHash.parse(stored);
    if (parsed === null) return true;
    if (validateCount && parsed.versions.length !== 1) return true;
    return parsed.lastVersion !== PasswordHash.CURRENT_VERSION;
  }

  hash(data: string): string {
    return createHmac('sha256', this.#hmacKey).update(data, 'utf8').digest('hex');
  }

  encrypt(plaintext: string): string {
    const cipher = this.#ciphers[this.#currentVersion];
    if (!cipher) {
      throw new RangeError(
        `crypt/key version ${this.#currentVersion} is not ${SodiumChachaIetf.KEY_BYTES} bytes and cannot encrypt.`,
      );
    }
    const sealed = cipher.encrypt(Buffer.from(plaintext, 'utf8'), this.random.bytes(SodiumChachaIetf.NONCE_BYTES));
    return `${this.#currentVersion}:${Encryptor.CIPHER_AEAD_CHACHA20POLY1305}:${sealed.toString('base64')}`;
  }

  /**
   * Only the `<keyVersion>:3:<base64>` form is read; Magento's older mcrypt forms (cipher 0–2,
   * or two- and four-part values) are not supported and give null.
   *
   * Only the one spelling `encrypt` writes is accepted: the key version in canonical decimal (`0`, not
   * `00`) and base64 that re-encodes to itself (padding present, unused trailing bits zero). Magento's
   * `(int)` cast and lenient base64_decode read many strings as the same sealed value; anything that keys
   * a decision on a ciphertext (single use of a secret) must not see one value under several names.
   */
  decrypt(value: string): string | null {
    if (typeof value !== 'string') return null;
    const parts = value.split(':');
    if (parts.length !== 3) return null;
    const [version = '', cipherVersion, payload = ''] = parts;
    if (!KEY_VERSION.test(version) || cipherVersion !== String(Encryptor.CIPHER_AEAD_CHACHA20POLY1305)) return null;
    if (payload === '' || !STRICT_BASE64.test(payload)) return null;
    const cipher = this.#ciphers[Number(version)];
    if (!cipher) return null;
    const sealed = Buffer.from(payload, 'base64');
    if (sealed.toString('base64') !== payload) return null;
    const plain = cipher.decrypt(sealed);
    return plain === null ? null : plain.toString('utf8');
  }

  private static async applyStep(step: HashStep, data: string, salt: string): Promise<string> {
    switch (step.kind) {
      case 'md5':
        return createHash('md5').update(salt + data, 'utf8').digest('hex');
      case 'sha256':
        return createHash('sha256').update(salt + data, 'utf8').digest('hex');
      case 'argon2id13':
        return Encryptor.argon2id13(data, salt, step);
    }
  }

  /**
   * `sodium_crypto_pwhash(..., SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13)` as Magento's `getArgonHash`
   * calls it: the salt's first 16 bytes, a shorter salt repeated to 16 (PHP `str_pad` with itself),
   * parallelism 1, memory given in bytes. Runs on libuv's thread pool, not the event loop.
   */
  private static async argon2id13(data: string, salt: string, params: Argon2Params): Promise<string> {
    const salt16 = Encryptor.salt16(salt);
    const raw = await withArgon2Slot(() =>
      hashRaw(Buffer.from(data, 'utf8'), {
        algorithm: ARGON2ID,
        version: ARGON2_V0X13,
        timeCost: params.opsLimit,
        memoryCost: Math.floor(params.memLimit / 1024),
        parallelism: 1,
        outputLen: params.seedBytes,
        salt: salt16,
      }),
    );
    return raw.toString('hex');
  }

  private static salt16(salt: string): Buffer {
    const bytes = Buffer.from(salt, 'utf8');
    if (bytes.length === 0) throw new RangeError('Argon2 needs a non-empty salt.');
    if (bytes.length >= SALT_BYTES) return bytes.subarray(0, SALT_BYTES);
    const out = Buffer.alloc(SALT_BYTES);
    for (let i = 0; i < SALT_BYTES; i++) out[i] = bytes[i % bytes.length] as number;
    return out;
  }

  /** `Security::compareStrings` (hash_equals): constant time for equal lengths. */
  private static equals(a: string, b: string): boolean {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
