import { inject, injectable } from 'inversify';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { EncryptorInterface } from '../../Framework/Crypt/EncryptorInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { RoleManagement } from '../Authorization/RoleManagement.ts';
import { AdminUser, type AdminUserRow } from '../ResourceModel/User/AdminUser.ts';
import { isValidEmail } from '../Customer/EmailAddress.ts';
import { verifyAgainstMissingAccount } from '../Integration/TimingSafeLogin.ts';

/** Magento's message for a wrong password, an inactive admin or a locked account. */
export const ACCOUNT_SIGN_IN_FAILED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';

export interface AdminAccountInput {
  username?: string;
  password?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
}

/** `Magento\User\Model\UserValidationRules::MIN_PASSWORD_LENGTH`. */
const MIN_PASSWORD_LENGTH = 7;

/**
 * Admin accounts as `Magento\User\Model\User` authenticates them for tokens and as
 * `bin/magento admin:user:create` (`Magento\Setup\Model\AdminAccount`) writes them.
 */
@injectable()
export class AdminUserManagement {
  constructor(
    @inject(AdminUser) private readonly users: AdminUser,
    @inject(RoleManagement) private readonly roles: RoleManagement,
    @inject(TYPES.Encryptor) private readonly encryptor: EncryptorInterface,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  /**
   * `User::login`: the admin when the password matches, null when the user is unknown or the
   * password is wrong. A matching password on an inactive account, or on an admin without a role,
   * throws (Magento checks those only after the password, and does not count them as failures).
   */
  async authenticate(username: string, password: string): Promise<AdminUserRow | null> {
    const user = await this.users.loadByUsername(username);
    if (!user) {
      await verifyAgainstMissingAccount(this.encryptor, password);
      return null;
    }
    if ((await this.config.isSetFlag('admin/security/use_case_sensitive_login')) && user.username !== username) return null;
    if (!(await this.encryptor.validateHash(password, user.password))) return null;
    if (user.is_active !== 1) throw new AuthenticationException(__(ACCOUNT_SIGN_IN_FAILED));
    if (!(await this.users.hasAssigned2Role(user.user_id))) {
      throw new AuthenticationException(__('More permissions are needed to access this.'));
    }
    await this.users.recordLogin(user.user_id, formatDbDate(this.clock.now()));
    return user;
  }

  /**
   * `UserValidationRules::addUserInfoRules` + `addPasswordRules`, one message per invalid field (the
   * first rule it fails), in Magento's field order.
   */
  validate(input: AdminAccountInput): string[] {
    const errors: string[] = [];
    const empty = (v: string | undefined): boolean => (v ?? '') === '';
    if (empty(input.username)) errors.push('User Name is a required field.');
    if (empty(input.firstname)) errors.push('First Name is a required field.');
    if (empty(input.lastname)) errors.push('Last Name is a required field.');
    if (!isValidEmail(input.email ?? '')) errors.push('Please enter a valid email.');
    const password = input.password ?? '';
    if (password === '') errors.push('Password is required field.');
    else if ([...password].length < MIN_PASSWORD_LENGTH) errors.push(`Your password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    else if (!/[a-z].*\d|\d.*[a-z]/iu.test(password)) errors.push('Your password must include both numeric and alphabetic characters.');
    return errors;
  }

  /**
   * `AdminAccount::save`: a new active admin in the "Administrators" role, or — when both username
   * and e-mail match an existing admin — that admin with the new password, names and role.
   * Call `validate` first.
   */
  async createOrUpdateAdministrator(input: Required<AdminAccountInput>): Promise<{ userId: number; created: boolean }> {
    const byName = await this.users.loadByUsername(input.username);
    const byEmail = await this.users.loadByEmail(input.email);
    if (byName && byName.email?.toLowerCase() !== input.email.toLowerCase()) {
      throw new LocalizedException(
        __('An existing user has the given username but different email. Username and email both need to match an existing user.'),
      );
    }
    if (!byName && byEmail) {
      throw new LocalizedException(
        __('An existing user has the given email but different username. Username and email both need to match an existing user.'),
      );
    }
    const hash = await this.encryptor.getHash(input.password, true);
    const now = formatDbDate(this.clock.now());
    let userId: number;
    if (byName) {
      userId = byName.user_id;
      await this.users.update(userId, {
        firstname: input.firstname,
        lastname: input.lastname,
        password: hash,
        is_active: 1,
        modified: now,
      });
    } else {
      userId = await this.users.insert(
        {
          username: input.username,
          firstname: input.firstname,
          lastname: input.lastname,
          email: input.email,
          password: hash,
          is_active: 1,
        },
        now,
      );
    }
    const role = await this.roles.ensureAdministratorsRole();
    await this.roles.assignAdmin(userId, role.role_id, input.username);
    return { userId, created: !byName };
  }

  /** A new active admin with the given role (for restricted-role set-ups and tests). */
  async createAdmin(input: Required<AdminAccountInput>, roleId: number): Promise<number> {
    const hash = await this.encryptor.getHash(input.password, true);
    const userId = await this.users.insert(
      {
        username: input.username,
        firstname: input.firstname,
        lastname: input.lastname,
        email: input.email,
        password: hash,
        is_active: 1,
      },
      formatDbDate(this.clock.now()),
    );
    await this.roles.assignAdmin(userId, roleId, input.username);
    return userId;
  }

  async findByUsername(username: string): Promise<AdminUserRow | undefined> {
    return this.users.loadByUsername(username);
  }
}
