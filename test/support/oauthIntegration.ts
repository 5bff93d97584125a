import { PassThrough } from 'node:stream';
import type { Application } from '../../src/bootstrap.ts';
import type { CommandContext } from '../../src/cli/Command.ts';
import { IntegrationCreateCommand } from '../../src/cli/commands/IntegrationCreateCommand.ts';

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
