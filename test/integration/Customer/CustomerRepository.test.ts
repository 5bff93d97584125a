import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { AccountManagementInterface } from '../../../src/Api/Customer/AccountManagementInterface.ts';
import type { CustomerExtensionProviderInterface } from '../../../src/Api/Customer/CustomerExtensionProviderInterface.ts';
import type { CustomerRepositoryInterface } from '../../../src/Api/Customer/CustomerRepositoryInterface.ts';
import type { CustomerData } from '../../../src/Api/Customer/Data/CustomerInterface.ts';
import { GUEST, UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { InputException } from '../../../src/Framework/Exception/InputException.ts';
import { LocalizedException } from '../../../src/Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../../src/Framework/Exception/NoSuchEntityException.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIdentityHarness, type IdentityHarness } from '../Identity/harness.ts';
import { createAdmin, createCustomer } from '../Identity/factories.ts';

async function failure(promise: Promise<unknown>): Promise<LocalizedException> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof LocalizedException, `expected a LocalizedException, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a failure');
}

/** Stands in for LoginAsCustomer's provider: keeps `assistance_allowed` in memory. */
class RecordingProvider implements CustomerExtensionProviderInterface {
  readonly stored = new Map<number, number>();
  readonly calls: string[] = [];
  async afterLoad(customers: CustomerData[]): Promise<void> {
    this.calls.push(`load:${customers.length}`);
    for (const c of customers) {
      c.extension_attributes = { ...c.extension_attributes, assistance_allowed: this.stored.get(c.id as number) ?? 1 };
    }
  }
  async afterSave(saved: CustomerData, input: CustomerData): Promise<void> {
    this.calls.push(`save:${saved.id}`);
    const value = input.extension_attributes?.assistance_allowed;
    if (value) this.stored.set(saved.id as number, value);
  }
}

forEachDatabase('CustomerRepository and AccountManagement', (getDb) => {
  let h: IdentityHarness;
  let provider: RecordingProvider;
  let repository: CustomerRepositoryInterface;
  let accounts: AccountManagementInterface;
  const email = () => `cust_${uniqueSuffix()}@example.com`;
  beforeEach(() => {
    provider = new RecordingProvider();
    h = createIdentityHarness(getDb(), { extensionProviders: [provider] });
    repository = h.get<CustomerRepositoryInterface>(TYPES.CustomerRepository);
    accounts = h.get<AccountManagementInterface>(TYPES.AccountManagement);
  });

  it("createAccount: Magento's JSON, the store of the request, created_in, default group, a v3 hash", async () => {
    const address = email();
    const created = await h.asRequest(GUEST, () =>
      accounts.createAccount({ email: address, firstname: 'Veronica', lastname: 'Costello', group_id: 4, dob: '1973-12-15', gender: 2 }, 'Roni_cost3@example.com'),
    );
    assert.deepEqual(created, {
      id: created.id,
      group_id: 1,
      created_at: '2025-11-24 16:00:00',
      updated_at: '2025-11-24 16:00:00',
      created_in: 'Default Store View',
      dob: '1973-12-15',
      email: address,
      firstname: 'Veronica',
      lastname: 'Costello',
      gender: 2,
      store_id: 1,
      website_id: 1,
      addresses: [],
      disable_auto_group_change: 0,
      extension_attributes: { assistance_allowed: 1 },
    });
    const hash = String(await getDb().fetchOne(`SELECT password_hash FROM ${getDb().getTableName('customer_entity')} WHERE entity_id = ?`, [created.id as number]));
    assert.match(hash, /:3_32_2_67108864$/);
    assert.deepEqual(provider.calls, [`save:${created.id}`, 'load:1']);
  });

  it('createAccount: an admin allowed Magento_Customer::manage may choose the group', async () => {
    const a = await createAdmin(getDb());
    const user = { userId: a.userId, userType: UserType.ADMIN };
    const created = await h.asRequest(user, () => accounts.createAccount({ email: email(), firstname: 'A', lastname: 'B', group_id: 3 }, 'Passw0rd!x'));
    assert.equal(created.group_id, 3);
  });

  it('createAccount: a taken e-mail in the same website', async () => {
    const existing = await createCustomer(getDb());
    const e = await failure(
      h.asRequest(GUEST, () => accounts.createAccount({ email: existing.email.toUpperCase(), firstname: 'A', lastname: 'B' }, 'Passw0rd!x')),
    );
    assert.ok(e instanceof InputException);
    assert.equal(e.getRawMessage(), 'A customer with the same email address already exists in an associated website.');
  });

  it('createAccount: the password policy runs before anything else', async () => {
    const e = await failure(h.asRequest(GUEST, () => accounts.createAccount({ firstname: 'A' }, 'short')));
    assert.equal(e.getRawMessage(), 'The password needs at least %1 characters. Create a new password and try again.');
    assert.deepEqual(e.getParameters(), [8]);
  });

  it("createAccount: missing fields give Magento's validation messages", async () => {
    const missingEmail = await failure(h.asRequest(GUEST, () => accounts.createAccount({ firstname: 'A', lastname: 'B' }, 'Passw0rd!x')));
    assert.equal(missingEmail.getRawMessage(), 'The customer email is missing. Enter and try again.');
    const missingNames = await failure(h.asRequest(GUEST, () => accounts.createAccount({ email: email() }, 'Passw0rd!x')));
    assert.equal(missingNames.getRawMessage(), '"First Name" is a required value.\n"Last Name" is a required value.');
  });

  it('createAccount: a store outside the website', async () => {
    const suffix = uniqueSuffix();
    const { insertId: websiteId } = await getDb().insert('store_website', { code: `w_${suffix}`, name: 'Other', sort_order: 0, default_group_id: 0, is_default: 0 });
    const e = await failure(
      h.asRequest(GUEST, () => accounts.createAccount({ email: email(), firstname: 'A', lastname: 'B', website_id: websiteId, store_id: 1 }, 'Passw0rd!x')),
    );
    assert.equal(e.getRawMessage(), 'The store view is not in the associated website.');
  });

  it('getById: NoSuchEntityException with the field and value', async () => {
    const e = await failure(repository.getById(2_000_000_000));
    assert.ok(e instanceof NoSuchEntityException);
    assert.equal(e.getRawMessage(), 'No such entity with %fieldName = %fieldValue');
    assert.deepEqual(e.getParameters(), { fieldName: 'customerId', fieldValue: 2_000_000_000 });
  });

  it('save: updates the fields sent, keeps the rest, and carries extension attributes through the providers', async () => {
    const c = await createCustomer(getDb(), { firstname: 'Old' });
    const me = { userId: c.customerId, userType: UserType.CUSTOMER };
    const saved = await h.asRequest(me, () =>
      repository.save({
        id: c.customerId,
        email: c.email,
        firstname: 'New',
        lastname: 'Costello',
        // An existing group (Wholesale): an unknown one is refused for every caller, as Magento's validateGroupId does.
        group_id: 2,
        website_id: 0,
        extension_attributes: { assistance_allowed: 2 },
      }),
    );
    assert.equal(saved.firstname, 'New');
    assert.equal(saved.group_id, 1, 'a customer cannot change their own group');
    assert.equal(saved.website_id, 1, 'nor their website');
    assert.equal(saved.created_in, 'Default Store View');
    assert.deepEqual(saved.extension_attributes, { assistance_allowed: 2 });
    assert.deepEqual((await repository.getById(c.customerId)).extension_attributes, { assistance_allowed: 2 });
  });

  it('save: email, firstname and lastname are required on every save, as in Magento', async () => {
    const c = await createCustomer(getDb());
    const e = await failure(repository.save({ id: c.customerId, email: c.email, extension_attributes: { assistance_allowed: 2 } }));
    assert.equal(e.getRawMessage(), '"First Name" is a required value.\n"Last Name" is a required value.');
    assert.equal(provider.stored.size, 0);
  });

  it('save: changing the e-mail to a taken one is refused', async () => {
    const a = await createCustomer(getDb());
    const b = await createCustomer(getDb());
    const e = await failure(repository.save({ id: b.customerId, email: a.email, firstname: 'A', lastname: 'B' }));
    assert.equal(e.getRawMessage(), 'A customer with the same email address already exists in an associated website.');
  });

  it('getList: filters (OR within a group, AND across groups), sorting and paging, with the search-result shape', async () => {
    const tag = uniqueSuffix();
    const made = [];
    for (const [first, last] of [['Ann', 'Zed'], ['Bob', 'Young'], ['Cid', 'Xu'], ['Dee', 'Wu']] as const) {
      made.push(await createCustomer(getDb(), { email: `${first.toLowerCase()}_${tag}@example.com`, firstname: first, lastname: last }));
    }
    const criteria = {
      filter_groups: [
        { filters: [{ field: 'email', value: `%_${tag}@example.com`, condition_type: 'like' }] },
        {
          filters: [
            { field: 'firstname', value: 'Ann', condition_type: 'eq' },
            { field: 'lastname', value: 'Xu,Wu', condition_type: 'in' },
          ],
        },
      ],
      sort_orders: [{ field: 'lastname', direction: 'ASC' }],
      page_size: 2,
      current_page: 1,
    };
    const page1 = await repository.getList(criteria);
    assert.equal(page1.total_count, 3);
    assert.deepEqual(page1.items.map((c) => c.firstname), ['Dee', 'Cid']);
    assert.deepEqual(page1.search_criteria, criteria);
    assert.deepEqual(page1.items[0]?.extension_attributes, { assistance_allowed: 1 });
    const page2 = await repository.getList({ ...criteria, current_page: 2 });
    assert.deepEqual(page2.items.map((c) => c.firstname), ['Ann']);
    const desc = await repository.getList({ ...criteria, sort_orders: [{ field: 'firstname', direction: 'DESC' }], page_size: 10 });
    assert.deepEqual(desc.items.map((c) => c.firstname), ['Dee', 'Cid', 'Ann']);
    assert.equal(made.length, 4);
  });

  it('getList: an unknown field is a 400-class input error, not a 500', async () => {
    const e = await failure(repository.getList({ filter_groups: [{ filters: [{ field: 'password_hash', value: 'x' }] }] }));
    assert.ok(e instanceof InputException);
  });
});
