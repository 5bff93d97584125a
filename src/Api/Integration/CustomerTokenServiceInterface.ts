import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Integration\Api\CustomerTokenServiceInterface`. */
export interface CustomerTokenServiceInterface {
  /** A JWT for the customer with this e-mail and password in the current website. */
  createCustomerAccessToken(username: string, password: string): Promise<string>;
  /** Revokes every token of the customer. */
  revokeCustomerAccessToken(customerId: number): Promise<boolean>;
}

export const CustomerTokenServiceContract: ServiceContract = {
  name: 'Magento\\Integration\\Api\\CustomerTokenServiceInterface',
  methods: {
    createCustomerAccessToken: {
      description: 'Create access token for admin given the customer credentials.',
      parameters: [
        { name: 'username', type: 'string', required: true },
        { name: 'password', type: 'string', required: true },
      ],
      returns: 'string',
    },
    revokeCustomerAccessToken: {
      description: 'Revoke token by customer id.',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: 'bool',
    },
  },
};
