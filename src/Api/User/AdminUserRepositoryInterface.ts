/** The admin user fields other modules need (from `admin_user`). */
export interface AdminUserData {
  user_id: number;
  username: string;
  firstname: string;
  lastname: string;
  email: string;
  is_active: number;
}

/** Looks up admin users by id (Magento uses `Magento\User\Model\User::load`). */
export interface AdminUserRepositoryInterface {
  getById(userId: number): Promise<AdminUserData | undefined>;
}
