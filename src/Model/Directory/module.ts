import type { ModuleDescriptor } from '../../Framework/App/ModuleDescriptor.ts';
import { AddressRepositoryContract } from '../../Api/Customer/AddressRepositoryInterface.ts';
import { CustomerGroupConfigContract } from '../../Api/Customer/CustomerGroupConfigInterface.ts';
import {
  AddressExtensionInterfaceDeclaration,
  AddressInterfaceDeclaration,
  RegionExtensionInterfaceDeclaration,
  RegionInterfaceDeclaration,
} from '../../Api/Customer/Data/AddressInterface.ts';
import {
  GroupExtensionInterfaceDeclaration,
  GroupInterfaceDeclaration,
  GroupSearchResultsInterfaceDeclaration,
} from '../../Api/Customer/Data/GroupInterface.ts';
import { GroupManagementContract } from '../../Api/Customer/GroupManagementInterface.ts';
import { GroupRepositoryContract } from '../../Api/Customer/GroupRepositoryInterface.ts';
import { CountryInformationAcquirerContract } from '../../Api/Directory/CountryInformationAcquirerInterface.ts';
import { CurrencyInformationAcquirerContract } from '../../Api/Directory/CurrencyInformationAcquirerInterface.ts';
import {
  CountryInformationExtensionInterfaceDeclaration,
  CountryInformationInterfaceDeclaration,
} from '../../Api/Directory/Data/CountryInformationInterface.ts';
import {
  CurrencyInformationInterfaceDeclaration,
  DirectoryExtensionInterfaceDeclarations,
  ExchangeRateInterfaceDeclaration,
} from '../../Api/Directory/Data/CurrencyInformationInterface.ts';
import {
  RegionInformationExtensionInterfaceDeclaration,
  RegionInformationInterfaceDeclaration,
} from '../../Api/Directory/Data/RegionInformationInterface.ts';
import { StoreConfigExtensionInterfaceDeclaration, StoreConfigInterfaceDeclaration } from '../../Api/Store/Data/StoreConfigInterface.ts';
import { StoreConfigManagerContract } from '../../Api/Store/StoreConfigManagerInterface.ts';
import { AddressRepository } from '../Customer/AddressRepository.ts';
import { AddressValidator } from '../Customer/AddressValidator.ts';
import { CustomerAddresses } from '../Customer/CustomerAddresses.ts';
import { CustomerGroupConfig } from '../Customer/CustomerGroupConfig.ts';
import { GroupManagement } from '../Customer/GroupManagement.ts';
import { GroupRepository } from '../Customer/GroupRepository.ts';
import { AddressResource } from '../ResourceModel/Customer/AddressResource.ts';
import { DefaultCustomerGroupsPatch } from '../ResourceModel/Customer/DefaultCustomerGroupsPatch.ts';
import { GroupResource } from '../ResourceModel/Customer/GroupResource.ts';
import { DirectoryResource } from '../ResourceModel/Directory/DirectoryResource.ts';
import { InitializeDirectoryDataPatch } from '../ResourceModel/Directory/InitializeDirectoryDataPatch.ts';
import { StoreConfigManager } from '../Store/StoreConfigManager.ts';
import { CountryInformationAcquirer } from './CountryInformationAcquirer.ts';
import { CurrencyInformationAcquirer } from './CurrencyInformationAcquirer.ts';
import { DirectoryData } from './DirectoryData.ts';

/**
 * Customer data (issue 10 part A): Magento_Directory (countries, regions, currencies), Magento_Customer's addresses
 * and customer groups (with Magento_Tax's tax classes), and Magento_Store's StoreConfigManager. Interface → class
 * preferences are in etc/di.xml.
 */
export const DirectoryModule: ModuleDescriptor = {
  name: 'Directory',
  classes: [
    ['Magento\\Directory\\Model\\ResourceModel\\Country', DirectoryResource],
    ['Magento\\Directory\\Helper\\Data', DirectoryData],
    ['Magento\\Directory\\Model\\CountryInformationAcquirer', CountryInformationAcquirer],
    ['Magento\\Directory\\Model\\CurrencyInformationAcquirer', CurrencyInformationAcquirer],
    ['Magento\\Customer\\Model\\ResourceModel\\Address', AddressResource],
    ['Magento\\Customer\\Model\\Address\\CompositeValidator', AddressValidator],
    ['Magento\\Customer\\Model\\ResourceModel\\Address\\Relation', CustomerAddresses],
    ['Magento\\Customer\\Model\\ResourceModel\\AddressRepository', AddressRepository],
    ['Magento\\Customer\\Model\\ResourceModel\\Group', GroupResource],
    ['Magento\\Customer\\Model\\ResourceModel\\GroupRepository', GroupRepository],
    ['Magento\\Customer\\Model\\GroupManagement', GroupManagement],
    ['Magento\\Customer\\Model\\CustomerGroupConfig', CustomerGroupConfig],
    ['Magento\\Store\\Model\\Service\\StoreConfigManager', StoreConfigManager],
  ],
  contracts: [
    CountryInformationAcquirerContract,
    CurrencyInformationAcquirerContract,
    AddressRepositoryContract,
    GroupRepositoryContract,
    GroupManagementContract,
    CustomerGroupConfigContract,
    StoreConfigManagerContract,
  ],
  dataTypes: [
    AddressInterfaceDeclaration,
    AddressExtensionInterfaceDeclaration,
    RegionInterfaceDeclaration,
    RegionExtensionInterfaceDeclaration,
    GroupInterfaceDeclaration,
    GroupExtensionInterfaceDeclaration,
    GroupSearchResultsInterfaceDeclaration,
    CountryInformationInterfaceDeclaration,
    CountryInformationExtensionInterfaceDeclaration,
    RegionInformationInterfaceDeclaration,
    RegionInformationExtensionInterfaceDeclaration,
    CurrencyInformationInterfaceDeclaration,
    ExchangeRateInterfaceDeclaration,
    ...DirectoryExtensionInterfaceDeclarations,
    StoreConfigInterfaceDeclaration,
    StoreConfigExtensionInterfaceDeclaration,
  ],
  dataPatches: [new InitializeDirectoryDataPatch(), new DefaultCustomerGroupsPatch()],
};
