import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

export const END_LOGIN_AS_CUSTOMER_SESSIONS_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\EndLoginAsCustomerSessionsInterface';

/**
 * `DELETE /V1/login-as-customer/session`: the calling admin ends its own sessions (all, or the one with
 * `customerId`): pending secrets stop working and customer tokens issued through the sessions are revoked.
 */
export interface EndLoginAsCustomerSessionsInterface {
  /** Returns whether a session was ended. */
  execute(customerId?: number | null, adminId?: number | null): Promise<boolean>;
}

export const EndLoginAsCustomerSessionsContract: ServiceContract = {
  name: END_LOGIN_AS_CUSTOMER_SESSIONS_INTERFACE,
  methods: {
    execute: {
      description: "End the calling admin's Login as Customer sessions and revoke tokens issued through them.",
      parameters: [
        { name: 'customerId', type: 'int', required: false, description: 'Only the session on this customer.' },
        { name: 'adminId', type: 'int', required: false, description: 'Integration callers only: whose sessions to end.' },
      ],
      returns: 'bool',
    },
  },
};
