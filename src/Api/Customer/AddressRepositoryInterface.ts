import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { ADDRESS_INTERFACE, type AddressData } from './Data/AddressInterface.ts';

/** Magento's `Magento\Customer\Api\AddressRepositoryInterface` (the methods its webapi.xml routes). */
export interface AddressRepositoryInterface {
  getById(addressId: number): Promise<AddressData>;
  deleteById(addressId: number): Promise<boolean>;
}

export const AddressRepositoryContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\AddressRepositoryInterface',
  methods: {
    getById: {
      description: 'Retrieve customer address.',
      parameters: [{ name: 'addressId', type: 'int', required: true }],
      returns: ADDRESS_INTERFACE,
    },
    deleteById: {
      description: 'Delete customer address by ID.',
      parameters: [{ name: 'addressId', type: 'int', required: true }],
      returns: 'bool',
    },
  },
};
