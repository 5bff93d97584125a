import { PassThrough } from 'node:stream';
import type { Application } from '../../src/bootstrap.ts';
import type { CommandContext } from '../../src/cli/Command.ts';
import { IntegrationCreateCommand } from '../../src/cli/commands/IntegrationCreateCommand.ts';
import { IntegrationService } from '../../src/Model/Integration/Oauth/IntegrationService.ts';
import { IntegrationRoleResource } from '../../src/Model/ResourceModel/Integration/IntegrationRoleResource.ts';
import { uniqueSuffix } from './databases.ts';

export interface PrintedCredentials {
  readonly id: number;
  readonly consumer_key: string;
  readonly consumer_secret: string;
  readonly access_token?: string;
  readonly access_token_secret?: string;
  readonly oauth_verifier?: string;
}

/** Runs `bin/magento integration:create …` against the test application and parses the one JSON line it prints. */
export async function createIntegrationByCli(application: Application, argv: Record<string, string | boolean>): Promise<PrintedCredentials> {
  const out = new PassThrough();
  let printed = '';
  out.on('data', (d: Buffer) => (printed += d.toString()));
  const ctx: CommandContext = { out, err: new PassThrough(), env: {}, application: () => Promise.resolve(application) };
  const code = await IntegrationCreateCommand.run(ctx, argv, []);
  if (code !== 0) throw new Error(`integration:create exited ${code}`);
  const lines = printed.trim().split('\n');
  if (lines.length !== 1) throw new Error(`integration:create printed ${lines.length} lines`);
  return JSON.parse(lines[0] as string) as PrintedCredentials;
}

export interface ActiveIntegration {
  readonly integrationId: number;
  /** The integration's own ACL role (user type 1), for tests that rewrite its rules. */
  readonly roleId: number;
  /** Its OAuth access token: a bearer token too when `oauth/consumer/enable_integration_as_bearer` is on. */
  readonly accessToken: string;
}

/** An active integration allowed `resources`, made as `bin/magento integration:create` makes one (IntegrationService). */
export async function createActiveIntegration(application: Application, resources: readonly string[]): Promise<ActiveIntegration> {
  const integrations = application.container.get(IntegrationService);
  const name = `integration_${uniqueSuffix()}`;
  const { id } = await integrations.create({ name, email: `${name}@example.com`, endpoint: null, resources });
  const { access_token } = await integrations.activate(id);
  const roleId = await application.container.get(IntegrationRoleResource).findRoleId(id);
  if (roleId === null) throw new Error(`integration ${id} has no ACL role`);
  return { integrationId: id, roleId, accessToken: access_token };
}
