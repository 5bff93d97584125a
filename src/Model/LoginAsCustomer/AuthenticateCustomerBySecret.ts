import { inject, injectable } from 'inversify';
import type { UserTokenIssuerInterface } from '../../Api/Integration/UserTokenIssuerInterface.ts';
import type { AuthenticateCustomerBySecretInterface } from '../../Api/LoginAsCustomer/AuthenticateCustomerBySecretInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import type { ConnectionInterface } from '../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { formatDbDate, unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { AuthenticationDataResource } from '../ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { ConsumedSecretResource } from '../ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { MagentoLogResource } from '../ResourceModel/LoginAsCustomer/MagentoLogResource.ts';
import { AuditLogger } from './AuditLogger.ts';
import { AuthenticationSecretValidator } from './AuthenticationSecretValidator.ts';
import { DISABLED_MESSAGE } from './IsLoginAsCustomerEnabledForCustomer.ts';
import { SecretRefusal } from './SecretRefusal.ts';

/**
 * `POST /V1/login-as-customer/token`: the checks of validate, then the secret is consumed by one INSERT
 * (in one transaction with the audit entry and Magento's log row) into the consumed-secret ledger — the database's unique key lets exactly one of any number of
 * concurrent callers (on any number of instances) through — and a normal Magento customer JWT is issued.
 * Magento's `magento_login_as_customer_log` gets its row, as Magento writes one when an admin is logged in.
 */
@injectable()
export class AuthenticateCustomerBySecret implements AuthenticateCustomerBySecretInterface {
  constructor(
    @inject(AuthenticationSecretValidator) private readonly validator: AuthenticationSecretValidator,
    @inject(SecretRefusal) private readonly refusal: SecretRefusal,
    @inject(ConsumedSecretResource) private readonly ledger: ConsumedSecretResource,
    @inject(TYPES.UserTokenIssuer) private readonly tokens: UserTokenIssuerInterface,
    @inject(MagentoLogResource) private readonly magentoLog: MagentoLogResource,
    @inject(AuditLogger) private readonly audit: AuditLogger,
    @inject(AuthenticationDataResource) private readonly sessions: AuthenticationDataResource,
    @inject(TYPES.UserTokenRevoker) private readonly revoker: UserTokenRevokerInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.ResourceConnection) private readonly connection: ConnectionInterface,
  ) {}

  execute(secret: string): Promise<string> {
    return this.exchange(secret, DISABLED_MESSAGE);
  }

  /** `disabledMessage`: the route's text for a switched-off feature (PR #40310 words it differently). */
  async exchange(secret: string, disabledMessage: string): Promise<string> {
    const check = await this.validator.check(secret);
    if (!check.ok) throw await this.refusal.refuse(check, 'exchange', disabledMessage);
    const valid = check.secret;
    const { adminId, customerId } = valid.payload;
    const now = formatDbDate(unixSeconds(this.clock) * 1000);
    /** A secret that passed every check and is refused after all, audited with its real reason. */
    const refuse = (reason: string) =>
      this.refusal.refuse(
        {
          reason,
          payload: valid.payload,
          secretHash: valid.secretHash,
          adminUsername: valid.adminUsername,
          ...(valid.customer.email !== undefined ? { customerEmail: valid.customer.email } : {}),
        },
        'exchange',
        disabledMessage,
      );
    // The token is made first (it reads the customer's revocation, outside the transaction) and handed out only if
    // the secret is consumed. Ledger row, audit entry and Magento's log row are then written in one transaction:
    // all or nothing, one commit. The ledger's primary key still decides between concurrent exchanges: a second
    // INSERT waits for the first transaction and fails once it commits (or succeeds if it rolled back).
    const token = await this.tokens.create({ userId: customerId, userType: UserType.CUSTOMER });
    const consumed = await this.connection.transaction(async (tx) => {
      if (!(await this.ledger.consume(valid.secretHash, adminId, customerId, now, tx))) return false;
      await this.audit.write(
        {
          event: 'exchanged',
          operation: 'exchange',
          adminId,
          adminUsername: valid.adminUsername,
          customerId,
          customerEmail: valid.customer.email ?? null,
          storeId: valid.storeId,
          secretHash: valid.secretHash,
          secretExpiresAt: valid.expiresAt,
          tokenExpiresAt: tokenExpiry(token),
        },
        tx,
      );
      await this.magentoLog.save(
        { time: now, user_id: adminId, user_name: valid.adminUsername, customer_id: customerId, customer_email: valid.customer.email ?? null },
        tx,
      );
      return true;
    });
    if (!consumed) throw await refuse('already_used');
    // The session may have ended while this exchange ran. Ending it revokes the tokens of exchanges already in
    // the audit log — written above — so only an end that came before this point can have missed the token:
    // then the token is revoked here and the exchange refused.
    if ((await this.sessions.findSessions(adminId, customerId, valid.secretHash)).length === 0) {
      await this.revoker.revokeFor({ userId: customerId, userType: UserType.CUSTOMER });
      throw await refuse('session_ended');
    }
    return token;
  }
}

/** The `exp` claim of the JWT just issued (read for the audit entry; the token itself is never stored). */
function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).exp : undefined;
    return typeof exp === 'number' && Number.isSafeInteger(exp) ? exp : null;
  } catch {
    return null;
  }
}
