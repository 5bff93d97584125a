import { CleanHistory } from '../../Model/LoginAsCustomer/Cron/CleanHistory.ts';
import { CliError, type Command } from '../Command.ts';

/**
 * Magento's `cron:run`, for the one job this service has: the Login as Customer history cleanup (consumed
 * secrets no longer needed, audit entries past `login_as_customer/history/audit_log_lifetime`, the audit
 * count). Prints what it did as one JSON line. Safe to run from several hosts' crontabs at once.
 */
export const CronRunCommand: Command = {
  name: 'cron:run',
  description: 'Runs jobs by schedule',
  usage: '[--group=<group>]',
  options: { group: { type: 'string' } },
  help: [
    '--group  Run jobs only from specified group (this service has one job, in group "default")',
    'Job: Login as Customer history cleanup (consumed secrets, audit log retention). Output: one JSON line.',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento cron:run --help.`);
    const group = options.group as string | undefined;
    if (group !== undefined && group !== 'default') {
      ctx.out.write(`${JSON.stringify({ group, jobs: [] })}\n`);
      return 0;
    }
    const app = await ctx.application();
    const report = await app.container.get(CleanHistory).execute();
    ctx.out.write(`${JSON.stringify({ job: 'login_as_customer_clean_history', ...report })}\n`);
    return 0;
  },
};
