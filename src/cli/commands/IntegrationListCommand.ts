import { IntegrationService } from '../../Model/Integration/Oauth/IntegrationService.ts';
import { CliError, type Command } from '../Command.ts';

const STATUS: Readonly<Record<number, string>> = { 0: 'inactive', 1: 'active', 2: 'recreated' };

/** Lists integrations as JSON (ids, names, status; never a key, secret or token). */
export const IntegrationListCommand: Command = {
  name: 'integration:list',
  description: 'Lists integrations as JSON (no credentials)',
  usage: '',
  options: {},
  help: [],
  async run(ctx, _options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento integration:list --help.`);
    const app = await ctx.application();
    const rows = await app.container.get(IntegrationService).list();
    const out = rows.map((r) => ({
      id: r.integration_id,
      name: r.name,
      email: r.email,
      status: STATUS[r.status] ?? String(r.status),
      setup_type: r.setup_type === 1 ? 'config' : 'manual',
      endpoint: r.endpoint,
    }));
    ctx.out.write(`${JSON.stringify(out)}\n`);
    return 0;
  },
};
