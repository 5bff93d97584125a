import type { ConfigWriterInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { StoreManager } from '../../Model/Store/StoreManager.ts';
import { CliError, type Command } from '../Command.ts';
import { resolveScope } from './scope.ts';

export const ConfigSetCommand: Command = {
  name: 'config:set',
  description: 'Change system configuration',
  usage: '<path> <value> [--scope=default|websites|stores] [--scope-code=<code>]',
  options: { scope: { type: 'string' }, 'scope-code': { type: 'string' } },
  help: [
    '--scope       Configuration scope: default, websites or stores (default: default)',
    '--scope-code  Website or store view code (or id) for the websites/stores scope',
  ],
  async run(ctx, options, args) {
    if (args.length !== 2) throw new CliError('Expected exactly two arguments: <path> <value>. Run bin/magento config:set --help.');
    const [path, value] = args as [string, string];
    const app = await ctx.application();
    if (!app.configDefaults.has(path)) {
      throw new CliError(`The "${path}" path doesn't exist. Verify and try again.`);
    }
    const { scope, scopeId } = await resolveScope(
      app.container.get(StoreManager),
      options.scope as string | undefined,
      options['scope-code'] as string | undefined,
    );
    await app.container.get<ConfigWriterInterface>(TYPES.ConfigWriter).save(path, value, scope, scopeId);
    ctx.out.write('Value was saved.\n');
    return 0;
  },
};
