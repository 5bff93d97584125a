import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const OTP_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\Data\\OtpInterface';

/** The body of Adobe Commerce as a Cloud Service's `POST /V1/customer/:customerId/otp` answer. */
export interface Otp {
  otp: string;
}

export const OtpDeclaration: DataInterfaceDeclaration = {
  name: OTP_INTERFACE,
  description: 'One-time code for Login as Customer (here: the secret, exchangeable at POST /V1/login-as-customer/token).',
  fields: [{ name: 'otp', type: 'string', required: true }],
};
