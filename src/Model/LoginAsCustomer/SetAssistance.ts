import { inject, injectable } from 'inversify';
import type { SetAssistanceInterface } from '../../Api/LoginAsCustomer/SetAssistanceInterface.ts';
import { AssistanceAllowedResource } from '../ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';

/** Magento's `Magento\LoginAsCustomerAssistance\Model\SetAssistance`. */
@injectable()
export class SetAssistance implements SetAssistanceInterface {
  constructor(@inject(AssistanceAllowedResource) private readonly resource: AssistanceAllowedResource) {}

  async execute(customerId: number, isEnabled: boolean): Promise<void> {
    if (isEnabled) await this.resource.allow(customerId);
    else await this.resource.deny(customerId);
  }
}
