import { inject, injectable } from 'inversify';
import type { ConnectionInterface } from '../../../Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { UserType } from '../../../Framework/Authentication/UserContext.ts';
import { generationExpression } from '../Cache/CacheGeneration.ts';
import { CUSTOMER_COLUMNS, toCustomerRow, type CustomerRow } from '../Customer/Customer.ts';
import { ADMIN_USER_COLUMNS, toAdminUserRow, type AdminUserRow } from '../User/AdminUser.ts';

/** What a bearer token's user looks like right now. */
export interface TokenSubjectState {
  /** False when the user row is gone. */
  readonly exists: boolean;
  /** `admin_user.is_active` for admins; true for the others. */
  readonly active: boolean;
  /** `jwt_auth_revoked.revoke_before`, or null when nothing was revoked. */
  readonly revokeBefore: number | null;
  /** The shared caches' generation (CacheGenerations), read in the same statement; null when nothing was read. */
  readonly cacheGeneration: number | null;
  /** A customer token's customer row, for the request's identity map. */
  readonly customer?: CustomerRow;
  /** An admin token's admin row, for the request's identity map. */
  readonly admin?: AdminUserRow;
  /**
   * Further rows for the request's identity map, by `<table>:<id>`: a customer's opt-in to remote shopping assistance
   * (`login_as_customer_assistance_allowed`, true when its row exists), as AssistanceAllowedResource keeps it.
   */
  readonly identityEntries?: ReadonlyArray<readonly [string, unknown]>;
}

const ASSISTANCE_TABLE = 'login_as_customer_assistance_allowed';

const MISSING: TokenSubjectState = Object.freeze({ exists: false, active: false, revokeBefore: null, cacheGeneration: null });

/**
 * The per-request lookup behind a bearer token: the user's row, its `jwt_auth_revoked` entry and the shared caches'
 * generation in one indexed query, so authenticating a request costs one round trip; for a customer the whole
 * customer row comes with it (the request's identity map keeps it, so `self` and `customers/me` read no more).
 */
@injectable()
export class TokenSubject {
  constructor(@inject(TYPES.ResourceConnection) private readonly db: ConnectionInterface) {}

  async load(userType: UserType, userId: number): Promise<TokenSubjectState> {
    const revoked = this.db.getTableName('jwt_auth_revoked');
    const generation = `${generationExpression(this.db)} AS cache_generation`;
    let sql: string;
    switch (userType) {
      case UserType.ADMIN:
        sql = `SELECT ${ADMIN_USER_COLUMNS.map((c) => `u.${c}`).join(', ')}, u.is_active AS active, r.revoke_before AS revoke_before, ${generation} FROM ${this.db.getTableName('admin_user')} u
          LEFT JOIN ${revoked} r ON r.user_type_id = ? AND r.user_id = u.user_id WHERE u.user_id = ?`;
        break;
      case UserType.CUSTOMER:
        sql = `SELECT ${CUSTOMER_COLUMNS.map((c) => `u.${c}`).join(', ')}, 1 AS active, r.revoke_before AS revoke_before, ${generation},
          (SELECT 1 FROM ${this.db.getTableName(ASSISTANCE_TABLE)} a WHERE a.customer_id = u.entity_id) AS assistance_allowed
          FROM ${this.db.getTableName('customer_entity')} u
          LEFT JOIN ${revoked} r ON r.user_type_id = ? AND r.user_id = u.entity_id WHERE u.entity_id = ?`;
        break;
      case UserType.INTEGRATION:
        sql = `SELECT 1 AS active, r.revoke_before AS revoke_before, ${generation} FROM ${this.db.getTableName('integration')} u
          LEFT JOIN ${revoked} r ON r.user_type_id = ? AND r.user_id = u.integration_id WHERE u.integration_id = ?`;
        break;
      default:
        return MISSING;
    }
    const row = await this.db.fetchRow(sql, [userType, userId]);
    if (!row) return MISSING;
    return {
      exists: true,
      active: Number(row.active) === 1,
      revokeBefore: row.revoke_before === null || row.revoke_before === undefined ? null : Number(row.revoke_before),
      cacheGeneration: Number(row.cache_generation),
      ...(userType === UserType.CUSTOMER
        ? {
            customer: toCustomerRow(row),
            identityEntries: [[`${ASSISTANCE_TABLE}:${userId}`, row.assistance_allowed !== null && row.assistance_allowed !== undefined]] as const,
          }
        : {}),
      ...(userType === UserType.ADMIN ? { admin: toAdminUserRow(row) } : {}),
    };
  }

  /** The integration whose OAuth consumer issued an opaque token (Magento's `findByConsumerId`). */
  async findIntegrationIdByConsumer(consumerId: number): Promise<number | null> {
    const value = await this.db.fetchOne(
      `SELECT integration_id FROM ${this.db.getTableName('integration')} WHERE consumer_id = ?`,
      [consumerId],
    );
    return value === undefined || value === null ? null : Number(value);
  }
}
