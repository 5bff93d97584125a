import { parseArgs } from 'node:util';
import { LocalizedException } from '../Framework/Exception/LocalizedException.ts';
import { createApplication, type Application } from '../bootstrap.ts';
import { loadDeploymentConfig } from '../Framework/Config/DeploymentConfig.ts';
import { CliError, type Command, type CommandContext } from './Command.ts';
import { COMMANDS } from './commands/index.ts';

function printList(out: NodeJS.WritableStream): void {
  out.write('Usage: bin/magento <command> [options] [arguments]\n\nAvailable commands:\n');
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) out.write(`  ${c.name.padEnd(width)}  ${c.description}\n`);
  out.write('\nRun bin/magento <command> --help for a command\'s options.\n');
}

function printHelp(out: NodeJS.WritableStream, c: Command): void {
  out.write(`Description:\n  ${c.description}\n\nUsage:\n  bin/magento ${c.name} ${c.usage}\n`);
  if (c.help.length) out.write(`\nOptions:\n${c.help.map((h) => `  ${h}`).join('\n')}\n`);
  out.write('  -h, --help  Show this help\n');
}

/** Runs one command line; returns the exit code. Streams and env are injectable for tests. */
export async function runCli(
  argv: readonly string[],
  io: { out?: NodeJS.WritableStream; err?: NodeJS.WritableStream; env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<number> {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  const env = io.env ?? process.env;
  const [name, ...rest] = argv;
  if (!name || name === 'list' || name === '--help' || name === '-h') {
    printList(out);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err.write(`Command "${name}" is not defined.\n\n`);
    printList(err);
    return 1;
  }
  let app: Application | undefined;
  const ctx: CommandContext = {
    out,
    err,
    env,
    async application() {
      app ??= await createApplication({ deployment: loadDeploymentConfig(env) });
      return app;
    },
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new CliError(`${(e as Error).message}\nRun bin/magento ${command.name} --help for usage.`);
    }
    if (parsed.values.help) {
      printHelp(out, command);
      return 0;
    }
    return await command.run(ctx, parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (e) {
    if (e instanceof CliError || e instanceof LocalizedException) {
      err.write(`Error: ${e.message}\n`);
      return 1;
    }
    err.write(`Error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  } finally {
    if (app) await app.close();
  }
}
