import { inject, injectable } from 'inversify';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { ConfigInterface } from '../../Api/LoginAsCustomer/ConfigInterface.ts';
import type { AuthenticationSecret } from '../../Api/LoginAsCustomer/Data/AuthenticationSecretInterface.ts';
import type { GenerateAuthenticationSecretInterface } from '../../Api/LoginAsCustomer/GenerateAuthenticationSecretInterface.ts';
import type { IsLoginAsCustomerEnabledForCustomerInterface } from '../../Api/LoginAsCustomer/IsLoginAsCustomerEnabledForCustomerInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { AuthenticationDataResource } from '../ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { ActingAdminResolver, type ActingAdmin } from './ActingAdminResolver.ts';
import { AuditLogger } from './AuditLogger.ts';
import { AuthenticationSecretCodec } from './AuthenticationSecretCodec.ts';
import type { CustomerRepositoryInterface } from '../../Api/Customer/CustomerRepositoryInterface.ts';
import { DISABLED_MESSAGE } from './IsLoginAsCustomerEnabledForCustomer.ts';
import { LoginStoreResolver, SELECT_STORE_MESSAGE } from './LoginStoreResolver.ts';

/** Magento's text (LoginAsCustomerAdminUi Login controller); over REST it is a 404. */
export const CUSTOMER_GONE_MESSAGE = 'Customer with this ID no longer exists.';

/**
 * Magento's admin "Login as Customer" action over REST. Checks, in order:
 * 0. the caller: an admin acts as itself, an integration must name an admin (ActingAdminResolver);
 * 1. feature enabled, else 400 `Login as Customer is disabled.`;
 * 2. customer exists, else 404 `Customer with this ID no longer exists.` (before the opt-in check — in
 *    Magento an unknown id fails the opt-in check first, because the opt-in row cannot exist for it);
 * 3. customer allows assistance (Magento's resolver chain), else 400
 *    `Login as Customer assistance is disabled for this Customer.`;
 * 4. store view (LoginStoreResolver), else 400 `Please select a Store to login in.` or an invalid `storeId`;
 * 5. the admin's earlier sessions are replaced by this one (their pending secrets stop working), the
 *    secret is made in Magento's format, and the audit entry is written.
 * Every refusal is audited with its reason.
 */
@injectable()
export class GenerateAuthenticationSecret implements GenerateAuthenticationSecretInterface {
  constructor(
    @inject(ActingAdminResolver) private readonly actingAdmin: ActingAdminResolver,
    @inject(TYPES.LacConfig) private readonly config: ConfigInterface,
    @inject(TYPES.CustomerRepository) private readonly customers: CustomerRepositoryInterface,
    @inject(TYPES.LacIsEnabledForCustomer) private readonly isEnabledForCustomer: IsLoginAsCustomerEnabledForCustomerInterface,
    @inject(LoginStoreResolver) private readonly storeResolver: LoginStoreResolver,
    @inject(AuthenticationSecretCodec) private readonly codec: AuthenticationSecretCodec,
    @inject(AuthenticationDataResource) private readonly sessions: AuthenticationDataResource,
    @inject(AuditLogger) private readonly audit: AuditLogger,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async execute(
    customerId: number,
    storeId?: number | null,
    reason?: string | null,
    adminId?: number | null,
  ): Promise<AuthenticationSecret> {
    const statedReason = typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : null;
    let admin: ActingAdmin | undefined;
    const refuse = async (rejectionReason: string, error: Error, customerEmail?: string): Promise<never> => {
      await this.audit.write({
        event: 'rejected',
        operation: 'generate',
        rejectionReason,
        reason: statedReason,
        adminId: admin?.adminId ?? adminId ?? null,
        adminUsername: admin?.username ?? null,
        customerId,
        customerEmail: customerEmail ?? null,
        storeId: storeId ?? null,
      });
      throw error;
    };

    try {
      admin = await this.actingAdmin.resolve(adminId);
    } catch (error) {
      if (error instanceof LocalizedException) return refuse('caller_not_allowed', error);
      throw error;
    }
    if (!(await this.config.isEnabled())) return refuse('feature_disabled', new LocalizedException(__(DISABLED_MESSAGE)));

    let customer: CustomerData;
    try {
      customer = await this.customers.getById(customerId);
    } catch (error) {
      if (error instanceof NoSuchEntityException) {
        return refuse('customer_not_found', new NoSuchEntityException(__(CUSTOMER_GONE_MESSAGE), { cause: error }));
      }
      throw error;
    }
    const enabled = await this.isEnabledForCustomer.execute(customerId);
    const objection = enabled.getMessages()[0];
    if (objection !== undefined) return refuse('assistance_disabled', new LocalizedException(objection), customer.email);

    let chosenStoreId: number;
    try {
      chosenStoreId = await this.storeResolver.resolve(customer, storeId);
    } catch (error) {
      if (error instanceof LocalizedException) {
        const why = error.getRawMessage() === SELECT_STORE_MESSAGE ? 'store_not_selected' : 'store_invalid';
        return refuse(why, error, customer.email);
      }
      throw error;
    }

    const now = unixSeconds(this.clock);
    const lifetime = await this.config.getAuthenticationDataExpirationTime();
    const secret = this.codec.encode({ adminId: admin.adminId, customerId, timeStamp: now });
    const secretHash = this.codec.identity(secret);
    await this.sessions.replaceForUser({
      secret: secretHash,
      customer_id: customerId,
      admin_id: admin.adminId,
      created_at: formatDbDate(now * 1000),
    });
    await this.audit.write({
      event: 'generated',
      operation: 'generate',
      reason: statedReason,
      adminId: admin.adminId,
      adminUsername: admin.username,
      customerId,
      customerEmail: customer.email ?? null,
      storeId: chosenStoreId,
      secretHash,
      secretExpiresAt: now + lifetime,
    });
    return {
      secret,
      customer_id: customerId,
      admin_id: admin.adminId,
      store_id: chosenStoreId,
      expires_at: formatDbDate((now + lifetime) * 1000),
    };
  }
}
