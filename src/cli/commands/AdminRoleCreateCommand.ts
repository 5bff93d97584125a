import { RoleManagement } from '../../Model/Authorization/RoleManagement.ts';
import { AdminUserManagement } from '../../Model/User/AdminUserManagement.ts';
import { CliError, type Command } from '../Command.ts';

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * Not a Magento command (Magento edits roles in the admin panel only): creates an admin role
 * allowed the given ACL resources — with their sub-resources, as the panel's role tree posts them —
 * and makes it the role of the given admin users. Stored as Magento stores roles, so a real Magento
 * shows and enforces it too.
 */
export const AdminRoleCreateCommand: Command = {
  name: 'admin:role:create',
  description: 'Creates an admin role with the given ACL resources and assigns admin users to it',
  usage: '--role-name=<name> --resource=<ACL id> [--resource=<ACL id> …] [--user=<username> …]',
  options: {
    'role-name': { type: 'string' },
    resource: { type: 'string', multiple: true },
    user: { type: 'string', multiple: true },
  },
  help: [
    '--role-name  (Required) Name of the new role',
    '--resource   (Required) ACL resource id (repeatable, or comma-separated), e.g. Magento_Customer::customer;',
    '             Magento_Backend::all grants everything',
    '--user       Admin username to assign to the role (repeatable); replaces that admin\'s current role',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento admin:role:create --help.`);
    const name = typeof options['role-name'] === 'string' ? options['role-name'].trim() : '';
    const resources = list((options as Record<string, unknown>).resource);
    const usernames = list((options as Record<string, unknown>).user);
    if (name === '') throw new CliError('Missing required option --role-name. Run bin/magento admin:role:create --help.');
    if (resources.length === 0) throw new CliError('At least one --resource is required. Run bin/magento admin:role:create --help.');
    const app = await ctx.application();
    const admins = app.container.get(AdminUserManagement);
    const users = [];
    for (const username of usernames) {
      const user = await admins.findByUsername(username);
      if (!user) throw new CliError(`The admin user "${username}" doesn't exist.`);
      users.push(user);
    }
    const roles = app.container.get(RoleManagement);
    const role = await roles.createRole(name, resources);
    for (const user of users) await roles.assignAdmin(user.user_id, role.role_id, user.username ?? String(user.user_id));
    ctx.out.write(`Created role "${name}" (id ${role.role_id}) with ${resources.join(', ')}\n`);
    for (const user of users) ctx.out.write(`Assigned admin user ${user.username} to role "${name}"\n`);
    return 0;
  },
};
