import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { StoreManager } from '../../Model/Store/StoreManager.ts';
import { CliError, type Command } from '../Command.ts';
import { resolveScope } from './scope.ts';

export const ConfigShowCommand: Command = {
  name: 'config:show',
  description: 'Shows configuration value for given path. If path is not specified, all saved values will be shown',
  usage: '[<path>] [--scope=default|websites|stores] [--scope-code=<code>]',
  options: { scope: { type: 'string' }, 'scope-code': { type: 'string' } },
  help: [
    '--scope       Configuration scope: default, websites or stores (default: default)',
    '--scope-code  Website or store view code (or id) for the websites/stores scope',
  ],
  async run(ctx, options, args) {
    if (args.length > 1) throw new CliError('Expected at most one argument: [<path>].');
    const app = await ctx.application();
    const { scope, scopeCode } = await resolveScope(
      app.container.get(StoreManager),
      options.scope as string | undefined,
      options['scope-code'] as string | undefined,
    );
    const config = app.container.get<ScopeConfigInterface>(TYPES.ScopeConfig);
    const path = args[0];
    if (path !== undefined) {
      if (!app.configDefaults.has(path)) throw new CliError(`Configuration for path: "${path}" doesn't exist`);
      ctx.out.write(`${(await config.getValue(path, scope, scopeCode)) ?? ''}\n`);
      return 0;
    }
    for (const p of [...app.configDefaults.keys()].sort()) {
      ctx.out.write(`${p} - ${(await config.getValue(p, scope, scopeCode)) ?? ''}\n`);
    }
    return 0;
  },
};
