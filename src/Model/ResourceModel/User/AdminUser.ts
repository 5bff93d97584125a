import { inject, injectable } from 'inversify';
import type { ConnectionInterface, SqlValue } from '../../../Framework/Db/ConnectionInterface.ts';
import { NOT_REMEMBERED, type RequestContext } from '../../../Framework/App/RequestContext.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { UserType } from '../../../Framework/Authentication/UserContext.ts';

/** The `admin_user` columns this service reads. */
export interface AdminUserRow {
  user_id: number;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
  username: string | null;
  password: string;
  is_active: number;
  lock_expires: string | null;
}

export interface NewAdminUser {
  firstname: string;
  lastname: string;
  email: string;
  username: string;
  password: string;
  is_active: number;
}

/** The columns every admin read selects (TokenSubject reads them too, for the request's identity map). */
export const ADMIN_USER_COLUMNS = ['user_id', 'firstname', 'lastname', 'email', 'username', 'password', 'is_active', 'lock_expires'] as const;
const COLUMNS = ADMIN_USER_COLUMNS.join(', ');

export function toAdminUserRow(r: Record<string, unknown>): AdminUserRow {
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    user_id: Number(r.user_id),
    firstname: str(r.firstname),
    lastname: str(r.lastname),
    email: str(r.email),
    username: str(r.username),
    password: String(r.password ?? ''),
    is_active: Number(r.is_active),
    lock_expires: str(r.lock_expires),
  };
}

/** Every SQL statement on `admin_user` (Magento's `Magento\User\Model\ResourceModel\User`). */
@injectable()
export class AdminUser {
  constructor(
    @inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  private get table(): string {
    return this.db.getTableName('admin_user');
  }

  /** Read once per request (RequestState.identityMap); later calls in the request get a copy of that row. */
  async loadById(userId: number): Promise<AdminUserRow | undefined> {
    const known = this.requestContext.recall(identityKey(userId));
    if (known !== NOT_REMEMBERED) return known === null ? undefined : { ...(known as AdminUserRow) };
    const found = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE user_id = ?`, [userId]);
    const row = found ? toAdminUserRow(found) : undefined;
    this.remember(userId, row);
    return row ? { ...row } : undefined;
  }

  /** Puts a row read elsewhere (TokenSubject, with the token's revocation) into this request's identity map. */
  remember(userId: number, row: AdminUserRow | undefined): void {
    this.requestContext.remember(identityKey(userId), row ? Object.freeze({ ...row }) : null);
  }

  private forget(userId: number): void {
    this.requestContext.forget(identityKey(userId));
  }

  /**
   * Magento compares `username = :username` under MySQL's case-insensitive collation; the same
   * comparison is spelled out here so SQLite matches the same rows.
   */
  async loadByUsername(username: string): Promise<AdminUserRow | undefined> {
    const where = this.db.platform === 'sqlite' ? 'username = ? COLLATE NOCASE' : 'username = ?';
    const row = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE ${where} ORDER BY user_id LIMIT 1`, [
      username,
    ]);
    return row ? toAdminUserRow(row) : undefined;
  }

  async loadByEmail(email: string): Promise<AdminUserRow | undefined> {
    const where = this.db.platform === 'sqlite' ? 'email = ? COLLATE NOCASE' : 'email = ?';
    const row = await this.db.fetchRow(`SELECT ${COLUMNS} FROM ${this.table} WHERE ${where} ORDER BY user_id LIMIT 1`, [email]);
    return row ? toAdminUserRow(row) : undefined;
  }

  async hasAnyUser(): Promise<boolean> {
    return (await this.db.fetchOne(`SELECT user_id FROM ${this.table} LIMIT 1`)) !== undefined;
  }

  async insert(user: NewAdminUser, now: string): Promise<number> {
    const result = await this.db.insert('admin_user', { ...user, created: now, modified: now });
    this.forget(result.insertId);
    return result.insertId;
  }

  async update(userId: number, fields: Readonly<Record<string, SqlValue>>): Promise<void> {
    const names = Object.keys(fields);
    if (names.length === 0) return;
    this.forget(userId);
    await this.db.execute(
      `UPDATE ${this.table} SET ${names.map((n) => `${this.db.quoteIdentifier(n)} = ?`).join(', ')} WHERE user_id = ?`,
      [...names.map((n) => fields[n] as SqlValue), userId],
    );
  }

  /** Magento's `recordLogin`: last login time and login count. */
  async recordLogin(userId: number, now: string): Promise<void> {
    this.forget(userId);
    await this.db.execute(`UPDATE ${this.table} SET logdate = ?, lognum = lognum + 1 WHERE user_id = ?`, [now, userId]);
  }

  /** Magento's `hasAssigned2Role`: a user role (parent_id > 0) for this admin exists. */
  async hasAssigned2Role(userId: number): Promise<boolean> {
    const found = await this.db.fetchOne(
      `SELECT role_id FROM ${this.db.getTableName('authorization_role')} WHERE parent_id > ? AND user_id = ? AND user_type = ? LIMIT 1`,
      [0, userId, String(UserType.ADMIN)],
    );
    return found !== undefined;
  }
}

function identityKey(userId: number): string {
  return `admin_user:${userId}`;
}
