import { inject, injectable, optional } from 'inversify';
import type { CustomerExtensionProviderInterface } from '../../Api/Customer/CustomerExtensionProviderInterface.ts';
import type { CustomerRepositoryInterface } from '../../Api/Customer/CustomerRepositoryInterface.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { CustomerSearchResults } from '../../Api/Customer/Data/CustomerSearchResultsInterface.ts';
import type { SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { DuplicateKeyException } from '../../Framework/Exception/DbException.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { Customer as CustomerResource, type CustomerRow, type CustomerWrite } from '../ResourceModel/Customer/Customer.ts';
import { StoreManager } from '../Store/StoreManager.ts';
import { CustomerAddresses } from './CustomerAddresses.ts';
import { customerRowToData } from './CustomerMapper.ts';
import { CustomerValidator } from './CustomerValidator.ts';

/** `AccountManagement` and the repository give this message for a taken e-mail. */
export const EMAIL_TAKEN = 'A customer with the same email address already exists in an associated website.';

const STRING_FIELDS = ['prefix', 'middlename', 'suffix', 'taxvat'] as const;

/**
 * Magento's `Magento\Customer\Model\ResourceModel\CustomerRepository` over `customer_entity`, with
 * the extension attribute providers (TYPES.CustomerExtensionProviders) called after every load and
 * save, as Magento's repository plugins are.
 *
 * Saving follows Magento: `email`, `firstname` and `lastname` must be sent on every save; other
 * fields left out keep their stored values (website, store and group default from the existing
 * customer, or from the current store for a new one). A customer saving themselves cannot change
 * their group or website. Addresses are validated and stored by CustomerAddresses (custom attributes are not
 * stored). Every value a save writes is checked
 * against Magento's validators and `customer_entity`'s bounds (CustomerValidator) before any write, so MySQL's
 * strict mode never has to refuse one.
 */
@injectable()
export class CustomerRepository implements CustomerRepositoryInterface {
  constructor(
    @inject(CustomerResource) private readonly resource: CustomerResource,
    @inject(StoreManager) private readonly stores: StoreManager,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.CustomerExtensionProviders)
    @optional()
    private readonly providers: readonly CustomerExtensionProviderInterface[] = [],
  ) {}

  /** Addresses and the group check (issue 10), a property so the constructor stays as other modules extend it. */
  @inject(CustomerAddresses) private readonly customerAddresses!: CustomerAddresses;

  async getById(customerId: number): Promise<CustomerData> {
    const row = Number.isSafeInteger(customerId) && customerId > 0 ? await this.resource.loadById(customerId) : undefined;
    if (!row) throw CustomerRepository.noSuchCustomer(customerId);
    return this.hydrate(row);
  }

  async get(email: string, websiteId?: number | null): Promise<CustomerData> {
    const website = await this.scopeWebsite(websiteId ?? null);
    const row = await this.resource.loadByEmail(email, website);
    if (!row) {
      throw new NoSuchEntityException(
        __('No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', {
          fieldName: 'email',
          fieldValue: email,
          field2Name: 'websiteId',
          field2Value: website ?? websiteId ?? null,
        }),
      );
    }
    return this.hydrate(row);
  }

  async getList(searchCriteria: SearchCriteria): Promise<CustomerSearchResults> {
    const criteria = searchCriteria ?? {};
    const { rows, total } = await this.resource.getList(criteria);
    const items = rows.map(customerRowToData);
    await this.afterLoad(items);
    // Magento echoes the criteria; its `filter_groups` is an empty list rather than absent.
    return { items, search_criteria: { ...criteria, filter_groups: criteria.filter_groups ?? [] }, total_count: total };
  }

  /**
   * `CustomerRepository::deleteById`: true, or 404 `No such entity with customerId` (also for ids no row can
   * have). Rows that hang off the customer (tokens, assistance opt-in, addresses) go with it by foreign key.
   */
  async deleteById(customerId: number): Promise<boolean> {
    const deleted = Number.isSafeInteger(customerId) && customerId > 0 && (await this.resource.deleteById(customerId));
    if (!deleted) throw CustomerRepository.noSuchCustomer(customerId);
    return true;
  }

  async save(customer: CustomerData, passwordHash?: string | null): Promise<CustomerData> {
    const id = customer.id ?? null;
    const previous = id ? await this.resource.loadById(id) : undefined;
    if (id && !previous) throw CustomerRepository.noSuchCustomer(id);

    CustomerValidator.assertEmailPresent(customer);
    const row = await this.toWrite(customer, previous);
    const websiteId = row.website_id ?? null;
    if (await this.resource.emailTaken(row.email as string, await this.uniquenessWebsite(websiteId), id)) {
      throw new InputException(__(EMAIL_TAKEN));
    }
    CustomerValidator.assertAttributes(customer, this.clock.now());
    await this.customerAddresses.assertGroupExists(customer.group_id);
    const addresses = await this.customerAddresses.prepare(customer, previous?.entity_id ?? null, this.customerAddresses.storeIdFor(row.store_id));
    if (passwordHash) row.password_hash = passwordHash;

    const now = formatDbDate(this.clock.now());
    let savedId: number;
    try {
      if (previous) {
        savedId = previous.entity_id;
        await this.resource.update(savedId, { ...row, updated_at: now });
      } else {
        savedId = await this.resource.insert({ ...row, created_at: now, updated_at: now });
      }
    } catch (error) {
      if (error instanceof DuplicateKeyException) throw new InputException(__(EMAIL_TAKEN), { cause: error });
      throw error;
    }
    await this.customerAddresses.persist(savedId, addresses, previous);
    // The address save may have moved the default address ids on customer_entity: read the row again.
    this.resource.forget(savedId);
    const saved = customerRowToData((await this.resource.loadById(savedId)) as CustomerRow);
    for (const provider of this.providers) await provider.afterSave(saved, customer);
    await this.afterLoad([saved]);
    return saved;
  }

  /** The columns a save writes: what the input sets, with the scope fields defaulted. */
  private async toWrite(customer: CustomerData, previous: CustomerRow | undefined): Promise<CustomerWrite> {
    const row: CustomerWrite = {};
    if (typeof customer.email === 'string') row.email = customer.email.trim();
    if (typeof customer.firstname === 'string') row.firstname = customer.firstname;
    if (typeof customer.lastname === 'string') row.lastname = customer.lastname;
    for (const field of STRING_FIELDS) {
      const value = customer[field];
      if (value !== undefined) row[field] = value === null || value === '' ? null : String(value);
    }
    if (customer.dob !== undefined) row.dob = customer.dob === null || customer.dob === '' ? null : String(customer.dob).slice(0, 10);
    if (customer.gender !== undefined) row.gender = customer.gender === null ? null : Number(customer.gender);
    if (customer.disable_auto_group_change !== undefined) row.disable_auto_group_change = Number(customer.disable_auto_group_change) ? 1 : 0;
    if (customer.confirmation !== undefined) row.confirmation = customer.confirmation || null;

    const selfService = this.isCustomerSavingThemselves(previous);
    row.store_id = (customer.store_id ?? previous?.store_id ?? (await this.currentStoreId())) as number;
    if (customer.store_id !== undefined && customer.store_id !== null && !(await this.stores.getStoreById(customer.store_id))) {
      throw new NoSuchEntityException(__("The store that was requested wasn't found. Verify the store and try again."));
    }
    if (customer.website_id !== undefined && customer.website_id !== null && !(await this.stores.getWebsiteById(customer.website_id))) {
      throw new NoSuchEntityException(__("The website with id %1 that was requested wasn't found. Verify the website and try again.", [customer.website_id]));
    }
    row.website_id = selfService
      ? previous?.website_id ?? null
      : (customer.website_id ?? previous?.website_id ?? (await this.websiteOfStore(row.store_id))) as number;
    if (!selfService) CustomerValidator.assertGroupId(customer.group_id);
    row.group_id = selfService
      ? (previous?.group_id as number)
      : (customer.group_id ?? previous?.group_id ?? (await this.defaultGroup(row.website_id ?? null)));
    if (!previous) {
      const store = await this.stores.getStoreById(row.store_id);
      row.created_in = customer.created_in ?? store?.name ?? null;
    }
    return row;
  }

  private isCustomerSavingThemselves(previous: CustomerRow | undefined): boolean {
    const user = this.requestContext.getUser();
    return previous !== undefined && user.userType === UserType.CUSTOMER && user.userId === previous.entity_id;
  }

  private async hydrate(row: CustomerRow): Promise<CustomerData> {
    const data = customerRowToData(row);
    await this.afterLoad([data]);
    return data;
  }

  private async afterLoad(customers: CustomerData[]): Promise<void> {
    if (customers.length === 0) return;
    await this.customerAddresses.attach(customers);
    for (const provider of this.providers) await provider.afterLoad(customers);
    for (const customer of customers) {
      if (customer.extension_attributes && Object.keys(customer.extension_attributes).length === 0) {
        delete customer.extension_attributes;
      }
    }
  }

  /** The store of the request (the default store view for the admin scope or outside a request). */
  private async currentStoreId(): Promise<number> {
    const storeId = this.requestContext.current()?.storeId;
    if (storeId) return storeId;
    return (await this.stores.getDefaultStoreView())?.store_id ?? 1;
  }

  private async websiteOfStore(storeId: number): Promise<number | null> {
    return (await this.stores.getStoreById(storeId))?.website_id ?? null;
  }

  private async defaultGroup(websiteId: number | null): Promise<number> {
    const value =
      websiteId === null
        ? await this.config.getValue('customer/create_account/default_group')
        : await this.config.getValue('customer/create_account/default_group', 'websites', websiteId);
    const group = Number.parseInt(value ?? '', 10);
    return Number.isFinite(group) ? group : 1;
  }

  private async isWebsiteScope(): Promise<boolean> {
    return (await this.config.getValue('customer/account_share/scope')) !== '0';
  }

  /** Website to look e-mails up in: the given (or current) one per website, none when global. */
  private async scopeWebsite(websiteId: number | null): Promise<number | null> {
    if (!(await this.isWebsiteScope())) return null;
    if (websiteId !== null) return websiteId;
    return this.websiteOfStore(await this.currentStoreId());
  }

  private async uniquenessWebsite(websiteId: number | null): Promise<number | null> {
    return (await this.isWebsiteScope()) ? (websiteId ?? 0) : null;
  }

  static noSuchCustomer(customerId: unknown): NoSuchEntityException {
    return new NoSuchEntityException(
      __('No such entity with %fieldName = %fieldValue', { fieldName: 'customerId', fieldValue: customerId }),
    );
  }
}
