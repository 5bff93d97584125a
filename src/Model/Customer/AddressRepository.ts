import { inject, injectable } from 'inversify';
import type { AddressRepositoryInterface } from '../../Api/Customer/AddressRepositoryInterface.ts';
import type { AddressData } from '../../Api/Customer/Data/AddressInterface.ts';
import { AddressResource, type AddressRow } from '../ResourceModel/Customer/AddressResource.ts';
import { Customer as CustomerResource } from '../ResourceModel/Customer/Customer.ts';
import { DirectoryResource } from '../ResourceModel/Directory/DirectoryResource.ts';
import { addressRowToData } from './AddressMapper.ts';
import { noSuchAddress } from './CustomerAddresses.ts';
import { CustomerRepository } from './CustomerRepository.ts';

/**
 * Magento's `Magento\Customer\Model\ResourceModel\AddressRepository` (getById, deleteById): an unknown id is
 * `No such entity with addressId = <id>`; deleting the customer's default billing or shipping address clears that
 * default (Magento's DeleteRelation). Also reads a customer's default addresses for AccountManagement.
 */
@injectable()
export class AddressRepository implements AddressRepositoryInterface {
  constructor(
    @inject(AddressResource) private readonly resource: AddressResource,
    @inject(CustomerResource) private readonly customers: CustomerResource,
    @inject(DirectoryResource) private readonly directory: DirectoryResource,
  ) {}

  async getById(addressId: number): Promise<AddressData> {
    return this.toData(await this.retrieve(addressId));
  }

  async deleteById(addressId: number): Promise<boolean> {
    const row = await this.retrieve(addressId);
    await this.resource.delete([row.entity_id]);
    if (row.parent_id !== null) {
      await this.resource.clearCustomerDefaults(row.parent_id, [row.entity_id]);
      this.customers.forget(row.parent_id);
    }
    return true;
  }

  /** The address a customer's `default_billing`/`default_shipping` points at, null when none (or a dangling id). */
  async getDefault(customerId: number, which: 'default_billing' | 'default_shipping'): Promise<AddressData | null> {
    const customer = Number.isSafeInteger(customerId) && customerId > 0 ? await this.customers.loadById(customerId) : undefined;
    if (!customer) throw CustomerRepository.noSuchCustomer(customerId);
    const id = customer[which];
    const row = id === null ? undefined : await this.resource.loadById(id);
    return row && row.parent_id === customerId ? this.toData(row) : null;
  }

  private async retrieve(addressId: number): Promise<AddressRow> {
    const row = Number.isSafeInteger(addressId) && addressId > 0 ? await this.resource.loadById(addressId) : undefined;
    if (!row) throw noSuchAddress(addressId);
    return row;
  }

  private async toData(row: AddressRow): Promise<AddressData> {
    const customer = row.parent_id === null ? undefined : await this.customers.loadById(row.parent_id);
    const codes = row.region_id === null ? new Map<number, string | null>() : await this.directory.loadRegionCodes([row.region_id]);
    return addressRowToData(
      row,
      { billing: customer?.default_billing ?? null, shipping: customer?.default_shipping ?? null },
      row.region_id === null ? null : (codes.get(row.region_id) ?? null),
    );
  }
}
