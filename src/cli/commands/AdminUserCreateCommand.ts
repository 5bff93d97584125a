import { AdminUserManagement } from '../../Model/User/AdminUserManagement.ts';
import { CliError, type Command } from '../Command.ts';
import { ADMIN_OPTIONS, adminInput } from './adminOptions.ts';


/**
 * Magento's `admin:user:create` (`Magento\Setup\Console\Command\AdminUserCreateCommand`): validates
 * with UserValidationRules, then creates an active admin in the "Administrators" role
 * (`Magento_Backend::all`), or updates the admin whose username and e-mail both match.
 */
export const AdminUserCreateCommand: Command = {
  name: 'admin:user:create',
  description: 'Creates an administrator',
  usage: '--admin-user=<username> --admin-password=<password> --admin-email=<email> --admin-firstname=<name> --admin-lastname=<name>',
  options: ADMIN_OPTIONS,
  help: [
    '--admin-user       (Required) Admin user',
    '--admin-password   (Required) Admin password',
    '--admin-email      (Required) Admin email',
    '--admin-firstname  (Required) Admin first name',
    '--admin-lastname   (Required) Admin last name',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento admin:user:create --help.`);
    const input = adminInput(options);
    const app = await ctx.application();
    const admins = app.container.get(AdminUserManagement);
    const errors = admins.validate(input);
    if (errors.length > 0) {
      for (const error of errors) ctx.err.write(`${error}\n`);
      return 1;
    }
    await admins.createOrUpdateAdministrator(input);
    ctx.out.write(`Created Magento administrator user named ${input.username}\n`);
    return 0;
  },
};
