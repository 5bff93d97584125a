/**
 * Magento's `Magento\Framework\Encryption\EncryptorInterface`, as this service needs it. Hashing is
 * asynchronous because Argon2id runs off the event loop.
 */
export interface EncryptorInterface {
  /** A new `hash:salt:version` password hash; `salt` defaults to 32 random letters and digits. */
  getHash(password: string, salt?: string | true): Promise<string>;

  /** Whether `password` matches a stored hash of any version or upgrade chain; never throws. */
  validateHash(password: string, stored: string): Promise<boolean>;

  /**
   * Whether a stored hash should be rewritten with the current version. With `validateCount`, an
   * upgrade chain also needs rewriting (Magento's `validateHashVersion($hash, true)`, used on login).
   */
  isUpgradeNeeded(stored: string, validateCount?: boolean): boolean;

  /** HMAC-SHA256 (hex) under the current key. */
  hash(data: string): string;

  /** `<keyVersion>:3:<base64(nonce ‖ ciphertext ‖ tag)>` under the current key. */
  encrypt(plaintext: string): string;

  /** The plaintext, or null for anything malformed, tampered, of unknown key version or under another key. */
  decrypt(value: string): string | null;
}
