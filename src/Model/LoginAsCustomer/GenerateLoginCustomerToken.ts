import { inject, injectable } from 'inversify';
import type { GenerateLoginCustomerTokenInterface } from '../../Api/LoginAsCustomer/GenerateLoginCustomerTokenInterface.ts';
import { AuthenticateCustomerBySecret } from './AuthenticateCustomerBySecret.ts';

/** Magento PR #40310's text for a switched-off feature on its route. */
export const MODULE_DISABLED_MESSAGE = 'Login As Customer module is disabled.';

/**
 * Magento PR #40310's `POST /V1/integration/customer/login-as-customer`: the same exchange as
 * `POST /V1/login-as-customer/token` (all checks, single use, audit), with the PR's disabled text.
 */
@injectable()
export class GenerateLoginCustomerToken implements GenerateLoginCustomerTokenInterface {
  constructor(@inject(AuthenticateCustomerBySecret) private readonly exchange: AuthenticateCustomerBySecret) {}

  createCustomerAccessToken(secret: string): Promise<string> {
    return this.exchange.exchange(secret, MODULE_DISABLED_MESSAGE);
  }
}
