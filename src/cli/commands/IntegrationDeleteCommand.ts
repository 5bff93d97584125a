import { IntegrationService } from '../../Model/Integration/Oauth/IntegrationService.ts';
import { CliError, type Command } from '../Command.ts';

/** Deletes an integration with its OAuth consumer, tokens, nonces and ACL role, as Magento's panel does. */
export const IntegrationDeleteCommand: Command = {
  name: 'integration:delete',
  description: 'Deletes an integration (its consumer, tokens and ACL role go with it)',
  usage: '(--name=<name> | --id=<id>)',
  options: { name: { type: 'string' }, id: { type: 'string' } },
  help: ['--name  Integration name', '--id    Integration id'],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento integration:delete --help.`);
    const app = await ctx.application();
    const integrations = app.container.get(IntegrationService);
    let id: number | undefined;
    if (typeof options.id === 'string' && /^\d+$/.test(options.id)) id = Number(options.id);
    else if (typeof options.name === 'string') id = (await integrations.findByName(options.name.trim()))?.integration_id;
    else throw new CliError('Give --name=<name> or --id=<id>. Run bin/magento integration:delete --help.');
    if (id === undefined) throw new CliError(`The integration "${String(options.name)}" doesn't exist.`);
    try {
      const deleted = await integrations.delete(id);
      ctx.out.write(`${JSON.stringify({ id: deleted.integration_id, name: deleted.name, deleted: true })}\n`);
    } catch (error) {
      if (error instanceof Error && 'phrase' in error) throw new CliError(error.message);
      throw error;
    }
    return 0;
  },
};
