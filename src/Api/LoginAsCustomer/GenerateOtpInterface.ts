import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';
import { OTP_INTERFACE, type Otp } from './Data/OtpInterface.ts';

export const GENERATE_OTP_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\GenerateOtpInterface';

/**
 * The shape of Adobe Commerce as a Cloud Service's `POST /V1/customer/:customerId/otp`
 * (`{"reason": …}` → `{"otp": …}`, ACL `Magento_LoginAsCustomer::login`). The code returned here is a
 * regular secret: the same checks, lifetime, single use and audit as `POST /V1/login-as-customer/secret`.
 */
export interface GenerateOtpInterface {
  execute(customerId: number, reason?: string | null, storeId?: number | null): Promise<Otp>;
}

export const GenerateOtpContract: ServiceContract = {
  name: GENERATE_OTP_INTERFACE,
  methods: {
    execute: {
      description: 'Generate a one-time Login as Customer code (Adobe Commerce as a Cloud Service shape).',
      parameters: [
        { name: 'customerId', type: 'int', required: true },
        { name: 'reason', type: 'string', required: false, description: 'Kept in the audit log.' },
        { name: 'storeId', type: 'int', required: false, description: 'Extension: needed when store view manual choice is enabled.' },
      ],
      returns: OTP_INTERFACE,
    },
  },
};
