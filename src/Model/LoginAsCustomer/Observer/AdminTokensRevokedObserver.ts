import { inject, injectable } from 'inversify';
import type { DeleteAuthenticationDataForUserInterface } from '../../../Api/LoginAsCustomer/DeleteAuthenticationDataForUserInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import type { EventData, ObserverInterface } from '../../../Framework/Event/EventManager.ts';

/**
 * `admin_user_tokens_revoked`: an admin logged out (or was deactivated) over REST, so, like Magento's
 * AdminLogoutPlugin for the admin panel, that admin's Login as Customer sessions end — pending secrets
 * and the customer tokens obtained through them.
 */
@injectable()
export class AdminTokensRevokedObserver implements ObserverInterface {
  constructor(
    @inject(TYPES.LacDeleteAuthenticationDataForUser) private readonly deleteForUser: DeleteAuthenticationDataForUserInterface,
  ) {}

  async execute(data: EventData): Promise<void> {
    const adminId = Number(data.adminId);
    if (!Number.isSafeInteger(adminId) || adminId <= 0) return;
    await this.deleteForUser.execute(adminId, 'admin_tokens_revoked');
  }
}
