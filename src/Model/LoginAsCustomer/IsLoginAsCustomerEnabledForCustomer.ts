import { inject, injectable } from 'inversify';
import type { ConfigInterface } from '../../Api/LoginAsCustomer/ConfigInterface.ts';
import type { IsAssistanceEnabledInterface } from '../../Api/LoginAsCustomer/IsAssistanceEnabledInterface.ts';
import type {
  IsLoginAsCustomerEnabledForCustomerInterface,
  IsLoginAsCustomerEnabledForCustomerResult,
} from '../../Api/LoginAsCustomer/IsLoginAsCustomerEnabledForCustomerInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { __, type Phrase } from '../../Framework/Exception/Phrase.ts';

/** Magento's texts (LoginAsCustomer IsLoginAsCustomerEnabledResolver, LoginAsCustomerAssistance resolver). */
export const DISABLED_MESSAGE = 'Login as Customer is disabled.';
export const ASSISTANCE_DISABLED_MESSAGE = 'Login as Customer assistance is disabled for this Customer.';

/**
 * Magento's resolver chain (`IsLoginAsCustomerEnabledForCustomerChain` with the LoginAsCustomer and
 * LoginAsCustomerAssistance resolvers): every objection is collected, in that order.
 */
@injectable()
export class IsLoginAsCustomerEnabledForCustomer implements IsLoginAsCustomerEnabledForCustomerInterface {
  constructor(
    @inject(TYPES.LacConfig) private readonly config: ConfigInterface,
    @inject(TYPES.LacIsAssistanceEnabled) private readonly isAssistanceEnabled: IsAssistanceEnabledInterface,
  ) {}

  async execute(customerId: number): Promise<IsLoginAsCustomerEnabledForCustomerResult> {
    const messages: Phrase[] = [];
    if (!(await this.config.isEnabled())) messages.push(__(DISABLED_MESSAGE));
    if (!(await this.isAssistanceEnabled.execute(customerId))) messages.push(__(ASSISTANCE_DISABLED_MESSAGE));
    const frozen = Object.freeze(messages);
    return {
      isEnabled: () => frozen.length === 0,
      getMessages: () => frozen,
    };
  }
}
