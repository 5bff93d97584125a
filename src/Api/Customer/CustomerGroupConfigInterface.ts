import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Customer\Api\CustomerGroupConfigInterface`. */
export interface CustomerGroupConfigInterface {
  setDefaultCustomerGroup(id: number): Promise<number>;
}

export const CustomerGroupConfigContract: ServiceContract = {
  name: 'Magento\\Customer\\Api\\CustomerGroupConfigInterface',
  methods: {
    setDefaultCustomerGroup: {
      description: 'Set system default customer group.',
      parameters: [{ name: 'id', type: 'int', required: true }],
      returns: 'int',
    },
  },
};
