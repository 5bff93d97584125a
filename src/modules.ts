import type { ModuleDescriptor } from './Framework/App/ModuleDescriptor.ts';
import { StoreModule } from './Model/Store/module.ts';
import { IdentityModule } from './Model/Identity/module.ts';
import { LoginAsCustomerModule } from './Model/LoginAsCustomer/module.ts';
import { DirectoryModule } from './Model/Directory/module.ts';

/** Every module of the application, in load order (a later module may observe an earlier one's events). */
export const MODULES: readonly ModuleDescriptor[] = [StoreModule, IdentityModule, LoginAsCustomerModule, DirectoryModule];
