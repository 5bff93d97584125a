import { inject, injectable } from 'inversify';
import { ADDRESS_INTERFACE } from '../../../Api/Customer/Data/CustomerInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { ContractRegistry } from '../../../Framework/Webapi/ServiceContract.ts';
import { AttributeMetadataProvider } from './AttributeMetadataProvider.ts';
import { EntityMetadata } from './EntityMetadata.ts';

/** Magento's `Magento\Customer\Model\Metadata\AddressMetadata` (entity type `customer_address`). */
@injectable()
export class AddressMetadata extends EntityMetadata {
  constructor(
    @inject(AttributeMetadataProvider) provider: AttributeMetadataProvider,
    @inject(TYPES.ContractRegistry) contracts: ContractRegistry,
  ) {
    super('customer_address', ADDRESS_INTERFACE, provider, contracts);
  }
}
