import { inject, injectable } from 'inversify';
import type { LogOperation } from '../../Api/LoginAsCustomer/Data/LogInterface.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { AuditLogger } from './AuditLogger.ts';
import type { RefusedSecret } from './AuthenticationSecretValidator.ts';

/** The one answer to every secret problem (Magento PR #40310's text), so nothing tells which check failed. */
export const INVALID_SECRET_MESSAGE = 'Invalid or expired secret.';

/**
 * Audits a refused secret with its real reason and gives the exception to throw: 400 with the route's
 * "disabled" text when the feature is off, otherwise 401 `Invalid or expired secret.`.
 */
@injectable()
export class SecretRefusal {
  constructor(@inject(AuditLogger) private readonly audit: AuditLogger) {}

  async refuse(refused: RefusedSecret, operation: LogOperation, disabledMessage: string): Promise<LocalizedException> {
    await this.audit.write({
      event: 'rejected',
      operation,
      rejectionReason: refused.reason,
      adminId: refused.payload?.adminId ?? null,
      adminUsername: refused.adminUsername ?? null,
      customerId: refused.payload?.customerId ?? null,
      customerEmail: refused.customerEmail ?? null,
      secretHash: refused.secretHash ?? null,
    });
    if (refused.reason === 'feature_disabled') return new LocalizedException(__(disabledMessage));
    return new AuthenticationException(__(INVALID_SECRET_MESSAGE));
  }
}
