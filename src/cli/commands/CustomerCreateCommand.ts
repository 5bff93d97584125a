import type { AccountManagementInterface } from '../../Api/Customer/AccountManagementInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { StoreManager } from '../../Model/Store/StoreManager.ts';
import { CliError, type Command } from '../Command.ts';
import { optionString } from './adminOptions.ts';


/**
 * Creates a customer account the way `POST /V1/customers` does (same password policy and
 * messages). Not a Magento core command; for test set-ups and the embedded demo.
 */
export const CustomerCreateCommand: Command = {
  name: 'customer:create',
  description: 'Creates a customer account',
  usage: '--email=<email> --password=<password> --firstname=<name> --lastname=<name> [--website-id=<id>]',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    firstname: { type: 'string' },
    lastname: { type: 'string' },
    'website-id': { type: 'string' },
  },
  help: [
    '--email       (Required) Customer e-mail address',
    '--password    (Required) Password (customer/password/* rules apply)',
    '--firstname   (Required) First name',
    '--lastname    (Required) Last name',
    '--website-id  Website id (default: the default website)',
  ],
  async run(ctx, options, args) {
    if (args.length > 0) throw new CliError(`Unexpected argument "${args[0]}". Run bin/magento customer:create --help.`);
    const missing = ['email', 'password', 'firstname', 'lastname'].filter((name) => !optionString(options[name]));
    if (missing.length > 0) {
      throw new CliError(`Missing required option(s): ${missing.map((m) => `--${m}`).join(', ')}. Run bin/magento customer:create --help.`);
    }
    const app = await ctx.application();
    let websiteId: number | undefined;
    const websiteOption = optionString(options['website-id']);
    if (websiteOption !== undefined) {
      websiteId = Number(websiteOption);
      const website = Number.isInteger(websiteId) ? await app.container.get(StoreManager).getWebsiteById(websiteId) : undefined;
      if (!website || website.website_id === 0) throw new CliError(`The website with id "${websiteOption}" doesn't exist.`);
    }
    const accounts = app.container.get<AccountManagementInterface>(TYPES.AccountManagement);
    const customer = await accounts.createAccount(
      {
        email: optionString(options.email),
        firstname: optionString(options.firstname),
        lastname: optionString(options.lastname),
        ...(websiteId !== undefined ? { website_id: websiteId } : {}),
      },
      optionString(options.password),
    );
    ctx.out.write(`Created customer #${customer.id} ${customer.email} in website ${customer.website_id}\n`);
    return 0;
  },
};
