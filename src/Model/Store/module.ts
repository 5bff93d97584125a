import type { ModuleDescriptor } from '../../Framework/App/ModuleDescriptor.ts';
import { GroupInterface } from '../../Api/Store/Data/GroupInterface.ts';
import { StoreInterface } from '../../Api/Store/Data/StoreInterface.ts';
import { WebsiteInterface } from '../../Api/Store/Data/WebsiteInterface.ts';
import { GroupRepositoryContract } from '../../Api/Store/GroupRepositoryInterface.ts';
import { StoreRepositoryContract } from '../../Api/Store/StoreRepositoryInterface.ts';
import { WebsiteRepositoryContract } from '../../Api/Store/WebsiteRepositoryInterface.ts';
import { CacheGenerations } from '../Cache/CacheGenerations.ts';
import { ConfigWriter } from '../Config/ConfigWriter.ts';
import { ScopeConfig } from '../Config/ScopeConfig.ts';
import { CacheGeneration } from '../ResourceModel/Cache/CacheGeneration.ts';
import { CoreConfigData } from '../ResourceModel/Config/CoreConfigData.ts';
import { StoreResource } from '../ResourceModel/Store/StoreResource.ts';
import { GroupRepository } from './GroupRepository.ts';
import { StoreCodeResolver } from './StoreCodeResolver.ts';
import { StoreManager } from './StoreManager.ts';
import { StoreRepository } from './StoreRepository.ts';
import { WebsiteRepository } from './WebsiteRepository.ts';

/** Store and Config: stores/websites, scope configuration, and the generations that keep their caches shared. */
export const StoreModule: ModuleDescriptor = {
  name: 'Store',
  classes: [
    ['Magento\\Framework\\App\\Config', ScopeConfig],
    ['Magento\\Framework\\App\\Config\\Storage\\Writer', ConfigWriter],
    ['Magento\\Config\\Model\\ResourceModel\\Config', CoreConfigData],
    ['Magento\\Store\\Model\\ResourceModel\\Store', StoreResource],
    ['Magento\\Store\\Model\\StoreManager', StoreManager],
    ['Magento\\Store\\App\\Request\\StorePathInfoValidator', StoreCodeResolver],
    ['Magento\\Store\\Model\\StoreRepository', StoreRepository],
    ['Magento\\Store\\Model\\WebsiteRepository', WebsiteRepository],
    ['Magento\\Store\\Model\\GroupRepository', GroupRepository],
    ['Lac\\Framework\\Cache\\CacheGenerations', CacheGenerations],
    ['Lac\\Framework\\Cache\\ResourceModel\\CacheGeneration', CacheGeneration],
  ],
  contracts: [StoreRepositoryContract, WebsiteRepositoryContract, GroupRepositoryContract],
  dataTypes: [StoreInterface, WebsiteInterface, GroupInterface],
};
