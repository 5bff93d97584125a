import { inject, injectable } from 'inversify';
import type { EndLoginAsCustomerSessionsInterface } from '../../Api/LoginAsCustomer/EndLoginAsCustomerSessionsInterface.ts';
import { ActingAdminResolver } from './ActingAdminResolver.ts';
import { DeleteAuthenticationDataForUser } from './DeleteAuthenticationDataForUser.ts';

/** `DELETE /V1/login-as-customer/session`: the calling admin (or the admin an integration names) ends its sessions. */
@injectable()
export class EndLoginAsCustomerSessions implements EndLoginAsCustomerSessionsInterface {
  constructor(
    @inject(ActingAdminResolver) private readonly actingAdmin: ActingAdminResolver,
    @inject(DeleteAuthenticationDataForUser) private readonly terminator: DeleteAuthenticationDataForUser,
  ) {}

  async execute(customerId?: number | null, adminId?: number | null): Promise<boolean> {
    const admin = await this.actingAdmin.resolve(adminId);
    return this.terminator.end(admin.adminId, customerId ?? undefined, 'ended_by_admin');
  }
}
