import { inject, injectable } from 'inversify';
import type { IsAssistanceEnabledInterface } from '../../Api/LoginAsCustomer/IsAssistanceEnabledInterface.ts';
import { AssistanceAllowedResource } from '../ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';

/**
 * Magento's `Magento\LoginAsCustomerAssistance\Model\IsAssistanceEnabled`, without its per-process
 * cache: several instances share the database, so the row is read every time.
 */
@injectable()
export class IsAssistanceEnabled implements IsAssistanceEnabledInterface {
  constructor(@inject(AssistanceAllowedResource) private readonly resource: AssistanceAllowedResource) {}

  execute(customerId: number): Promise<boolean> {
    return this.resource.isAllowed(customerId);
  }
}
