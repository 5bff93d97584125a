import { IntegrationService } from '../../Model/Integration/Oauth/IntegrationService.ts';
import { CliError, type Command } from '../Command.ts';

const list = (value: unknown): string[] =>
  (typeof value === 'string' ? value.split(',') : []).map((v) => v.trim()).filter((v) => v !== '');

/**
 * Not a Magento command (Magento creates integrations in the admin panel or from etc/integration/*.xml): creates
 * an integration stored as Magento stores it and, like the panel's "Activate", either issues its access token
 * at once or, with `--handshake`, leaves it where Magento leaves it before the OAuth handshake (a verifier
 * token, no access token; posted to `--endpoint` when given). Prints one JSON object with the credentials.
 */
export const IntegrationCreateCommand: Command = {
  name: 'integration:create',
  description: 'Creates and activates an integration (OAuth 1.0a consumer) and prints its credentials as JSON',
  usage: '--name=<name> --email=<email> (--resources=<id,id,…> | --all-resources) [--handshake [--endpoint=<url>]]',
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    resources: { type: 'string' },
    'all-resources': { type: 'boolean' },
    handshake: { type: 'boolean' },
    endpoint: { type: 'string' },
  },
  help: [
    '--name           (Required) Integration name (unique)',
    '--email          (Required) Contact e-mail address',
    '--resources      Comma-separated ACL resource ids the integration may use, e.g. Magento_Customer::customer',
    '--all-resources  Grant every resource (Magento_Backend::all)',
    '--handshake      Do not issue the access token: print the oauth_verifier for /oauth/token/request and /oauth/token/access',
    '--endpoint       With --handshake: URL the consumer key, secret and verifier are posted to',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento integration:create --help.`);
    const name = typeof options.name === 'string' ? options.name.trim() : '';
    const email = typeof options.email === 'string' ? options.email.trim() : '';
    const resources = list(options.resources);
    const all = options['all-resources'] === true;
    if (name === '') throw new CliError('Missing required option --name. Run bin/magento integration:create --help.');
    if (email === '') throw new CliError('Missing required option --email. Run bin/magento integration:create --help.');
    if (all === (resources.length > 0)) {
      throw new CliError('Give either --resources=<id,id,…> or --all-resources. Run bin/magento integration:create --help.');
    }
    const endpoint = typeof options.endpoint === 'string' ? options.endpoint.trim() : undefined;
    if (endpoint !== undefined && options.handshake !== true) throw new CliError('--endpoint needs --handshake.');
    if (endpoint !== undefined && !/^https?:\/\/\S+$/i.test(endpoint)) throw new CliError(`Invalid endpoint URL "${endpoint}".`);
    const app = await ctx.application();
    const integrations = app.container.get(IntegrationService);
    let created;
    try {
      created = await integrations.create({ name, email, endpoint: endpoint ?? null, resources: all ? 'all' : resources });
    } catch (error) {
      if (error instanceof Error && 'phrase' in error) throw new CliError(error.message);
      throw error;
    }
    if (options.handshake === true) {
      const { oauth_verifier } = await integrations.startHandshake(created.id);
      ctx.out.write(`${JSON.stringify({ ...created, oauth_verifier })}\n`);
      return 0;
    }
    const access = await integrations.activate(created.id);
    ctx.out.write(`${JSON.stringify({ ...created, ...access })}\n`);
    return 0;
  },
};
