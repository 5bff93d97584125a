import { inject, injectable } from 'inversify';
import type { AssistanceManagementInterface } from '../../Api/LoginAsCustomer/AssistanceManagementInterface.ts';
import type { IsAssistanceEnabledInterface } from '../../Api/LoginAsCustomer/IsAssistanceEnabledInterface.ts';
import type { SetAssistanceInterface } from '../../Api/LoginAsCustomer/SetAssistanceInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import type { CustomerRepositoryInterface } from '../../Api/Customer/CustomerRepositoryInterface.ts';

/** The opt-in routes: the customer must exist (404 `No such entity with %fieldName = %fieldValue` otherwise). */
@injectable()
export class AssistanceManagement implements AssistanceManagementInterface {
  constructor(
    @inject(TYPES.LacIsAssistanceEnabled) private readonly isAssistanceEnabled: IsAssistanceEnabledInterface,
    @inject(TYPES.LacSetAssistance) private readonly setAssistance: SetAssistanceInterface,
    @inject(TYPES.CustomerRepository) private readonly customers: CustomerRepositoryInterface,
  ) {}

  async get(customerId: number): Promise<boolean> {
    await this.assertExists(customerId);
    return this.isAssistanceEnabled.execute(customerId);
  }

  async set(customerId: number, isAllowed: boolean): Promise<boolean> {
    await this.assertExists(customerId);
    await this.setAssistance.execute(customerId, isAllowed);
    return isAllowed;
  }

  private async assertExists(customerId: number): Promise<void> {
    try {
      await this.customers.getById(customerId);
    } catch (error) {
      if (error instanceof NoSuchEntityException) {
        throw new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'customerId', fieldValue: customerId }), {
          cause: error,
        });
      }
      throw error;
    }
  }
}
