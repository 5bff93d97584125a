import { inject, injectable } from 'inversify';
import type { AdminUserData, AdminUserRepositoryInterface } from '../../Api/User/AdminUserRepositoryInterface.ts';
import { AdminUser } from '../ResourceModel/User/AdminUser.ts';

/** Admin users by id, for other modules (the fields of AdminUserData; never the password hash). */
@injectable()
export class AdminUserRepository implements AdminUserRepositoryInterface {
  constructor(@inject(AdminUser) private readonly resource: AdminUser) {}

  async getById(userId: number): Promise<AdminUserData | undefined> {
    const row = await this.resource.loadById(userId);
    if (!row) return undefined;
    return {
      user_id: row.user_id,
      username: row.username ?? '',
      firstname: row.firstname ?? '',
      lastname: row.lastname ?? '',
      email: row.email ?? '',
      is_active: row.is_active,
    };
  }
}
