import { inject, injectable } from 'inversify';
import type { EncryptorInterface } from '../../Framework/Crypt/EncryptorInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';

/** What a Magento 2.4 Login as Customer secret carries. */
export interface SecretPayload {
  readonly adminId: number;
  readonly customerId: number;
  /** Unix seconds at generation. */
  readonly timeStamp: number;
}

export type DecodedSecret =
  | { readonly ok: true; readonly payload: SecretPayload; readonly identity: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'undecryptable' | 'invalid_payload' };

/** Far above any real secret (`0:3:` + ~110 base64 characters); longer input is not even decrypted. */
const MAX_SECRET_LENGTH = 512;

/**
 * The secret format of Magento 2.4's `GenerateAuthenticationSecret`: the JSON
 * `{"admin_id":<int>,"customer_id":<int>,"time_stamp":<unix s>}` (this key order, no spaces, as PHP's
 * json_encode writes it) encrypted by the Encryptor (`<keyVersion>:3:<base64>`, ChaCha20-Poly1305).
 * Secrets are stored and looked up only by their identity (see `identity`), never as such.
 */
@injectable()
export class AuthenticationSecretCodec {
  constructor(@inject(TYPES.Encryptor) private readonly encryptor: EncryptorInterface) {}

  encode(payload: SecretPayload): string {
    return this.encryptor.encrypt(
      JSON.stringify({ admin_id: payload.adminId, customer_id: payload.customerId, time_stamp: payload.timeStamp }),
    );
  }

  /**
   * Only the exact spelling `encode` writes decodes (no surrounding whitespace, canonical key version and
   * base64 — the Encryptor refuses the rest), so every secret has one identity.
   */
  decode(secret: unknown): DecodedSecret {
    if (typeof secret !== 'string' || secret === '' || secret.length > MAX_SECRET_LENGTH) return { ok: false, reason: 'malformed' };
    const plaintext = this.encryptor.decrypt(secret);
    if (plaintext === null) return { ok: false, reason: 'undecryptable' };
    let data: unknown;
    try {
      data = JSON.parse(plaintext);
    } catch {
      return { ok: false, reason: 'invalid_payload' };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'invalid_payload' };
    const fields = data as Record<string, unknown>;
    const adminId = positiveInteger(fields.admin_id);
    const customerId = positiveInteger(fields.customer_id);
    const timeStamp = positiveInteger(fields.time_stamp);
    if (adminId === null || customerId === null || timeStamp === null) return { ok: false, reason: 'invalid_payload' };
    return { ok: true, payload: { adminId, customerId, timeStamp }, identity: this.identity(secret) };
  }

  /**
   * What a secret *is*, for the session row, the audit log and the consumed-secret ledger: the HMAC-SHA256
   * (hex, current crypt key) of its sealed bytes `nonce ‖ ciphertext ‖ tag` in their one base64 spelling.
   * The key version is left out, so a crypt/key listing one key twice cannot give one secret two names.
   */
  identity(secret: string): string {
    return this.encryptor.hash(secret.slice(secret.lastIndexOf(':') + 1));
  }
}

/** Magento's factory casts with (int): accept integers and their decimal-string forms, nothing else. */
function positiveInteger(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
