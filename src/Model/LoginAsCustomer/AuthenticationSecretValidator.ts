import { timingSafeEqual } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { ConfigInterface } from '../../Api/LoginAsCustomer/ConfigInterface.ts';
import type { AdminUserRepositoryInterface } from '../../Api/User/AdminUserRepositoryInterface.ts';
import type { RequestAuthorizer } from '../../Framework/Acl/RequestAuthorizer.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { parseDbDate, unixSeconds, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { AuditLogResource } from '../ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { AuthenticationDataResource, type SessionRow } from '../ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { ConsumedSecretResource } from '../ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { AssistanceAllowedResource } from '../ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';
import { Customer as CustomerResource } from '../ResourceModel/Customer/Customer.ts';
import { customerRowToData } from '../Customer/CustomerMapper.ts';
import { LOGIN_RESOURCE } from './ActingAdminResolver.ts';
import { AuthenticationSecretCodec, type SecretPayload } from './AuthenticationSecretCodec.ts';
import { LoginStoreResolver } from './LoginStoreResolver.ts';

/**
 * How far in the future a secret's time_stamp may be: instances behind one database may disagree on the
 * clock by a little; beyond this a secret is refused (`not_yet_valid`).
 */
export const CLOCK_SKEW_SECONDS = 30;

/** A secret that passed every check (consumption of an exchange still to come). */
export interface ValidSecret {
  readonly payload: SecretPayload;
  readonly secretHash: string;
  readonly storeId: number;
  /** Unix seconds at which the secret stops being accepted. */
  readonly expiresAt: number;
  readonly adminUsername: string;
  readonly customer: CustomerData;
}

/** What is known about a refused secret, for the audit entry. */
export interface RefusedSecret {
  /** The real reason (audit only; the client always gets `Invalid or expired secret.`). */
  readonly reason: string;
  readonly payload?: SecretPayload;
  readonly secretHash?: string;
  readonly adminUsername?: string;
  readonly customerEmail?: string;
}

export type SecretCheck = { readonly ok: true; readonly secret: ValidSecret } | ({ readonly ok: false } & RefusedSecret);

/**
 * The checks of validate and exchange, in this order: feature enabled (`feature_disabled`); the secret
 * decrypts (`malformed`, `undecryptable`) and carries admin_id, customer_id and time_stamp
 * (`invalid_payload`); its age is within `authentication_data_expiration_time` (`expired`,
 * `not_yet_valid`); the admin's session row still exists and is this secret's (`session_ended`,
 * `session_superseded`); it was not consumed (`already_used`); the admin still exists, is active and is
 * allowed `Magento_LoginAsCustomer::login` (`admin_not_found`, `admin_inactive`, `admin_not_allowed`);
 * the customer still exists, is active and allows assistance (`customer_not_found`, `customer_inactive`,
 * `assistance_disabled`).
 *
 * Secrets are looked up only by their HMAC under the crypt key, so lookup timing says nothing about the
 * secret; the stored HMAC is compared in constant time.
 */
@injectable()
export class AuthenticationSecretValidator {
  constructor(
    @inject(TYPES.LacConfig) private readonly config: ConfigInterface,
    @inject(AuthenticationSecretCodec) private readonly codec: AuthenticationSecretCodec,
    @inject(AuthenticationDataResource) private readonly sessions: AuthenticationDataResource,
    @inject(AuditLogResource) private readonly auditLog: AuditLogResource,
    @inject(ConsumedSecretResource) private readonly ledger: ConsumedSecretResource,
    @inject(TYPES.AdminUserRepository) private readonly admins: AdminUserRepositoryInterface,
    @inject(TYPES.RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
    @inject(CustomerResource) private readonly customers: CustomerResource,
    @inject(AssistanceAllowedResource) private readonly assistance: AssistanceAllowedResource,
    @inject(LoginStoreResolver) private readonly storeResolver: LoginStoreResolver,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async check(secret: unknown): Promise<SecretCheck> {
    if (!(await this.config.isEnabled())) return { ok: false, reason: 'feature_disabled' };
    const decoded = this.codec.decode(secret);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    const { payload, identity: secretHash } = decoded;
    const refused = (reason: string, extra: Partial<RefusedSecret> = {}): SecretCheck => ({
      ok: false,
      reason,
      payload,
      secretHash,
      ...extra,
    });

    const now = unixSeconds(this.clock);
    const lifetime = await this.config.getAuthenticationDataExpirationTime();
    // Magento: valid while `now - time_stamp < lifetime`.
    if (now - payload.timeStamp >= lifetime) return refused('expired');
    if (payload.timeStamp - now > CLOCK_SKEW_SECONDS) return refused('not_yet_valid');

    const generated = await this.auditLog.findGenerated(secretHash);
    const rows = await this.sessions.findSessions(payload.adminId, payload.customerId, secretHash);
    const session = generated ? this.ownSession(rows, secretHash) : this.foreignSession(rows, payload.timeStamp);
    if (session !== 'ok') return refused(session);
    // A secret older than the ledger's pruned horizon is refused whatever the lifetime says now: its row may be gone.
    const use = await this.ledger.findUse(secretHash, payload.timeStamp);
    if (use !== undefined) return refused(use === 'consumed' ? 'already_used' : 'expired');

    const admin = await this.admins.getById(payload.adminId);
    if (!admin) return refused('admin_not_found');
    const adminUsername = admin.username;
    if (Number(admin.is_active) !== 1) return refused('admin_inactive', { adminUsername });
    if (!(await this.authorizer.isAllowed({ userId: payload.adminId, userType: UserType.ADMIN }, [LOGIN_RESOURCE]))) {
      return refused('admin_not_allowed', { adminUsername });
    }

    // The customer's row (once per request: the identity map) and its opt-in; the addresses and extension attributes
    // a full repository load would add are not needed here.
    const row = Number.isSafeInteger(payload.customerId) && payload.customerId > 0 ? await this.customers.loadById(payload.customerId) : undefined;
    if (!row) return refused('customer_not_found', { adminUsername });
    const customer: CustomerData = customerRowToData(row);
    const customerEmail = customer.email;
    if (row.is_active !== null && Number(row.is_active) === 0) {
      return refused('customer_inactive', { adminUsername, customerEmail });
    }
    if (!(await this.assistance.isAllowed(payload.customerId))) {
      return refused('assistance_disabled', { adminUsername, customerEmail });
    }

    const storeId = generated?.store_id ?? (await this.storeResolver.automatic(customer));
    return {
      ok: true,
      secret: { payload, secretHash, storeId, expiresAt: payload.timeStamp + lifetime, adminUsername, customer },
    };
  }

  /** A secret generated here must match the admin's current row exactly: a newer login-as replaces it. */
  private ownSession(rows: readonly SessionRow[], secretHash: string): 'ok' | 'session_ended' | 'session_superseded' {
    if (rows.some((row) => equalStrings(row.secret, secretHash))) return 'ok';
    return rows.length === 0 ? 'session_ended' : 'session_superseded';
  }

  /**
   * A secret from a real Magento admin (its row holds the HMAC of a random string we cannot relate to the
   * secret): Magento's own rule — a row for (customer_id, admin_id) — plus the row must not be newer than
   * the secret, so a later login-as by the same admin still supersedes it.
   */
  private foreignSession(rows: readonly SessionRow[], timeStamp: number): 'ok' | 'session_ended' | 'session_superseded' {
    if (rows.length === 0) return 'session_ended';
    const current = rows.some((row) => row.created_at === null || Math.floor(parseDbDate(row.created_at) / 1000) <= timeStamp);
    return current ? 'ok' : 'session_superseded';
  }
}

function equalStrings(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
