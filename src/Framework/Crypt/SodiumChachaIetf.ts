import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';

const ALGORITHM = 'chacha20-poly1305';

/**
 * Magento's `Magento\Framework\Encryption\Adapter\SodiumChachaIetf`: libsodium's
 * `crypto_aead_chacha20poly1305_ietf` with a 12-byte nonce that is also the additional data;
 * the sealed form is `nonce ‖ ciphertext ‖ 16-byte tag`.
 */
export class SodiumChachaIetf {
  static readonly KEY_BYTES = 32;
  static readonly NONCE_BYTES = 12;
  static readonly TAG_BYTES = 16;

  readonly #key: KeyObject;

  constructor(key: Buffer) {
    if (key.length !== SodiumChachaIetf.KEY_BYTES) {
      throw new RangeError(`ChaCha20-Poly1305 needs a ${SodiumChachaIetf.KEY_BYTES}-byte key, got ${key.length}.`);
    }
    this.#key = createSecretKey(key);
  }

  encrypt(plaintext: Buffer, nonce: Buffer): Buffer {
    if (nonce.length !== SodiumChachaIetf.NONCE_BYTES) {
      throw new RangeError(`ChaCha20-Poly1305 IETF needs a ${SodiumChachaIetf.NONCE_BYTES}-byte nonce.`);
    }
    const cipher = createCipheriv(ALGORITHM, this.#key, nonce, { authTagLength: SodiumChachaIetf.TAG_BYTES });
    cipher.setAAD(nonce, { plaintextLength: plaintext.length });
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]);
  }

  /** Opens `nonce ‖ ciphertext ‖ tag`; null when it is too short, tampered or sealed under another key. */
  decrypt(sealed: Buffer): Buffer | null {
    const { NONCE_BYTES, TAG_BYTES } = SodiumChachaIetf;
    if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(nonce, { plaintextLength: body.length });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      return null;
    }
  }
}
