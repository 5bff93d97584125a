import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import jws from 'jws';
import jwt from 'jsonwebtoken';
import type { CryptKey } from './CryptKey.ts';

/** Claims of a Magento 2.4.4+ user token (`Magento\JwtUserToken\Model\Issuer`), in Magento's order. */
export interface JwtUserTokenPayload {
  readonly uid: number;
  readonly utypid: number;
  readonly iat: number;
  readonly exp: number;
}

/** `SecretBasedJwksFactory` pads the key with `&` on both sides (PHP `STR_PAD_BOTH`) to this length. */
const PADDED_KEY_BYTES = 2048;
const PAD = 0x26; // '&'
const HMAC_BLOCK_BYTES = 64;

/**
 * `kid` is the 1-based position of the key in Magento's JWK set, which holds only the current
 * crypt key, so it is always "1": it does not name a crypt key version.
 */
const HEADER = { kid: '1', alg: 'HS256' } as const;

/** Bearer tokens are short; anything far longer is not one of ours and is not worth parsing. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * Magento's JWT user tokens as `Magento\JwtUserToken` issues and reads them with the default
 * `webapi/jwtauth/jwt_alg` HS256: JWS compact, header `{"kid":"1","alg":"HS256"}`, payload
 * `{"uid","utypid","iat","exp"}`, HMAC-SHA256 keyed by the current crypt key string as written in
 * env.php (not base64-decoded) padded to 2048 bytes. Magento signs and verifies with the current key
 * only, so rotating `crypt/key` invalidates every issued token; this codec does the same.
 */
export class JwtCodec {
  readonly #key: KeyObject;

  constructor(cryptKey: CryptKey) {
    // HMAC first hashes a key longer than its 64-byte block (RFC 2104), so hashing the padded key
    // once here gives the same signatures without re-hashing 2 KiB on every sign and verify.
    const padded = JwtCodec.padKey(Buffer.from(cryptKey.raw(), 'utf8'));
    this.#key = createSecretKey(padded.length > HMAC_BLOCK_BYTES ? createHash('sha256').update(padded).digest() : padded);
  }

  encode(payload: JwtUserTokenPayload): string {
    for (const claim of ['uid', 'utypid', 'iat', 'exp'] as const) {
      if (!Number.isSafeInteger(payload[claim])) throw new RangeError(`JWT claim "${claim}" must be an integer.`);
    }
    const { uid, utypid, iat, exp } = payload;
    return jws.sign({
      header: { ...HEADER },
      payload: JSON.stringify({ uid, utypid, iat, exp }),
      secret: this.#key,
    });
  }

  /**
   * The claims of a token signed with HS256 under the current key, or null. Like Magento's
   * `JwtUserToken\Model\Reader`, all four claims must be present and non-zero; `kid` is not
   * required. Expiry and revocation are the caller's checks (see isExpired).
   */
  read(token: string): JwtUserTokenPayload | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.#key, { algorithms: ['HS256'], ignoreExpiration: true });
    } catch {
      return null;
    }
    if (typeof payload !== 'object' || payload === null) return null;
    const claims = payload as Record<string, unknown>;
    const uid = JwtCodec.positiveInteger(claims.uid);
    const utypid = JwtCodec.positiveInteger(claims.utypid);
    const iat = JwtCodec.positiveInteger(claims.iat);
    const exp = JwtCodec.positiveInteger(claims.exp);
    if (uid === null || utypid === null || iat === null || exp === null) return null;
    return { uid, utypid, iat, exp };
  }

  /** Magento rejects a token once `exp <= now`. */
  isExpired(payload: Pick<JwtUserTokenPayload, 'exp'>, nowSeconds: number): boolean {
    return payload.exp <= nowSeconds;
  }

  /** PHP `str_pad($key, 2048, '&', STR_PAD_BOTH)`: left gets floor(missing / 2), right the rest. */
  static padKey(key: Buffer): Buffer {
    const missing = PADDED_KEY_BYTES - key.length;
    if (missing <= 0) return Buffer.from(key);
    const left = Math.floor(missing / 2);
    return Buffer.concat([Buffer.alloc(left, PAD), key, Buffer.alloc(missing - left, PAD)]);
  }

  private static positiveInteger(value: unknown): number | null {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
  }
}
