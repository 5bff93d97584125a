import { inject, injectable } from 'inversify';
import type { AccountManagementInterface } from '../../Api/Customer/AccountManagementInterface.ts';
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

/**
 * Magento's `Magento\Customer\Model\AccountManagement`: account creation (password policy, store and
 * website resolution, confirmation key when `customer/create_account/confirm` is on) and
 * authentication (lock, password, confirmation, then the hash upgrade Magento's
 * `UpgradeCustomerPasswordObserver` makes on login). No e-mails are sent.
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
    return this.repository.save(input, hash);
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
      throw new AuthenticationException(__(INVALID_LOGIN));
    }
    if (row.is_active !== 1) throw new AuthenticationException(__(INVALID_LOGIN));
    if (row.confirmation && (await this.config.isSetFlag('customer/create_account/confirm', 'websites', row.website_id ?? 0))) {
      throw new EmailNotConfirmedException(__("This account isn't confirmed. Verify and try again."));
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
}
