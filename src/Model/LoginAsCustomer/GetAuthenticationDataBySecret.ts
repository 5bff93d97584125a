import { inject, injectable } from 'inversify';
import type { AuthenticationData } from '../../Api/LoginAsCustomer/Data/AuthenticationDataInterface.ts';
import type { GetAuthenticationDataBySecretInterface } from '../../Api/LoginAsCustomer/GetAuthenticationDataBySecretInterface.ts';
import { formatDbDate } from '../../Framework/Stdlib/Clock.ts';
import { AuditLogger } from './AuditLogger.ts';
import { AuthenticationSecretValidator } from './AuthenticationSecretValidator.ts';
import { DISABLED_MESSAGE } from './IsLoginAsCustomerEnabledForCustomer.ts';
import { SecretRefusal } from './SecretRefusal.ts';

/** `POST /V1/login-as-customer/secret/validate`: every check of the exchange, without consuming the secret. */
@injectable()
export class GetAuthenticationDataBySecret implements GetAuthenticationDataBySecretInterface {
  constructor(
    @inject(AuthenticationSecretValidator) private readonly validator: AuthenticationSecretValidator,
    @inject(SecretRefusal) private readonly refusal: SecretRefusal,
    @inject(AuditLogger) private readonly audit: AuditLogger,
  ) {}

  async execute(secret: string): Promise<AuthenticationData> {
    const check = await this.validator.check(secret);
    if (!check.ok) throw await this.refusal.refuse(check, 'validate', DISABLED_MESSAGE);
    const valid = check.secret;
    await this.audit.write({
      event: 'validated',
      operation: 'validate',
      adminId: valid.payload.adminId,
      adminUsername: valid.adminUsername,
      customerId: valid.payload.customerId,
      customerEmail: valid.customer.email ?? null,
      storeId: valid.storeId,
      secretHash: valid.secretHash,
      secretExpiresAt: valid.expiresAt,
    });
    return {
      customer_id: valid.payload.customerId,
      admin_id: valid.payload.adminId,
      store_id: valid.storeId,
      expires_at: formatDbDate(valid.expiresAt * 1000),
    };
  }
}
