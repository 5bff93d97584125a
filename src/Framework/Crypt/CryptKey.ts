import { inspect } from 'node:util';

/** Magento's `ConfigOptionsListConstants::STORE_KEY_ENCODED_RANDOM_STRING_PREFIX` (2.4.7+). */
const BASE64_PREFIX = 'base64';

/** PCRE's `\s` without the `u` flag, as in Magento's `preg_split('/\s+/s', trim($key))`. */
const SEPARATOR = /[ \t\n\r\v\f]+/;

/**
 * Magento's `crypt/key` from `app/etc/env.php`: one or more whitespace-separated keys, the last one
 * current; a key's version is its 0-based index. Keys written as `base64<data>` (what
 * `setup:install` and key rotation write since 2.4.7) are base64-decoded before they are used for
 * encryption and HMAC; JWT signing uses the string as written (see JwtCodec).
 *
 * Key material lives in private fields so that logging or serialising this object shows nothing.
 */
export class CryptKey {
  readonly #raw: readonly string[];
  readonly #bytes: readonly Buffer[];

  constructor(value: string) {
    const raw = value.trim().split(SEPARATOR).filter((k) => k !== '');
    if (raw.length === 0) throw new RangeError('crypt/key is empty.');
    this.#raw = Object.freeze(raw);
    this.#bytes = Object.freeze(
      raw.map((key, version) => {
        const bytes = key.startsWith(BASE64_PREFIX)
          ? Buffer.from(key.slice(BASE64_PREFIX.length), 'base64')
          : Buffer.from(key, 'utf8');
        if (bytes.length === 0) throw new RangeError(`crypt/key version ${version} is empty after decoding.`);
        return bytes;
      }),
    );
  }

  /** Version of the key new values are encrypted, hashed and signed with. */
  get currentVersion(): number {
    return this.#raw.length - 1;
  }

  get versionCount(): number {
    return this.#raw.length;
  }

  has(version: number): boolean {
    return Number.isInteger(version) && version >= 0 && version < this.#raw.length;
  }

  /** The key exactly as written in env.php (including a `base64` prefix). */
  raw(version: number = this.currentVersion): string {
    return this.#raw[this.checked(version)] as string;
  }

  /** The key bytes used for encryption and HMAC (a copy; callers precompute what they need once). */
  bytes(version: number = this.currentVersion): Buffer {
    return Buffer.from(this.#bytes[this.checked(version)] as Buffer);
  }

  toJSON(): string {
    return this.toString();
  }

  toString(): string {
    return `CryptKey(${this.#raw.length} key(s), current version ${this.currentVersion})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }

  private checked(version: number): number {
    if (!this.has(version)) throw new RangeError(`Unknown crypt key version ${version}.`);
    return version;
  }
}
