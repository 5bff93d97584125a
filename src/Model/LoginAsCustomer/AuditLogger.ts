import { inject, injectable } from 'inversify';
import type { LogEvent, LogOperation } from '../../Api/LoginAsCustomer/Data/LogInterface.ts';
import type { Logger } from '../../Framework/App/Logger.ts';
import type { ConnectionInterface } from '../../Framework/Db/ConnectionInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { formatDbDate, type Clock } from '../../Framework/Stdlib/Clock.ts';
import { AuditLogResource } from '../ResourceModel/LoginAsCustomer/AuditLogResource.ts';

/** One audit entry as the services describe it; caller, IP, user agent and time are added here. */
export interface AuditRecord {
  event: LogEvent;
  operation: LogOperation;
  /** The real reason of a refusal (never sent to the client); absent for successes. */
  rejectionReason?: string;
  /** The caller's stated reason, or why a session ended. */
  reason?: string | null;
  adminId?: number | null;
  adminUsername?: string | null;
  customerId?: number | null;
  customerEmail?: string | null;
  storeId?: number | null;
  secretHash?: string | null;
  secretExpiresAt?: number | null;
  tokenExpiresAt?: number | null;
}

/**
 * Writes this service's audit entries (`login_as_customer_audit_log`). Entries name people and outcomes;
 * they never hold a secret or a token (only the secret's HMAC, for lookups). Each entry is also logged without the
 * HMAC: inside a request its fields join the request's one log line ('rest request'); outside one (CLI, jobs) it is a
 * line of its own ('login as customer').
 */
@injectable()
export class AuditLogger {
  constructor(
    @inject(AuditLogResource) private readonly resource: AuditLogResource,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** `db`: the transaction the entry belongs to (an exchange writes its ledger row, audit entry and Magento log together). */
  async write(record: AuditRecord, db?: ConnectionInterface): Promise<void> {
    const state = this.requestContext.current();
    const caller = state?.user;
    await this.resource.insert(
      {
      time: formatDbDate(this.clock.now()),
      event: record.event,
      operation: record.operation,
      outcome: record.rejectionReason === undefined ? 'success' : 'failure',
      rejection_reason: record.rejectionReason ?? null,
      reason: record.reason ?? null,
      user_id: record.adminId ?? null,
      user_name: record.adminUsername ?? null,
      customer_id: record.customerId ?? null,
      customer_email: record.customerEmail ?? null,
      store_id: record.storeId ?? null,
      caller_user_type: caller ? caller.userType : null,
      caller_user_id: caller?.userId ?? null,
      caller_ip: state?.ip || null,
      user_agent: state?.userAgent || null,
      secret_hash: record.secretHash ?? null,
      secret_expires_at: toDbDate(record.secretExpiresAt),
      token_expires_at: toDbDate(record.tokenExpiresAt),
      },
      db,
    );
    const fields = {
      loginAsCustomer: record.event,
      operation: record.operation,
      ...(record.rejectionReason !== undefined ? { rejectionReason: record.rejectionReason } : {}),
      adminId: record.adminId ?? undefined,
      customerId: record.customerId ?? undefined,
      storeId: record.storeId ?? undefined,
    };
    if (state) state.logFields = { ...state.logFields, ...fields };
    else this.logger.info(fields, 'login as customer');
  }
}

/** Unix seconds → `YYYY-MM-DD HH:MM:SS` UTC. */
function toDbDate(seconds: number | null | undefined): string | null {
  return seconds === null || seconds === undefined ? null : formatDbDate(seconds * 1000);
}
