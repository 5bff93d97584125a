import type { ConfigInterface } from '../../../src/Api/LoginAsCustomer/ConfigInterface.ts';
import type { ScopeConfigInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';

/** ScopeConfig over a plain map of default-scope values. */
export class MapScopeConfig implements ScopeConfigInterface {
  constructor(private readonly values: Map<string, string | null> = new Map()) {}
  set(path: string, value: string | null): this {
    this.values.set(path, value);
    return this;
  }
  async getValue(path: string): Promise<string | null> {
    return this.values.get(path) ?? null;
  }
  async isSetFlag(path: string): Promise<boolean> {
    const v = await this.getValue(path);
    return v !== null && v !== '' && v !== '0';
  }
  clean(): void {}
}

/** A Login as Customer config with fields the test sets directly. */
export class FakeLacConfig implements ConfigInterface {
  enabled = true;
  manualChoice = false;
  lifetime = 60;
  globalShare = false;
  async isEnabled(): Promise<boolean> {
    return this.enabled;
  }
  async isStoreManualChoiceEnabled(): Promise<boolean> {
    return this.manualChoice;
  }
  async getAuthenticationDataExpirationTime(): Promise<number> {
    return this.lifetime;
  }
  async isGlobalAccountShare(): Promise<boolean> {
    return this.globalShare;
  }
}
