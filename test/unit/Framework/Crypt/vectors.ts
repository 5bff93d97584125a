import { readFileSync } from 'node:fs';
import type { Random } from '../../../../src/Framework/Stdlib/Random.ts';

/** /work/shared/vectors/magento-crypto.json, computed with PHP sodium following Magento's conventions. */
export interface MagentoCryptoVectors {
  crypt_keys: Record<KeyName, string>;
  password_hashes: { password: string; versions: number[]; stored: string; note?: string }[];
  hmac_sha256: { key: KeyName; data: string; hex: string }[];
  lac_secrets: { key: KeyName; plaintext: string; secret: string; note?: string }[];
  jwt: { key: KeyName; uid: number; utypid: number; iat: number; exp: number; token: string }[];
}

export type KeyName = 'legacy' | 'base64' | 'rotated';

export const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/magento-crypto.json', import.meta.url), 'utf8'),
) as MagentoCryptoVectors;

/** Randomness pinned by the test: a fixed nonce for bytes(), a fixed salt for string(). */
export class PinnedRandom implements Random {
  readonly byteRequests: number[] = [];
  constructor(
    private readonly nonce: Buffer = Buffer.alloc(12, 7),
    private readonly salt: string = 'Qm9Yx2LkP8sVt4RzW1aCn7Ue3Hj6Gd0F',
  ) {}
  bytes(length: number): Buffer {
    this.byteRequests.push(length);
    if (length !== this.nonce.length) throw new Error(`unexpected bytes(${length})`);
    return Buffer.from(this.nonce);
  }
  string(length: number): string {
    if (length !== this.salt.length) throw new Error(`unexpected string(${length})`);
    return this.salt;
  }
}
