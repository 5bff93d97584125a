import type { Container } from 'inversify';
import type { AccountManagementInterface } from '../Api/Customer/AccountManagementInterface.ts';
import type { AddressData } from '../Api/Customer/Data/AddressInterface.ts';
import type { SetAssistanceInterface } from '../Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { ConfigWriterInterface, ScopeConfigInterface, ScopeType } from '../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../Framework/Di/Types.ts';
import { InputException } from '../Framework/Exception/InputException.ts';
import { __ } from '../Framework/Exception/Phrase.ts';
import { RoleManagement } from '../Model/Authorization/RoleManagement.ts';
import { DirectoryData } from '../Model/Directory/DirectoryData.ts';
import { IntegrationService } from '../Model/Integration/Oauth/IntegrationService.ts';
import { AdminUserManagement } from '../Model/User/AdminUserManagement.ts';

export interface RoleFixture {
  readonly name: string;
  /** ACL resource ids from acl.xml; a resource brings its ancestors and descendants, as the admin panel's tree does. */
  readonly resources: readonly string[];
}

export interface AdminFixture {
  readonly username: string;
  /** Default `Admin123!`. */
  readonly password?: string;
  readonly email?: string;
  readonly firstname?: string;
  readonly lastname?: string;
  /** A restricted role allowed exactly these resources; default: the Administrators role (everything). */
  readonly resources?: readonly string[];
  /** The name of a role created in the same call (or already there), instead of `resources`. */
  readonly role?: string;
}

export interface CustomerFixture {
  readonly email: string;
  /** Default `Password123!`. */
  readonly password?: string;
  readonly firstname?: string;
  readonly lastname?: string;
  readonly website_id?: number;
  readonly store_id?: number;
  readonly group_id?: number;
  /** Remote shopping assistance (Login as Customer opt-in): true/2 allows, false/1 denies (default). */
  readonly assistance_allowed?: boolean | 1 | 2;
  /**
   * Addresses as `POST /V1/customers` takes them (snake_case AddressInterface: `region: {region_code, region,
   * region_id}`, `default_billing`, `default_shipping` …), validated by Magento's address validators.
   */
  readonly addresses?: readonly AddressData[];
}

/** An active integration (OAuth 1.0a consumer with its access token), as `bin/magento integration:create` makes one. */
export interface IntegrationFixture {
  readonly name: string;
  /** Default `<name>@example.com` (spaces removed). */
  readonly email?: string;
  /** ACL resource ids, or `all` for every resource (Magento_Backend::all). */
  readonly resources: readonly string[] | 'all';
}

export interface FixtureSet {
  readonly roles?: readonly RoleFixture[];
  readonly admins?: readonly AdminFixture[];
  readonly integrations?: readonly IntegrationFixture[];
  readonly customers?: readonly CustomerFixture[];
  /** Config path → value at default scope, or `{ value, scope, scope_id }`. */
  readonly config?: Readonly<Record<string, string | number | boolean | null | { value: string | null; scope?: ScopeType; scope_id?: number }>>;
}

export interface CreatedFixtures {
  readonly roles: Array<{ id: number; name: string }>;
  readonly admins: Array<{ id: number; username: string; password: string }>;
  readonly customers: Array<{ id: number; email: string; password: string }>;
  /** The credentials an OAuth 1.0a client (or, with `oauth/consumer/enable_integration_as_bearer`, a bearer client) needs. */
  readonly integrations: Array<{
    id: number;
    name: string;
    consumer_key: string;
    consumer_secret: string;
    access_token: string;
    access_token_secret: string;
  }>;
}

const DEFAULT_ADMIN_PASSWORD = 'Admin123!';
const DEFAULT_CUSTOMER_PASSWORD = 'Password123!';
const KNOWN_KEYS = new Set(['roles', 'admins', 'integrations', 'customers', 'config']);

/**
 * Creates test data through the same services the REST API and `bin/magento` use (so validation, hashing and
 * ACL rules are Magento's), in the order roles → admins → integrations → customers → config, and returns the new ids.
 */
export class Fixtures {
  constructor(private readonly container: Container) {}

  async create(set: FixtureSet): Promise<CreatedFixtures> {
    if (typeof set !== 'object' || set === null || Array.isArray(set)) throw invalid('fixtures', set);
    for (const key of Object.keys(set)) {
      if (!KNOWN_KEYS.has(key)) {
        throw new InputException(__('Fixtures of type "%1" are not supported (use %2).', [key, [...KNOWN_KEYS].join(', ')]));
      }
    }
    const created: CreatedFixtures = { roles: [], admins: [], customers: [], integrations: [] };
    const roles = this.container.get(RoleManagement);
    const admins = this.container.get(AdminUserManagement);
    const roleIds = new Map<string, number>();

    for (const role of list(set.roles, 'roles')) {
      const name = String(role.name ?? '').trim();
      const row = await roles.createRole(name, resourcesOf(role.resources, 'roles.resources'));
      roleIds.set(name, row.role_id);
      created.roles.push({ id: row.role_id, name });
    }

    for (const admin of list(set.admins, 'admins')) {
      const username = String(admin.username ?? '');
      const input = {
        username,
        password: admin.password ?? DEFAULT_ADMIN_PASSWORD,
        email: admin.email ?? `${username}@example.com`,
        firstname: admin.firstname ?? 'Test',
        lastname: admin.lastname ?? 'Admin',
      };
      const errors = admins.validate(input);
      if (errors.length > 0) throw new InputException(__('Invalid admin fixture "%1": %2', [username, errors.join(' ')]));
      let id: number;
      if (admin.role !== undefined) {
        const roleId = roleIds.get(admin.role);
        if (roleId === undefined) throw new InputException(__('Admin fixture "%1" names role "%2", which this call did not create.', [username, admin.role]));
        id = await admins.createAdmin(input, roleId);
      } else if (admin.resources !== undefined) {
        const role = await roles.createRole(`${username} role`, resourcesOf(admin.resources, 'admins.resources'));
        id = await admins.createAdmin(input, role.role_id);
      } else {
        id = (await admins.createOrUpdateAdministrator(input)).userId;
      }
      created.admins.push({ id, username, password: input.password });
    }

    const integrations = this.container.get(IntegrationService);
    for (const integration of list(set.integrations, 'integrations')) {
      const name = String(integration.name ?? '').trim();
      const resources = integration.resources === 'all' ? 'all' : resourcesOf(integration.resources, 'integrations.resources');
      const email = integration.email ?? `${name.replace(/\s+/g, '') || 'integration'}@example.com`;
      const credentials = await integrations.create({ name, email, endpoint: null, resources });
      const access = await integrations.activate(credentials.id);
      created.integrations.push({ ...credentials, name, ...access });
    }

    const accounts = this.container.get<AccountManagementInterface>(TYPES.AccountManagement);
    const assistance = this.container.get<SetAssistanceInterface>(TYPES.LacSetAssistance);
    for (const customer of list(set.customers, 'customers')) {
      const password = customer.password ?? DEFAULT_CUSTOMER_PASSWORD;
      const saved = await accounts.createAccount(
        {
          email: customer.email,
          firstname: customer.firstname ?? 'Test',
          lastname: customer.lastname ?? 'Customer',
          website_id: customer.website_id ?? 1,
          ...(customer.store_id !== undefined ? { store_id: customer.store_id } : {}),
          ...(customer.group_id !== undefined ? { group_id: customer.group_id } : {}),
          ...(customer.addresses !== undefined ? { addresses: await this.addressesOf(customer.addresses, customer.store_id ?? null) } : {}),
        },
        password,
      );
      const id = saved.id as number;
      const allowed = customer.assistance_allowed;
      if (allowed === true || allowed === 2) await assistance.execute(id, true);
      else if (allowed !== undefined && allowed !== false && allowed !== 1) throw invalid('assistance_allowed', allowed);
      created.customers.push({ id, email: saved.email as string, password });
    }

    const writer = this.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    for (const [path, entry] of Object.entries(set.config ?? {})) {
      if (typeof entry === 'object' && entry !== null) {
        await writer.save(path, entry.value === null ? null : String(entry.value), entry.scope ?? 'default', entry.scope_id ?? 0);
      } else {
        await writer.save(path, entry === null ? null : String(entry === true ? 1 : entry === false ? 0 : entry));
      }
    }
    this.container.get<ScopeConfigInterface>(TYPES.ScopeConfig).clean();
    return created;
  }

  /**
   * Account creation skips addresses whose country the website does not allow (as Magento's does); a fixture refuses
   * them instead, so a mistyped country is not silently lost.
   */
  private async addressesOf(value: unknown, storeId: number | null): Promise<AddressData[]> {
    if (!Array.isArray(value) || !value.every((a) => typeof a === 'object' && a !== null && !Array.isArray(a))) throw invalid('addresses', value);
    const directory = this.container.get(DirectoryData);
    for (const address of value as AddressData[]) {
      if (typeof address.country_id !== 'string' || !(await directory.isCountryAllowed(address.country_id, storeId))) {
        throw invalid('addresses.country_id', address.country_id);
      }
    }
    return value as AddressData[];
  }
}

function list<T>(value: readonly T[] | undefined, field: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(field, value);
  return value;
}

function resourcesOf(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) throw invalid(field, value);
  return value as string[];
}

function invalid(fieldName: string, value: unknown): InputException {
  return new InputException(__('Invalid value of "%value" provided for the %fieldName field.', { value: JSON.stringify(value) ?? 'undefined', fieldName }));
}
