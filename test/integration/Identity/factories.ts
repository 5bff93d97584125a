/** Rows for identity tests, with unique values so tests never collide on a shared MySQL database. */
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import { formatDbDate } from '../../../src/Framework/Stdlib/Clock.ts';
import { uniqueSuffix } from '../../support/databases.ts';
import { CacheGeneration } from '../../../src/Model/ResourceModel/Cache/CacheGeneration.ts';

/** "Admin123!" hashed with version 3_32_2_67108864 (vectors/magento-crypto.json). */
export const ADMIN123_V3 =
  '3215c4af790436b68e02c6584c2c11d6a2929ca3dba0a8952f3c24f1d59fe25a:Qm9Yx2LkP8sVt4RzW1aCn7Ue3Hj6Gd0F:3_32_2_67108864';
/** "Customer#2024" hashed with version 3_32_2_67108864. */
export const CUSTOMER2024_V3 =
  'a529760655f494096fce4f5ec0b2b072fc6bd59cb585f2fdaa6509f1cc982d71:Qm9Yx2LkP8sVt4RzW1aCn7Ue3Hj6Gd0F:3_32_2_67108864';

export interface AdminFixture {
  userId: number;
  username: string;
  roleId: number | null;
}

/** An admin row with the given stored hash; in the given group role, or in a new full-access group. */
export async function createAdmin(
  db: ConnectionInterface,
  options: { password?: string; isActive?: number; roleId?: number | null; fullAccess?: boolean } = {},
): Promise<AdminFixture> {
  const username = `adm_${uniqueSuffix()}`;
  const { insertId: userId } = await db.insert('admin_user', {
    username,
    firstname: 'Test',
    lastname: 'Admin',
    email: `${username}@example.com`,
    password: options.password ?? ADMIN123_V3,
    is_active: options.isActive ?? 1,
  });
  let roleId = options.roleId ?? null;
  if (roleId === null && options.fullAccess !== false) {
    roleId = await createGroupRole(db, [['Magento_Backend::all', 'allow']]);
  }
  if (roleId !== null) await assignRole(db, userId, roleId, username);
  return { userId, username, roleId };
}

export async function createGroupRole(db: ConnectionInterface, rules: Array<[string, 'allow' | 'deny']>): Promise<number> {
  const { insertId } = await db.insert('authorization_role', {
    parent_id: 0,
    tree_level: 1,
    sort_order: 0,
    role_type: 'G',
    user_id: 0,
    user_type: '2',
    role_name: `role_${uniqueSuffix()}`,
  });
  for (const [resource_id, permission] of rules) {
    await db.insert('authorization_rule', { role_id: insertId, resource_id, privileges: '', permission });
  }
  // Written as another instance's Role/Rules would: the ACL cache generation moves with the rows.
  await new CacheGeneration(db).bump(['acl']);
  return insertId;
}

export async function assignRole(db: ConnectionInterface, userId: number, groupRoleId: number, name: string): Promise<void> {
  await db.insert('authorization_role', {
    parent_id: groupRoleId,
    tree_level: 2,
    sort_order: 0,
    role_type: 'U',
    user_id: userId,
    user_type: '2',
    role_name: name,
  });
  await new CacheGeneration(db).bump(['acl']);
}

export interface CustomerFixture {
  customerId: number;
  email: string;
}

export async function createCustomer(
  db: ConnectionInterface,
  options: { passwordHash?: string; websiteId?: number; storeId?: number; firstname?: string; lastname?: string; email?: string; confirmation?: string | null } = {},
): Promise<CustomerFixture> {
  const email = options.email ?? `cust_${uniqueSuffix()}@example.com`;
  const { insertId } = await db.insert('customer_entity', {
    email,
    website_id: options.websiteId ?? 1,
    store_id: options.storeId ?? 1,
    group_id: 1,
    firstname: options.firstname ?? 'Veronica',
    lastname: options.lastname ?? 'Costello',
    created_in: 'Default Store View',
    password_hash: options.passwordHash ?? CUSTOMER2024_V3,
    confirmation: options.confirmation ?? null,
    created_at: '2025-11-24 15:00:00',
    updated_at: '2025-11-24 15:00:00',
  });
  return { customerId: insertId, email };
}

/** A legacy opaque `oauth_token` row (Magento before 2.4.4 issued these). */
export async function createOpaqueToken(
  db: ConnectionInterface,
  owner: { adminId?: number; customerId?: number; consumerId?: number; userType: number },
  createdAtMs: number,
  revoked = 0,
): Promise<string> {
  const token = `tok${uniqueSuffix()}${uniqueSuffix()}`.slice(0, 32);
  await db.insert('oauth_token', {
    consumer_id: owner.consumerId ?? null,
    admin_id: owner.adminId ?? null,
    customer_id: owner.customerId ?? null,
    type: 'access',
    token,
    secret: `sec${uniqueSuffix()}`.slice(0, 32),
    callback_url: 'oob',
    revoked,
    authorized: 0,
    user_type: owner.userType,
    created_at: formatDbDate(createdAtMs),
  });
  return token;
}
