import type { ParseArgsConfig } from 'node:util';
import type { Application } from '../bootstrap.ts';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Builds (once) the application on the configured database, with its schema installed. */
  application(): Promise<Application>;
}

/** One `bin/magento <name>` command, in Magento's verb style. */
export interface Command {
  readonly name: string;
  readonly description: string;
  /** e.g. `<path> <value> [--scope=…] [--scope-code=…]` */
  readonly usage: string;
  readonly options: OptionsConfig;
  /** Longer help: one line per option. */
  readonly help: readonly string[];
  run(ctx: CommandContext, options: OptionValues, args: readonly string[]): Promise<number>;
}

/** A user error: printed without a stack, exit code 1. */
export class CliError extends Error {}
