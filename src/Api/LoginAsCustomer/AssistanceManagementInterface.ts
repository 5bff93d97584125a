import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

export const ASSISTANCE_MANAGEMENT_INTERFACE = 'Magento\\LoginAsCustomerAssistance\\Api\\AssistanceManagementInterface';

/**
 * The customer's opt-in over REST (Magento only has it on the storefront account form and the admin
 * customer form): `PUT /V1/login-as-customer/assistance/:customerId` for admins,
 * `GET|PUT /V1/login-as-customer/assistance/me` for the customer (customerId forced from the token).
 */
export interface AssistanceManagementInterface {
  /** Whether the customer allows remote shopping assistance. */
  get(customerId: number): Promise<boolean>;
  /**
   * Sets the opt-in; returns the new value. Denying makes pending secrets for the customer unusable
   * (they are re-checked at validate/exchange); tokens already issued stay valid until they expire.
   */
  set(customerId: number, isAllowed: boolean): Promise<boolean>;
}

export const AssistanceManagementContract: ServiceContract = {
  name: ASSISTANCE_MANAGEMENT_INTERFACE,
  methods: {
    get: {
      description: 'Whether the customer allows Login as Customer (remote shopping assistance).',
      parameters: [{ name: 'customerId', type: 'int', required: true }],
      returns: 'bool',
    },
    set: {
      description: 'Allow or deny Login as Customer for the customer.',
      parameters: [
        { name: 'customerId', type: 'int', required: true },
        { name: 'isAllowed', type: 'bool', required: true },
      ],
      returns: 'bool',
    },
  },
};
