import { randomBytes, randomInt } from 'node:crypto';

/** Randomness, injected so tests can pin it (Magento's `Magento\Framework\Math\Random`). */
export interface Random {
  bytes(length: number): Buffer;
  /** A string of `length` characters drawn from `chars` (default: letters and digits). */
  string(length: number, chars?: string): string;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class CryptoRandom implements Random {
  bytes(length: number): Buffer {
    return randomBytes(length);
  }
  string(length: number, chars: string = ALNUM): string {
    let out = '';
    for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
    return out;
  }
}

/** Deterministic randomness for tests: a repeating byte pattern from a seed. */
export class SeededRandom implements Random {
  private counter = 0;
  constructor(private readonly seed: number = 7) {}
  bytes(length: number): Buffer {
    const b = Buffer.alloc(length);
    for (let i = 0; i < length; i++) b[i] = (this.seed + this.counter++ * 31) & 0xff;
    return b;
  }
  string(length: number, chars: string = ALNUM): string {
    return [...this.bytes(length)].map((x) => chars[x % chars.length]).join('');
  }
}
