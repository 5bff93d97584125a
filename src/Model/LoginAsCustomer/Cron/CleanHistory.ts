import { inject, injectable } from 'inversify';
import type { ConfigInterface } from '../../../Api/LoginAsCustomer/ConfigInterface.ts';
import type { ScopeConfigInterface } from '../../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../Framework/Di/Types.ts';
import { formatDbDate, type Clock } from '../../../Framework/Stdlib/Clock.ts';
import { AuditLogResource } from '../../ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { ConsumedSecretResource } from '../../ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { CLOCK_SKEW_SECONDS } from '../AuthenticationSecretValidator.ts';

/** Days an audit entry is kept; empty or 0 keeps every entry (the default: the audit trail is evidence). */
export const XML_PATH_AUDIT_LOG_LIFETIME = 'login_as_customer/history/audit_log_lifetime';
/** Seconds between two cleanups run by the server itself; 0 turns that timer off. */
export const XML_PATH_CLEANUP_INTERVAL = 'login_as_customer/history/cleanup_interval';
export const DEFAULT_CLEANUP_INTERVAL_SECONDS = 3600;

/** What one cleanup did; printed by `bin/magento cron:run` and logged by the server's timer. */
export interface CleanupReport {
  /** Ledger rows deleted. */
  readonly consumed_secrets_pruned: number;
  /** Secrets with a time_stamp at or before this (UTC) are refused, whatever the lifetime is set to later. */
  readonly pruned_horizon: string;
  /** Audit entries deleted by the retention setting (0 while it keeps everything). */
  readonly audit_entries_deleted: number;
  /** Audit entries newly folded into the kept count searches use. */
  readonly audit_entries_counted: number;
  /** The retention applied, in days; null when entries are kept forever. */
  readonly audit_log_lifetime_days: number | null;
}

/**
 * The Login as Customer history cleanup (Magento runs such jobs from `cron:run`; here also a timer in the
 * server). Every step is safe on several instances at once and may be interrupted at any point.
 *
 * Consumed secrets: a ledger row matters only while its secret could still be accepted. A secret is
 * refused once `now - time_stamp >= lifetime`, and was consumed at most CLOCK_SKEW_SECONDS before its own
 * time_stamp (the validator refuses time_stamps further ahead). Rows consumed before
 * `now - lifetime - 2 × skew` therefore belong to secrets with time_stamp before `now - lifetime - skew`:
 * expired on every instance whose clock is at most `skew` behind this one. The ledger's pruned horizon
 * is raised to that time_stamp bound first, so raising the lifetime later cannot revive a pruned secret.
 *
 * Audit log: entries older than `audit_log_lifetime` days are deleted, except from the oldest entry a
 * running check still needs (a live exchange or a live secret) onwards.
 */
@injectable()
export class CleanHistory {
  constructor(
    @inject(TYPES.LacConfig) private readonly config: ConfigInterface,
    @inject(TYPES.ScopeConfig) private readonly scopeConfig: ScopeConfigInterface,
    @inject(ConsumedSecretResource) private readonly ledger: ConsumedSecretResource,
    @inject(AuditLogResource) private readonly auditLog: AuditLogResource,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async execute(): Promise<CleanupReport> {
    const nowMs = this.clock.now();
    const lifetime = await this.config.getAuthenticationDataExpirationTime();
    const before = nowMs - (lifetime + 2 * CLOCK_SKEW_SECONDS) * 1000;
    const horizon = formatDbDate(before + CLOCK_SKEW_SECONDS * 1000);
    const pruned = await this.ledger.prune(formatDbDate(before), horizon);

    const days = await this.auditLogLifetimeDays();
    const counted = await this.auditLog.advanceCount();
    const deleted = days === null ? 0 : await this.auditLog.deleteBefore(formatDbDate(nowMs - days * 86_400_000), formatDbDate(nowMs));
    return {
      consumed_secrets_pruned: pruned,
      pruned_horizon: (await this.ledger.findPrunedHorizon()) ?? horizon,
      audit_entries_deleted: deleted,
      audit_entries_counted: counted,
      audit_log_lifetime_days: days,
    };
  }

  /** Seconds between the server's own cleanups (config), 0 = off. */
  async intervalSeconds(): Promise<number> {
    const raw = await this.scopeConfig.getValue(XML_PATH_CLEANUP_INTERVAL);
    if (raw === null || raw.trim() === '') return DEFAULT_CLEANUP_INTERVAL_SECONDS;
    const seconds = Number(raw.trim());
    return Number.isSafeInteger(seconds) && seconds >= 0 ? seconds : DEFAULT_CLEANUP_INTERVAL_SECONDS;
  }

  private async auditLogLifetimeDays(): Promise<number | null> {
    const raw = await this.scopeConfig.getValue(XML_PATH_AUDIT_LOG_LIFETIME);
    const days = raw === null ? NaN : Number(raw.trim());
    return Number.isFinite(days) && days > 0 ? days : null;
  }
}
