import { inject, injectable } from 'inversify';
import type { ConfigWriterInterface, ScopeConfigInterface, ScopeType } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { CoreConfigData } from '../ResourceModel/Config/CoreConfigData.ts';

/** Magento's `Magento\Framework\App\Config\Storage\WriterInterface` over core_config_data. */
@injectable()
export class ConfigWriter implements ConfigWriterInterface {
  constructor(
    @inject(CoreConfigData) private readonly resource: CoreConfigData,
    @inject(TYPES.ScopeConfig) private readonly scopeConfig: ScopeConfigInterface,
  ) {}

  async save(path: string, value: string | null, scope: ScopeType = 'default', scopeId = 0): Promise<void> {
    await this.resource.save(path, value, scope, scope === 'default' ? 0 : scopeId);
    this.scopeConfig.clean();
  }

  async delete(path: string, scope: ScopeType = 'default', scopeId = 0): Promise<void> {
    await this.resource.delete(path, scope, scope === 'default' ? 0 : scopeId);
    this.scopeConfig.clean();
  }
}
