import { inject, injectable } from 'inversify';
import type { AddressData } from '../../Api/Customer/Data/AddressInterface.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { AddressResource, type AddressRow } from '../ResourceModel/Customer/AddressResource.ts';
import { GroupResource } from '../ResourceModel/Customer/GroupResource.ts';
import { DirectoryResource } from '../ResourceModel/Directory/DirectoryResource.ts';
import { DirectoryData } from '../Directory/DirectoryData.ts';
import { addressRowToData } from './AddressMapper.ts';
import { AddressValidator, type ResolvedAddress } from './AddressValidator.ts';

/** Addresses of one customer save, validated before anything is written. */
export interface PreparedAddresses {
  readonly addresses: readonly ResolvedAddress[];
  readonly defaultBilling: number | null | undefined;
  readonly defaultShipping: number | null | undefined;
}

export function noSuchAddress(addressId: unknown): NoSuchEntityException {
  return new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'addressId', fieldValue: addressId }));
}

/**
 * The address side of Magento's `CustomerRepository::save` and of its reads:
 *  - `addresses` left out of a save keeps the stored addresses and default ids; a list (even empty) replaces them:
 *    listed ids are updated, new ones inserted, the others deleted (Magento's deleteAddressesByIds);
 *  - a customer-level `default_billing`/`default_shipping` sent with addresses must be one of their ids
 *    (`The %fieldName value is invalid. Set the correct value and try again.`);
 *  - an address flagged `default_billing`/`default_shipping` becomes the customer's default, one unflagged that was the
 *    default stops being it, a deleted one stops being it (Magento's address Relation and DeleteRelation);
 *  - on account creation, ids in addresses are ignored (Magento clones them) and addresses whose country the website
 *    does not allow are skipped, as AccountManagement::createAccountWithPasswordHash does;
 *  - an id of another customer's address is refused as `No such entity with addressId = <id>` (Magento would move it);
 *  - `group_id` of a save must name an existing group (`The specified customer group id does not exist.`, 0 not checked).
 * Every read attaches the addresses with their default flags.
 */
@injectable()
export class CustomerAddresses {
  constructor(
    @inject(AddressResource) private readonly resource: AddressResource,
    @inject(AddressValidator) private readonly validator: AddressValidator,
    @inject(DirectoryData) private readonly directory: DirectoryData,
    @inject(DirectoryResource) private readonly directoryResource: DirectoryResource,
    @inject(GroupResource) private readonly groups: GroupResource,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async assertGroupExists(groupId: number | null | undefined): Promise<void> {
    if (!groupId) return;
    if (!(await this.groups.loadById(groupId))) throw new LocalizedException(__('The specified customer group id does not exist.'));
  }

  /** Validates the save's addresses; undefined when the save does not touch them. */
  async prepare(customer: CustomerData, customerId: number | null, storeId: number | null): Promise<PreparedAddresses | undefined> {
    const input = customer.addresses;
    if (input === undefined || input === null) return undefined;
    const isNew = customerId === null;
    for (const field of ['default_billing', 'default_shipping'] as const) {
      const value = customer[field];
      if (value !== undefined && value !== null && value !== '' && input.length > 0) {
        if (!input.some((a) => a.id !== undefined && Number(a.id) === Number(value))) {
          throw new InputException(__('The %fieldName value is invalid. Set the correct value and try again.', { fieldName: field }));
        }
      }
    }
    const owned = isNew ? new Set<number>() : new Set((await this.resource.loadByCustomers([customerId])).map((r) => r.entity_id));
    const resolved: ResolvedAddress[] = [];
    for (const address of input) {
      if (isNew) {
        const country = typeof address.country_id === 'string' ? address.country_id : '';
        if (!(await this.directory.isCountryAllowed(country, storeId))) continue;
        resolved.push({ ...(await this.validator.resolve(address, storeId)), id: null });
        continue;
      }
      if (address.id !== undefined && address.id !== null && !owned.has(address.id)) throw noSuchAddress(address.id);
      resolved.push(await this.validator.resolve(address, storeId));
    }
    const ref = (v: string | undefined): number | null | undefined => (v === undefined || v === null ? undefined : v === '' ? null : Number(v));
    return { addresses: resolved, defaultBilling: ref(customer.default_billing), defaultShipping: ref(customer.default_shipping) };
  }

  /** Writes prepared addresses for a saved customer and updates its default address ids, in one transaction. */
  async persist(customerId: number, prepared: PreparedAddresses | undefined, previous: { default_billing: number | null; default_shipping: number | null } | undefined): Promise<void> {
    if (!prepared) return;
    const now = formatDbDate(this.clock.now());
    await this.resource.transaction(async (resource) => {
      const existing = previous ? (await resource.loadByCustomers([customerId])).map((r) => r.entity_id) : [];
      let billing = prepared.defaultBilling !== undefined ? prepared.defaultBilling : (previous?.default_billing ?? null);
      let shipping = prepared.defaultShipping !== undefined ? prepared.defaultShipping : (previous?.default_shipping ?? null);
      const saved: number[] = [];
      for (const address of prepared.addresses) {
        const row = { ...address.row, parent_id: customerId };
        let id: number;
        if (address.id !== null) {
          id = address.id;
          await resource.update(id, row, now);
        } else {
          id = await resource.insert(row, now);
        }
        saved.push(id);
        if (address.defaultBilling) billing = id;
        else if (billing === id) billing = null;
        if (address.defaultShipping) shipping = id;
        else if (shipping === id) shipping = null;
      }
      await resource.delete(existing.filter((id) => !saved.includes(id)));
      if (billing !== null && !saved.includes(billing)) billing = null;
      if (shipping !== null && !saved.includes(shipping)) shipping = null;
      await resource.setCustomerDefaults(customerId, { default_billing: billing, default_shipping: shipping });
    });
  }

  /** Sets `addresses` on loaded customers (one query for all of them). */
  async attach(customers: CustomerData[]): Promise<void> {
    const ids = customers.map((c) => c.id).filter((id): id is number => typeof id === 'number');
    const rows = await this.resource.loadByCustomers(ids);
    const codes = await this.directoryResource.loadRegionCodes([...new Set(rows.map((r) => r.region_id).filter((r): r is number => r !== null))]);
    const byCustomer = new Map<number, AddressRow[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.parent_id as number);
      if (list) list.push(row);
      else byCustomer.set(row.parent_id as number, [row]);
    }
    for (const customer of customers) {
      const defaults = { billing: toId(customer.default_billing), shipping: toId(customer.default_shipping) };
      customer.addresses = (byCustomer.get(customer.id as number) ?? []).map((row): AddressData =>
        addressRowToData(row, defaults, row.region_id === null ? null : (codes.get(row.region_id) ?? null)),
      );
    }
  }

  /** The store a save validates addresses against: the request's store, or the customer's. */
  storeIdFor(customerStoreId: number | null | undefined): number | null {
    return this.requestContext.current()?.storeId || customerStoreId || null;
  }
}

function toId(value: string | undefined): number | null {
  return value === undefined || value === null || value === '' ? null : Number(value);
}
