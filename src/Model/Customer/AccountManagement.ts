import { inject, injectable } from 'inversify';
import { timingSafeEqual, createHash } from 'node:crypto';
import {
  ACCOUNT_CONFIRMATION_NOT_REQUIRED,
  ACCOUNT_CONFIRMATION_REQUIRED,
  ACCOUNT_CONFIRMED,
  EMAIL_REMINDER,
  EMAIL_RESET,
  type AccountManagementInterface,
} from '../../Api/Customer/AccountManagementInterface.ts';
import type { ValidationResults } from '../../Api/Customer/Data/ValidationResultsInterface.ts';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { ExpiredException } from '../../Framework/Exception/ExpiredException.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { InputMismatchException } from '../../Framework/Exception/InputMismatchException.ts';
import { InvalidEmailOrPasswordException } from '../../Framework/Exception/InvalidEmailOrPasswordException.ts';
import { InvalidTransitionException } from '../../Framework/Exception/InvalidTransitionException.ts';
import { UserLockedException } from '../../Framework/Exception/UserLockedException.ts';
import { formatDbDate } from '../../Framework/Stdlib/Clock.ts';
import type { CustomerSecureRow } from '../ResourceModel/Customer/Customer.ts';
import { CustomerRepository } from './CustomerRepository.ts';
import { CustomerValidator } from './CustomerValidator.ts';
import { EmailNotification } from './EmailNotification.ts';
import { CUSTOMER_PASSWORD_RESET_REQUEST, SecurityManager } from '../Security/SecurityManager.ts';
import type { CustomerRepositoryInterface } from '../../Api/Customer/CustomerRepositoryInterface.ts';
import type { AddressData } from '../../Api/Customer/Data/AddressInterface.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { RequestAuthorizer } from '../../Framework/Acl/RequestAuthorizer.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { EncryptorInterface } from '../../Framework/Crypt/EncryptorInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { parseDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import type { Random } from '../../Framework/Stdlib/Random.ts';
import { Customer as CustomerResource } from '../ResourceModel/Customer/Customer.ts';
import { StoreManager } from '../Store/StoreManager.ts';
import { verifyAgainstMissingAccount } from '../Integration/TimingSafeLogin.ts';
import { EmailNotConfirmedException } from './EmailNotConfirmedException.ts';
import { PasswordPolicy } from './PasswordPolicy.ts';
import { AddressRepository } from './AddressRepository.ts';

/** `AccountManagement::ADMIN_RESOURCE`: only callers allowed it may choose a new customer's group. */
const ADMIN_RESOURCE = 'Magento_Customer::manage';
const INVALID_LOGIN = 'Invalid login or password.';
/** `AccountManagement::GUEST_CHECKOUT_LOGIN_OPTION_SYS_CONFIG`. */
const GUEST_CHECKOUT_LOGIN = 'checkout/options/enable_guest_checkout_login';

/**
 * Magento's `Magento\Customer\Model\AccountManagement`: account creation (password policy, store and
 * website resolution, confirmation key when `customer/create_account/confirm` is on) and
 * authentication (lock, password, confirmation, then the hash upgrade Magento's
 * `UpgradeCustomerPasswordObserver` makes on login), activation, password change and reset (Magento's
 * `rp_token` columns, `Authentication`'s lock-out), confirmation status, e-mail availability and validation.
 * No e-mails are sent: each one Magento would send is a log line (EmailNotification). A password change or
 * reset revokes every token of the customer.
 */
@injectable()
export class AccountManagement implements AccountManagementInterface {
  private readonly passwordPolicy: PasswordPolicy;

  constructor(
    @inject(TYPES.CustomerRepository) private readonly repository: CustomerRepositoryInterface,
    @inject(CustomerResource) private readonly resource: CustomerResource,
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Encryptor) private readonly encryptor: EncryptorInterface,
    @inject(TYPES.RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.Random) private readonly random: Random,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.UserTokenRevoker) private readonly revoker: UserTokenRevokerInterface,
    @inject(EmailNotification) private readonly emails: EmailNotification,
    @inject(SecurityManager) private readonly security: SecurityManager,
  ) {
    this.passwordPolicy = new PasswordPolicy(config);
  }

  async createAccount(customer: CustomerData, password?: string | null, _redirectUrl?: string | null): Promise<CustomerData> {
    const input: CustomerData = { ...customer };
    delete input.id;
    if (input.group_id !== undefined && !(await this.authorizer.isAllowed(this.requestContext.getUser(), [ADMIN_RESOURCE]))) {
      delete input.group_id;
    }
    let hash: string | null = null;
    if (password !== undefined && password !== null) {
      await this.passwordPolicy.assertAcceptable(String(password), input.email);
      hash = await this.encryptor.getHash(String(password), true);
    }

    if (!input.store_id) {
      const store = input.website_id
        ? await this.stores.getWebsiteDefaultStore(input.website_id)
        : await this.stores.getStoreById(this.requestContext.current()?.storeId || 0);
      const resolved = store && store.store_id !== 0 ? store : await this.stores.getDefaultStoreView();
      if (!resolved) throw new NoSuchEntityException(__("The store that was requested wasn't found. Verify the store and try again."));
      input.store_id = resolved.store_id;
    }
    const store = await this.stores.getStoreById(input.store_id);
    if (!store) throw new NoSuchEntityException(__("The store that was requested wasn't found. Verify the store and try again."));
    if (!input.website_id) input.website_id = store.website_id;
    const perWebsite = (await this.config.getValue('customer/account_share/scope')) !== '0';
    if (perWebsite && store.website_id !== input.website_id) {
      throw new LocalizedException(__('The store view is not in the associated website.'));
    }
    input.created_in = store.name;
    delete input.confirmation;
    if (await this.config.isSetFlag('customer/create_account/confirm', 'websites', input.website_id)) {
      input.confirmation = this.random.bytes(16).toString('hex');
    }
    const created = await this.repository.save(input, hash);
    // Magento's createAccountWithPasswordHash: a fresh reset-password link token, then the welcome or confirmation e-mail.
    await this.resource.updateSecure(created.id as number, {
      rp_token: this.newResetToken(),
      rp_token_created_at: formatDbDate(this.clock.now()),
    });
    await this.emails.send(
      created.confirmation && hash ? 'confirmation' : hash ? 'registered' : 'registeredNoPassword',
      created,
    );
    return created;
  }

  async authenticate(email: string, password: string): Promise<CustomerData> {
    const perWebsite = (await this.config.getValue('customer/account_share/scope')) !== '0';
    const storeId = this.requestContext.current()?.storeId;
    const store = storeId === undefined ? undefined : await this.stores.getStoreById(storeId);
    // CustomerRegistry::retrieveByEmail: the current store's website, or — on the admin store of `/rest/all`,
    // whose website is 0 — the default store view's.
    const websiteId = perWebsite ? store?.website_id || (await this.stores.getDefaultStoreView())?.website_id || 0 : null;
    const row = await this.resource.loadByEmail(email, websiteId);
    if (!row) {
      await verifyAgainstMissingAccount(this.encryptor, password);
      throw new AuthenticationException(__(INVALID_LOGIN));
    }
    if (row.lock_expires !== null && parseDbDate(row.lock_expires) > this.clock.now()) {
      throw new AuthenticationException(__('The account is locked.'));
    }
    if (!row.password_hash || !(await this.encryptor.validateHash(password, row.password_hash))) {
      // Magento's Authentication::authenticate: every wrong password counts towards the customer's own lock-out.
      if (await this.processAuthenticationFailure(row)) throw new AuthenticationException(__('The account is locked.'));
      throw new AuthenticationException(__(INVALID_LOGIN));
    }
    if (row.is_active !== 1) throw new AuthenticationException(__(INVALID_LOGIN));
    if (row.confirmation && (await this.config.isSetFlag('customer/create_account/confirm', 'websites', row.website_id ?? 0))) {
      throw new EmailNotConfirmedException(__("This account isn't confirmed. Verify and try again."));
    }
    // Magento's CustomerLoginSuccessObserver unlocks after a successful authentication.
    if (row.failures_num || row.first_failure !== null || row.lock_expires !== null) {
      await this.resource.updateSecure(row.entity_id, { failures_num: 0, first_failure: null, lock_expires: null });
    }
    if (this.encryptor.isUpgradeNeeded(row.password_hash, true)) {
      await this.resource.update(row.entity_id, { password_hash: await this.encryptor.getHash(password, true) });
    }
    return this.repository.getById(row.entity_id);
  }

  // --- Default addresses (issue 10): a property, so the constructor stays as other changes extend it. ---
  @inject(AddressRepository) private readonly addressRepository!: AddressRepository;

  async getDefaultBillingAddress(customerId: number): Promise<AddressData | null> {
    return this.addressRepository.getDefault(customerId, 'default_billing');
  }

  async getDefaultShippingAddress(customerId: number): Promise<AddressData | null> {
    return this.addressRepository.getDefault(customerId, 'default_shipping');
  }

  /**
   * `AccountManagement::validate` (2.4.7): only the EAV backend validators run — every required customer attribute
   * that is empty (null, absent or '') gives `The "%1" attribute value is empty. Set the attribute and try again.`,
   * in attribute order; formats and names are checked on save only.
   */
  async validate(customer: CustomerData): Promise<ValidationResults> {
    const messages = CustomerValidator.validationMessages(customer ?? {});
    return { valid: messages.length === 0, messages };
  }

  /** Magento's customer model is always deletable, so this is false for every existing customer. */
  async isReadonly(customerId: number): Promise<boolean> {
    await this.repository.getById(customerId);
    return false;
  }

  async activate(email: string, confirmationKey: string): Promise<CustomerData> {
    return this.activateCustomer(await this.repository.get(email), confirmationKey);
  }

  async activateById(customerId: number, confirmationKey: string): Promise<CustomerData> {
    return this.activateCustomer(await this.repository.getById(customerId), confirmationKey);
  }

  /** `AccountManagement::activateCustomer`: the stored confirmation key must match, then it is cleared. */
  private async activateCustomer(customer: CustomerData, confirmationKey: string): Promise<CustomerData> {
    const id = customer.id as number;
    if (!customer.confirmation) throw new InvalidTransitionException(__('The account is already active.'));
    if (!sameSecret(customer.confirmation, String(confirmationKey))) {
      throw new InputMismatchException(__('The confirmation token is invalid. Verify the token and try again.'));
    }
    await this.resource.update(id, { confirmation: null });
    const activated = await this.repository.getById(id);
    // Magento sends it only to a customer who never logged in (customer_log, not kept here).
    await this.emails.send('confirmed', activated, await this.currentStoreId());
    return activated;
  }

  /**
   * `AccountManagement::changePasswordById`: an unknown id is `Invalid login or password.` (401); a wrong current
   * password counts towards `Authentication`'s lock-out and is `The password doesn't match this account. Verify the
   * password and try again.` (401), or `The account is locked.` (400) once the lock-out is reached. Stricter than
   * Magento: a locked account is refused before its password is checked, so guessing cannot go on during the lock.
   */
  async changePasswordById(customerId: number, currentPassword: string, newPassword: string): Promise<boolean> {
    const secure = Number.isSafeInteger(customerId) && customerId > 0 ? await this.resource.loadSecure(customerId) : undefined;
    if (!secure) throw new InvalidEmailOrPasswordException(__(INVALID_LOGIN));
    if (this.isLocked(secure)) throw new UserLockedException(__('The account is locked.'));
    if (!secure.password_hash || !(await this.encryptor.validateHash(String(currentPassword), secure.password_hash))) {
      if (await this.processAuthenticationFailure(secure)) throw new UserLockedException(__('The account is locked.'));
      throw new InvalidEmailOrPasswordException(__("The password doesn't match this account. Verify the password and try again."));
    }
    await this.passwordPolicy.assertAcceptableForChange(String(newPassword), secure.email ?? undefined);
    await this.resource.updateSecure(customerId, {
      password_hash: await this.encryptor.getHash(String(newPassword), true),
      rp_token: null,
      rp_token_created_at: null,
      failures_num: 0,
      first_failure: null,
      lock_expires: null,
      session_cutoff: formatDbDate(this.clock.now()),
    });
    await this.revoker.revokeFor({ userType: UserType.CUSTOMER, userId: customerId });
    return true;
  }

  /**
   * `AccountManagement::initiatePasswordReset`: a new `rp_token` (32 hex characters, as Magento's
   * `Random::getUniqueHash`) dated now, and the e-mail of the chosen template, after Magento_Security's request
   * limits (SecurityManager). Magento saves the token before it
   * looks at the template; here an unknown template is refused first, leaving the stored token alone.
   */
  async initiatePasswordReset(email: string, template: string, websiteId?: number | null): Promise<boolean> {
    // Magento_Security's plugin runs first: the request is limited and recorded whatever follows.
    await this.security.performSecurityCheck(CUSTOMER_PASSWORD_RESET_REQUEST, String(email));
    if (template !== EMAIL_REMINDER && template !== EMAIL_RESET) {
      throw new InputException(
        __('Invalid value of "%value" provided for the %fieldName field. Possible values: %template1 or %template2.', {
          value: template,
          fieldName: 'template',
          template1: EMAIL_REMINDER,
          template2: EMAIL_RESET,
        }),
      );
    }
    const customer = await this.repository.get(String(email), websiteId ?? (await this.currentWebsiteId()));
    await this.resource.updateSecure(customer.id as number, {
      rp_token: this.newResetToken(),
      rp_token_created_at: formatDbDate(this.clock.now()),
    });
    await this.emails.send(template === EMAIL_REMINDER ? 'remind' : 'forgot', customer);
    return true;
  }

  /**
   * `AccountManagement::resetPassword`: the customer by e-mail (current website), the token as
   * `validateResetPasswordLinkToken` checks it, the password policy, then the new hash. The token is used up in
   * the same statement that writes the hash (single use, also across processes); the lock-out is cleared and every
   * token of the customer revoked.
   */
  async resetPassword(email: string, resetToken: string, newPassword: string): Promise<boolean> {
    if (typeof email !== 'string' || email === '') throw InputException.requiredField('email');
    const customer = await this.repository.get(email);
    const customerId = customer.id as number;
    await this.validateResetPasswordLinkToken(customerId, resetToken);
    await this.passwordPolicy.assertAcceptableForChange(String(newPassword), customer.email);
    const hash = await this.encryptor.getHash(String(newPassword), true);
    if (!(await this.resource.consumeResetToken(customerId, String(resetToken), hash, formatDbDate(this.clock.now())))) {
      throw tokenMismatch();
    }
    await this.revoker.revokeFor({ userType: UserType.CUSTOMER, userId: customerId });
    return true;
  }

  /**
   * `AccountManagement::validateResetPasswordToken`: the id must be non-zero and the token non-empty; then the
   * stored `rp_token` must match (compared in constant time) and be younger than
   * `customer/password/reset_link_expiration_period` hours (whole hours, as Magento floors the difference; a token
   * dated in the future counts as expired).
   */
  async validateResetPasswordLinkToken(customerId: number, resetPasswordLinkToken: string): Promise<boolean> {
    if (!customerId) throw InputException.invalidFieldValue('customerId', customerId);
    if (typeof resetPasswordLinkToken !== 'string' || resetPasswordLinkToken === '') {
      throw InputException.requiredField('resetPasswordLinkToken');
    }
    const secure = Number.isSafeInteger(customerId) ? await this.resource.loadSecure(customerId) : undefined;
    if (!secure) throw CustomerRepository.noSuchCustomer(customerId);
    if (!secure.rp_token || !sameSecret(secure.rp_token, resetPasswordLinkToken)) throw tokenMismatch();
    if (await this.isResetTokenExpired(secure)) {
      throw new ExpiredException(__('The password token is expired. Reset and try again.'));
    }
    return true;
  }

  async getConfirmationStatus(customerId: number): Promise<string> {
    const customer = await this.repository.getById(customerId);
    if (!(await this.isConfirmationRequired(customer))) return ACCOUNT_CONFIRMATION_NOT_REQUIRED;
    return customer.confirmation ? ACCOUNT_CONFIRMATION_REQUIRED : ACCOUNT_CONFIRMED;
  }

  async resendConfirmation(email: string, websiteId: number, _redirectUrl?: string | null): Promise<boolean> {
    const customer = await this.repository.get(String(email), websiteId);
    if (!customer.confirmation) throw new InvalidTransitionException(__("Confirmation isn't needed."));
    await this.emails.send('confirmation', customer, await this.currentStoreId());
    return true;
  }

  /** False when an account has this e-mail in the website (the current one when none is given). */
  async isEmailAvailable(customerEmail: string, websiteId?: number | null): Promise<boolean> {
    // Magento 2.4.7+: unless `checkout/options/enable_guest_checkout_login` is on (off by default), every e-mail is
    // "available", so the anonymous route cannot be used to find out who has an account.
    const guestLogin =
      websiteId === undefined || websiteId === null
        ? await this.config.isSetFlag(GUEST_CHECKOUT_LOGIN)
        : await this.config.isSetFlag(GUEST_CHECKOUT_LOGIN, 'websites', websiteId);
    if (!guestLogin) return true;
    try {
      await this.repository.get(String(customerEmail), websiteId ?? (await this.currentWebsiteId()));
      return false;
    } catch (error) {
      if (error instanceof NoSuchEntityException) return true;
      throw error;
    }
  }

  /** 32 hex characters, the form of Magento's `Random::getUniqueHash`. */
  private newResetToken(): string {
    return this.random.bytes(16).toString('hex');
  }

  private async currentWebsiteId(): Promise<number> {
    const storeId = this.requestContext.current()?.storeId;
    const store = storeId ? await this.stores.getStoreById(storeId) : await this.stores.getDefaultStoreView();
    return store?.website_id ?? 0;
  }

  /** The store of the request; the default store view outside one or for the admin scope (`/rest/all`). */
  private async currentStoreId(): Promise<number> {
    const storeId = this.requestContext.current()?.storeId;
    return storeId || ((await this.stores.getDefaultStoreView())?.store_id ?? 0);
  }

  private async isConfirmationRequired(customer: CustomerData): Promise<boolean> {
    return customer.store_id
      ? this.config.isSetFlag('customer/create_account/confirm', 'stores', customer.store_id)
      : this.config.isSetFlag('customer/create_account/confirm');
  }

  private isLocked(secure: CustomerSecureRow): boolean {
    return secure.lock_expires !== null && parseDbDate(secure.lock_expires) > this.clock.now();
  }

  /**
   * Magento's `Authentication::processAuthenticationFailure`: failures are counted from the first one within
   * `customer/password/lockout_threshold` minutes; reaching `customer/password/lockout_failures` locks the account
   * for that many minutes. Either setting at 0 turns it off. Returns whether the account is now locked.
   */
  private async processAuthenticationFailure(secure: Pick<CustomerSecureRow, 'entity_id'>): Promise<boolean> {
    const thresholdMs = (await this.intConfig('customer/password/lockout_threshold')) * 60_000;
    const maxFailures = await this.intConfig('customer/password/lockout_failures');
    if (thresholdMs <= 0 || maxFailures <= 0) return false;
    const now = this.clock.now();
    const lock = await this.resource.recordAuthenticationFailure(
      secure.entity_id,
      formatDbDate(now),
      formatDbDate(now - thresholdMs),
      maxFailures,
      formatDbDate(now + thresholdMs),
    );
    return lock !== null && parseDbDate(lock) > now;
  }

  private async isResetTokenExpired(secure: CustomerSecureRow): Promise<boolean> {
    if (!secure.rp_token || !secure.rp_token_created_at) return true;
    const periodHours = await this.intConfig('customer/password/reset_link_expiration_period');
    const created = parseDbDate(secure.rp_token_created_at);
    const now = this.clock.now();
    if (!Number.isFinite(created) || created > now) return true;
    return Math.floor((now - created) / 3_600_000) >= periodHours;
  }

  private async intConfig(path: string): Promise<number> {
    const value = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    return Number.isFinite(value) ? value : 0;
  }
}

function tokenMismatch(): InputMismatchException {
  return new InputMismatchException(__('The password token is mismatched. Reset and try again.'));
}

/** Constant-time equality of two secrets of any length (compared as SHA-256 digests). */
function sameSecret(stored: string, given: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(stored), digest(given)) && stored === given;
}
