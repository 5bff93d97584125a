import { inject, injectable } from 'inversify';
import type { CustomerGroupConfigInterface } from '../../Api/Customer/CustomerGroupConfigInterface.ts';
import type { ConfigWriterInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { GroupRepository } from './GroupRepository.ts';

/**
 * Magento's `Magento\Customer\Model\CustomerGroupConfig`: makes an existing group the default for
 * new accounts (`customer/create_account/default_group`, default scope) and returns its id.
 */
@injectable()
export class CustomerGroupConfig implements CustomerGroupConfigInterface {
  constructor(
    @inject(GroupRepository) private readonly groups: GroupRepository,
    @inject(TYPES.ConfigWriter) private readonly writer: ConfigWriterInterface,
  ) {}

  async setDefaultCustomerGroup(id: number): Promise<number> {
    await this.groups.getById(id);
    await this.writer.save('customer/create_account/default_group', String(id));
    return id;
  }
}
