/** Argon2id v1.3 parameters in libsodium's units (`crypto_pwhash`): output bytes, passes, memory in bytes. */
export interface Argon2Params {
  readonly seedBytes: number;
  readonly opsLimit: number;
  readonly memLimit: number;
}

/** One step of a (possibly upgraded) Magento password hash. */
export type HashStep =
  | { readonly kind: 'md5' }
  | { readonly kind: 'sha256' }
  | ({ readonly kind: 'argon2id13' } & Argon2Params);

const DELIMITER = ':';

/** `SODIUM_CRYPTO_SIGN_SEEDBYTES`, `SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE`, `…_MEMLIMIT_INTERACTIVE`. */
const INTERACTIVE: Argon2Params = { seedBytes: 32, opsLimit: 2, memLimit: 67_108_864 };

/**
 * Bounds on parameters read from a stored hash, so a corrupt or hostile row cannot make one login
 * allocate gigabytes or spin for minutes. The upper bounds admit libsodium's SENSITIVE preset.
 */
const LIMITS = {
  seedBytes: [16, 64],
  opsLimit: [1, 16],
  memLimit: [8_192, 1_073_741_824],
  steps: 8,
} as const;

const AGNOSTIC = /^3_(\d{1,10})_(\d{1,10})_(\d{1,10})$/;

/**
 * Magento's stored password format `hash:salt:version[:version…]` (`Encryptor::explodePasswordHash`):
 * versions are listed oldest first. `0` md5(salt+pw), `1` sha256(salt+pw), `2` Argon2id13 with the
 * interactive defaults, `3_<seedBytes>_<ops>_<mem>` Argon2id13 with those parameters
 * (`Encryptor::HASH_VERSION_ARGON2ID13_AGNOSTIC`). A bare `3` is not a valid version in Magento either.
 */
export class PasswordHash {
  /** What `Encryptor::getHash` writes on current Magento (PHP with libsodium). */
  static readonly CURRENT_VERSION = `3_${INTERACTIVE.seedBytes}_${INTERACTIVE.opsLimit}_${INTERACTIVE.memLimit}`;
  static readonly CURRENT_PARAMS: Argon2Params = INTERACTIVE;

  private constructor(
    readonly hash: string,
    readonly salt: string,
    readonly versions: readonly string[],
    readonly steps: readonly HashStep[],
  ) {}

  /** Null for anything that is not a well-formed password hash with known, sane versions. */
  static parse(stored: string): PasswordHash | null {
    if (typeof stored !== 'string') return null;
    const parts = stored.split(DELIMITER);
    if (parts.length < 3) return null;
    const [hash = '', salt = '', ...versions] = parts;
    if (hash === '' || versions.length > LIMITS.steps) return null;
    const steps: HashStep[] = [];
    for (const version of versions) {
      const step = PasswordHash.parseVersion(version);
      if (step === null) return null;
      steps.push(step);
    }
    return new PasswordHash(hash, salt, Object.freeze(versions), Object.freeze(steps));
  }

  static format(hash: string, salt: string, versions: readonly string[]): string {
    return [hash, salt, ...versions].join(DELIMITER);
  }

  get lastVersion(): string {
    return this.versions[this.versions.length - 1] as string;
  }

  private static parseVersion(version: string): HashStep | null {
    switch (version) {
      case '0':
        return { kind: 'md5' };
      case '1':
        return { kind: 'sha256' };
      case '2':
        return { kind: 'argon2id13', ...INTERACTIVE };
    }
    const m = AGNOSTIC.exec(version);
    if (m === null) return null;
    const params: Argon2Params = { seedBytes: Number(m[1]), opsLimit: Number(m[2]), memLimit: Number(m[3]) };
    for (const name of ['seedBytes', 'opsLimit', 'memLimit'] as const) {
      const [min, max] = LIMITS[name];
      if (params[name] < min || params[name] > max) return null;
    }
    return { kind: 'argon2id13', ...params };
  }
}
