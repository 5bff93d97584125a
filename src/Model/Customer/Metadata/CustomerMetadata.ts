import { inject, injectable } from 'inversify';
import { CUSTOMER_INTERFACE } from '../../../Api/Customer/Data/CustomerInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { ContractRegistry } from '../../../Framework/Webapi/ServiceContract.ts';
import { AttributeMetadataProvider } from './AttributeMetadataProvider.ts';
import { EntityMetadata } from './EntityMetadata.ts';

/** Magento's `Magento\Customer\Model\Metadata\CustomerMetadata` (entity type `customer`). */
@injectable()
export class CustomerMetadata extends EntityMetadata {
  constructor(
    @inject(AttributeMetadataProvider) provider: AttributeMetadataProvider,
    @inject(TYPES.ContractRegistry) contracts: ContractRegistry,
  ) {
    super('customer', CUSTOMER_INTERFACE, provider, contracts);
  }
}
