import type { ScopeConfigInterface, ScopeType } from '../../../src/Framework/Config/ScopeConfigInterface.ts';

/** A ScopeConfig over a plain map of default-scope values (`scope|code|path` keys override). */
export class FakeScopeConfig implements ScopeConfigInterface {
  constructor(private readonly values: Map<string, string> = new Map()) {}

  set(path: string, value: string): this {
    this.values.set(path, value);
    return this;
  }

  async getValue(path: string, scopeType: ScopeType = 'default', scopeCode?: string | number): Promise<string | null> {
    if (scopeType !== 'default' && scopeCode !== undefined) {
      const scoped = this.values.get(`${scopeType}|${scopeCode}|${path}`);
      if (scoped !== undefined) return scoped;
    }
    return this.values.get(path) ?? null;
  }

  async isSetFlag(path: string, scopeType?: ScopeType, scopeCode?: string | number): Promise<boolean> {
    const v = await this.getValue(path, scopeType, scopeCode);
    return v !== null && v !== '' && v !== '0';
  }

  clean(): void {}
}
