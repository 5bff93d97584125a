import type { ServiceContract } from '../../Framework/Webapi/ServiceContract.ts';

export const GENERATE_LOGIN_CUSTOMER_TOKEN_INTERFACE = 'Magento\\LoginAsCustomerApi\\Api\\GenerateLoginCustomerTokenInterface';

/**
 * The shape of Magento pull request #40310: `POST /V1/integration/customer/login-as-customer`
 * `{"secret": "…"}` → customer token string, ACL `Magento_LoginAsCustomerApi::token`.
 */
export interface GenerateLoginCustomerTokenInterface {
  createCustomerAccessToken(secret: string): Promise<string>;
}

export const GenerateLoginCustomerTokenContract: ServiceContract = {
  name: GENERATE_LOGIN_CUSTOMER_TOKEN_INTERFACE,
  methods: {
    createCustomerAccessToken: {
      description: 'Create a customer access token from a Login as Customer secret (Magento PR #40310).',
      parameters: [{ name: 'secret', type: 'string', required: true }],
      returns: 'string',
    },
  },
};
