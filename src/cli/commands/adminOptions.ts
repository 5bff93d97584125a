import type { OptionsConfig, OptionValues } from '../Command.ts';

/** A string option's value; a flag given without a value (or absent) is undefined. */
export const optionString = (v: OptionValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);

/** Magento's `--admin-*` options, shared by admin:user:create and setup:install. */
export const ADMIN_OPTION_NAMES = ['admin-user', 'admin-password', 'admin-email', 'admin-firstname', 'admin-lastname'] as const;

export const ADMIN_OPTIONS: OptionsConfig = Object.fromEntries(ADMIN_OPTION_NAMES.map((n) => [n, { type: 'string' as const }]));

/** The admin user input the `--admin-*` options describe (missing ones empty, for the validator to name). */
export function adminInput(options: OptionValues): { username: string; password: string; email: string; firstname: string; lastname: string } {
  return {
    username: optionString(options['admin-user']) ?? '',
    password: optionString(options['admin-password']) ?? '',
    email: optionString(options['admin-email']) ?? '',
    firstname: optionString(options['admin-firstname']) ?? '',
    lastname: optionString(options['admin-lastname']) ?? '',
  };
}
