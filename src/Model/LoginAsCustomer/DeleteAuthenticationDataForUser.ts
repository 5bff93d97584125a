import { inject, injectable } from 'inversify';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import type { DeleteAuthenticationDataForUserInterface } from '../../Api/LoginAsCustomer/DeleteAuthenticationDataForUserInterface.ts';
import type { AdminUserRepositoryInterface } from '../../Api/User/AdminUserRepositoryInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { AuditLogResource } from '../ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { AuthenticationDataResource } from '../ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { AuditLogger } from './AuditLogger.ts';

/**
 * Ends an admin's Login as Customer sessions (Magento's DeleteAuthenticationDataForUser, which its
 * AdminLogoutPlugin and role plugins call): the admin's `login_as_customer` rows are deleted, so pending
 * secrets stop working; and every customer token obtained through the admin's exchanges that may still be
 * valid is revoked.
 *
 * Revocation trade-off: tokens are Magento's stateless JWTs, and Magento revokes per user
 * (`jwt_auth_revoked`: every token of the customer issued up to now, this second included — so a session
 * ended right after its exchange takes the token with it), so the customer's own tokens from the same
 * period are revoked too. The alternative — a token that only this service can recognise — would
 * not be accepted by a real Magento beside it.
 */
@injectable()
export class DeleteAuthenticationDataForUser implements DeleteAuthenticationDataForUserInterface {
  constructor(
    @inject(AuthenticationDataResource) private readonly sessions: AuthenticationDataResource,
    @inject(AuditLogResource) private readonly auditLog: AuditLogResource,
    @inject(TYPES.UserTokenRevoker) private readonly revoker: UserTokenRevokerInterface,
    @inject(TYPES.AdminUserRepository) private readonly admins: AdminUserRepositoryInterface,
    @inject(AuditLogger) private readonly audit: AuditLogger,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async execute(userId: number, reason: string = 'sessions_ended'): Promise<void> {
    await this.end(userId, undefined, reason);
  }

  /** Ends the admin's sessions (all, or the one on `customerId`); true when there was anything to end. */
  async end(adminId: number, customerId: number | undefined, reason: string): Promise<boolean> {
    const rows = await this.sessions.findForUser(adminId, customerId);
    await this.sessions.deleteForUser(adminId, customerId);
    const live = await this.auditLog.findLiveExchanges(adminId, formatDbDate(this.clock.now()), customerId);
    for (const id of live) await this.revoker.revokeFor({ userId: id, userType: UserType.CUSTOMER });

    const ended = [...new Set([...rows.map((r) => r.customer_id), ...live])].sort((a, b) => a - b);
    if (ended.length === 0) return false;
    const username = (await this.admins.getById(adminId))?.username ?? null;
    for (const id of ended) {
      await this.audit.write({
        event: 'ended',
        operation: 'end',
        reason,
        adminId,
        adminUsername: username,
        customerId: id,
      });
    }
    return true;
  }
}
