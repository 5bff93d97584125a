import { inject, injectable } from 'inversify';
import type { GroupData, GroupSearchResults } from '../../Api/Customer/Data/GroupInterface.ts';
import type { GroupRepositoryInterface } from '../../Api/Customer/GroupRepositoryInterface.ts';
import type { SearchCriteria } from '../../Framework/Api/SearchCriteria.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { StateException } from '../../Framework/Exception/StateException.ts';
import { GroupResource, type GroupRow } from '../ResourceModel/Customer/GroupResource.ts';
import { StoreManager } from '../Store/StoreManager.ts';

/** Magento's `Magento\Customer\Model\Group` constants. */
export const NOT_LOGGED_IN_ID = 0;
export const GROUP_CODE_MAX_LENGTH = 32;
/** `GroupRepository::DEFAULT_TAX_CLASS_ID`: "Retail Customer". */
const DEFAULT_TAX_CLASS_ID = 3;
const DEFAULT_GROUP_PATH = 'customer/create_account/default_group';

export function groupRowToData(row: GroupRow): GroupData {
  const data: GroupData = { id: row.customer_group_id, code: row.customer_group_code, tax_class_id: row.tax_class_id };
  if (row.class_name !== null) data.tax_class_name = row.class_name;
  return data;
}

export function noSuchGroup(field: string, id: unknown): NoSuchEntityException {
  return new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: field, fieldValue: id }));
}

/**
 * Magento's `Magento\Customer\Model\ResourceModel\GroupRepository` over `customer_group` and `tax_class`:
 *  - save: `code` required (`"%fieldName" is required. Enter and try again.`), cut to 32 characters as Magento's
 *    Group model does, unique (`Customer Group already exists.`, an InvalidTransitionException: 400); the tax class
 *    must exist and be a CUSTOMER class (`Invalid value of "%value" provided for the %fieldName field.`, taxClassId),
 *    a new group without one gets class 3, an update must send one;
 *  - an unknown id: `No such entity with id = <id>` (GroupRegistry);
 *  - deleting group 0 or a group some store uses as its default: StateException `Cannot delete group.`.
 */
@injectable()
export class GroupRepository implements GroupRepositoryInterface {
  constructor(
    @inject(GroupResource) private readonly resource: GroupResource,
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(StoreManager) private readonly stores: StoreManager,
  ) {}

  async getById(id: number): Promise<GroupData> {
    return groupRowToData(await this.retrieve(id));
  }

  async getList(searchCriteria: SearchCriteria): Promise<GroupSearchResults> {
    const criteria = searchCriteria ?? {};
    const { rows, total } = await this.resource.getList(criteria);
    return { items: rows.map(groupRowToData), search_criteria: { ...criteria, filter_groups: criteria.filter_groups ?? [] }, total_count: total };
  }

  async save(group: GroupData): Promise<GroupData> {
    const rawCode = typeof group.code === 'string' ? group.code : '';
    if (rawCode.trim() === '') throw InputException.requiredField('code');
    const code = [...rawCode].slice(0, GROUP_CODE_MAX_LENGTH).join('');
    const id = group.id ?? null;
    let taxClassId: number;
    if (id !== null) {
      await this.retrieve(id);
      // Magento checks the tax class sent with an update; none sent is no tax class.
      if (group.tax_class_id === undefined || group.tax_class_id === null) throw InputException.invalidFieldValue('taxClassId', null);
      taxClassId = group.tax_class_id;
    } else {
      taxClassId = group.tax_class_id || DEFAULT_TAX_CLASS_ID;
    }
    const taxClass = Number.isSafeInteger(taxClassId) ? await this.resource.loadTaxClass(taxClassId) : undefined;
    if (!taxClass || taxClass.class_type !== 'CUSTOMER') throw InputException.invalidFieldValue('taxClassId', group.tax_class_id ?? taxClassId);
    if (await this.resource.codeTaken(code, id)) throw new StateException(__('Customer Group already exists.'));
    const savedId = id !== null ? (await this.resource.update(id, code, taxClassId), id) : await this.resource.insert(code, taxClassId);
    return this.getById(savedId);
  }

  async deleteById(id: number): Promise<boolean> {
    await this.retrieve(id);
    if (id <= NOT_LOGGED_IN_ID || (await this.usesAsDefault(id))) throw new StateException(__('Cannot delete group.'));
    await this.resource.delete(id);
    return true;
  }

  /** Whether any store (or the default scope) has this group as its default for new accounts (Group::usesAsDefault). */
  async usesAsDefault(id: number): Promise<boolean> {
    const values = [await this.config.getValue(DEFAULT_GROUP_PATH)];
    for (const store of await this.stores.getStores(true)) values.push(await this.config.getValue(DEFAULT_GROUP_PATH, 'stores', store.store_id));
    return values.some((v) => v !== null && Number(v) === id);
  }

  private async retrieve(id: number): Promise<GroupRow> {
    const row = Number.isSafeInteger(id) && id >= 0 ? await this.resource.loadById(id) : undefined;
    if (!row) throw noSuchGroup('id', id);
    return row;
  }
}
