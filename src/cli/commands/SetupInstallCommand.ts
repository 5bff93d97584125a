import { describeDatabase } from '../../Framework/Config/DeploymentConfig.ts';
import { ETC_DIR } from '../../bootstrap.ts';
import { ConfigBasedIntegrationManager } from '../../Model/Integration/Oauth/ConfigBasedIntegrationManager.ts';
import { readIntegrationConfig } from '../../Model/Integration/Oauth/IntegrationConfigReader.ts';
import { AdminUserManagement } from '../../Model/User/AdminUserManagement.ts';
import { CliError, type Command } from '../Command.ts';
import { ADMIN_OPTIONS, ADMIN_OPTION_NAMES, adminInput, optionString } from './adminOptions.ts';


/**
 * Magento's `setup:install`, for what this service owns: creates the missing tables of etc/db_schema.xml and
 * runs the data patches (never dropping or altering a table, so it is safe beside a real Magento and on every
 * run), then — when the `--admin-*` options are given, which Magento 2.4 also makes optional — creates or
 * updates the first administrator, as `admin:user:create` does. The database comes from the environment
 * (DATABASE_URL, MAGENTO_ENV_PHP, or the embedded SQLite file), not from Magento's `--db-*` options.
 *
 * Prints Magento's `[Progress: n / total]` lines and one summary line (tables created/existing, patches, admin,
 * duration) so long runs in CI logs show where they are and what they did. The password is never printed.
 */
export const SetupInstallCommand: Command = {
  name: 'setup:install',
  description: 'Installs the database schema and data patches, and optionally the first administrator',
  usage: '[--admin-user=<username> --admin-password=<password> --admin-email=<email> --admin-firstname=<name> --admin-lastname=<name>]',
  options: ADMIN_OPTIONS,
  help: [
    '--admin-user       Admin user (with the other --admin-* options: create the first administrator)',
    '--admin-password   Admin password',
    '--admin-email      Admin email',
    '--admin-firstname  Admin first name',
    '--admin-lastname   Admin last name',
    'The database is the configured one: DATABASE_URL=mysql://…, MAGENTO_ENV_PHP=…/app/etc/env.php, or var/magento.sqlite.',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento setup:install --help.`);
    const given = ADMIN_OPTION_NAMES.filter((name) => optionString(options[name]) !== undefined);
    if (given.length > 0 && given.length < ADMIN_OPTION_NAMES.length) {
      const missing = ADMIN_OPTION_NAMES.filter((name) => !given.includes(name)).map((name) => `--${name}`);
      throw new CliError(`Missing ${missing.join(', ')}: the --admin-* options go together. Run bin/magento setup:install --help.`);
    }
    const withAdmin = given.length === ADMIN_OPTION_NAMES.length;
    const steps = withAdmin ? 2 : 1;
    const started = process.hrtime.bigint();

    ctx.out.write('Starting Magento installation:\n');
    ctx.out.write(`[Progress: 1 / ${steps}] Installing schema and data patches\n`);
    const app = await ctx.application();
    const report = app.installReport ?? { created: [], existing: [], patches: [] };
    ctx.out.write(`Database: ${describeDatabase(app.deployment.database)}${app.deployment.tablePrefix ? ` (table prefix ${app.deployment.tablePrefix})` : ''}\n`);
    if (report.created.length > 0) ctx.out.write(`Tables created: ${report.created.join(', ')}\n`);
    // Magento's setup creates the integrations modules declare in etc/integration/config.xml and api.xml.
    const declared = readIntegrationConfig(ETC_DIR);
    if (declared.size > 0) {
      for (const { name, outcome } of await app.container.get(ConfigBasedIntegrationManager).process(declared)) {
        ctx.out.write(`Integration "${name}": ${outcome}\n`);
      }
    }

    let adminSummary = 'no admin user (no --admin-* options)';
    if (withAdmin) {
      const input = adminInput(options);
      ctx.out.write(`[Progress: 2 / ${steps}] Installing admin user ${input.username}\n`);
      if (!app.container.isBound(AdminUserManagement)) throw new CliError('The identity module is not installed: cannot create an admin user.');
      const admins = app.container.get(AdminUserManagement);
      const errors = admins.validate(input);
      if (errors.length > 0) {
        for (const error of errors) ctx.err.write(`${error}\n`);
        return 1;
      }
      const { created } = await admins.createOrUpdateAdministrator(input);
      adminSummary = `admin user ${input.username} ${created ? 'created' : 'updated'}`;
      ctx.out.write(`${created ? 'Created' : 'Updated'} Magento administrator user named ${input.username}\n`);
    }

    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    ctx.out.write(
      `Summary: ${report.created.length} tables created, ${report.existing.length} already present, ` +
        `${report.patches.length} data patches applied, ${adminSummary}, ${seconds.toFixed(2)} s\n`,
    );
    ctx.out.write('[SUCCESS]: Magento installation complete.\n');
    return 0;
  },
};
