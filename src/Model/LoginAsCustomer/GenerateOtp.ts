import { inject, injectable } from 'inversify';
import type { Otp } from '../../Api/LoginAsCustomer/Data/OtpInterface.ts';
import type { GenerateAuthenticationSecretInterface } from '../../Api/LoginAsCustomer/GenerateAuthenticationSecretInterface.ts';
import type { GenerateOtpInterface } from '../../Api/LoginAsCustomer/GenerateOtpInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';

/**
 * Adobe Commerce as a Cloud Service's `POST /V1/customer/:customerId/otp` shape. Adobe documents a
 * 32-character hex code exchanged through GraphQL; here the code is a regular secret (same checks,
 * lifetime, single use and audit), exchanged at `POST /V1/login-as-customer/token`.
 */
@injectable()
export class GenerateOtp implements GenerateOtpInterface {
  constructor(
    @inject(TYPES.LacGenerateAuthenticationSecret) private readonly generate: GenerateAuthenticationSecretInterface,
  ) {}

  async execute(customerId: number, reason?: string | null, storeId?: number | null): Promise<Otp> {
    const generated = await this.generate.execute(customerId, storeId ?? null, reason ?? null, null);
    return { otp: generated.secret };
  }
}
