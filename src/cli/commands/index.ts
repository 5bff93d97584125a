import type { Command } from '../Command.ts';
import { ConfigSetCommand } from './ConfigSetCommand.ts';
import { ConfigShowCommand } from './ConfigShowCommand.ts';
import { AdminRoleCreateCommand } from './AdminRoleCreateCommand.ts';
import { AdminUserCreateCommand } from './AdminUserCreateCommand.ts';
import { CustomerCreateCommand } from './CustomerCreateCommand.ts';
import { IntegrationCreateCommand } from './IntegrationCreateCommand.ts';
import { IntegrationDeleteCommand } from './IntegrationDeleteCommand.ts';
import { IntegrationListCommand } from './IntegrationListCommand.ts';
import { SetupInstallCommand } from './SetupInstallCommand.ts';
import { ServeCommand } from './ServeCommand.ts';
import { CronRunCommand } from './CronRunCommand.ts';

/** Every bin/magento command, in the order `bin/magento list` shows them. */
export const COMMANDS: readonly Command[] = [
  SetupInstallCommand,
  ConfigSetCommand,
  ConfigShowCommand,
  AdminUserCreateCommand,
  AdminRoleCreateCommand,
  CustomerCreateCommand,
  IntegrationCreateCommand,
  IntegrationListCommand,
  IntegrationDeleteCommand,
  ServeCommand,
  CronRunCommand,
];
