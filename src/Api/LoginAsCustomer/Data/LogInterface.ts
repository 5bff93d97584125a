import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const LOG_INTERFACE = 'Magento\\LoginAsCustomerLog\\Api\\Data\\LogInterface';

/** What happened to a Login as Customer secret or session. */
export type LogEvent = 'generated' | 'validated' | 'exchanged' | 'rejected' | 'ended';
export type LogOutcome = 'success' | 'failure';
/** The request that produced the entry. */
export type LogOperation = 'generate' | 'validate' | 'exchange' | 'end';

/**
 * One audit entry. The first six fields are Magento's `LogInterface` (time, user_id, user_name,
 * customer_id, customer_email, log_id) so clients of `magento_login_as_customer_log` read it the same
 * way; the rest is what Magento's log lacks. No secret or token is ever part of an entry.
 */
export interface LogEntry {
  log_id: number;
  time: string;
  user_id?: number;
  user_name?: string;
  customer_id?: number;
  customer_email?: string;
  event: LogEvent;
  operation: LogOperation;
  outcome: LogOutcome;
  /** For failures: the real reason, which the 401 answer deliberately does not tell (e.g. `expired`). */
  rejection_reason?: string;
  /** The caller's stated reason (`reason` in the generate body), or why a session ended. */
  reason?: string;
  store_id?: number;
  /** Who made the call: Magento user type (1 integration, 2 admin, 3 customer, 4 guest) and id. */
  caller_user_type?: number;
  caller_user_id?: number;
  caller_ip?: string;
  user_agent?: string;
  secret_expires_at?: string;
  token_expires_at?: string;
}

export const LogDeclaration: DataInterfaceDeclaration = {
  name: LOG_INTERFACE,
  description: 'A Login as Customer audit entry.',
  fields: [
    { name: 'log_id', type: 'int', required: true },
    { name: 'time', type: 'string', required: true, description: 'UTC, YYYY-MM-DD HH:MM:SS.' },
    { name: 'user_id', type: 'int', description: 'Admin user id of the session.' },
    { name: 'user_name', type: 'string', description: 'Admin user name of the session.' },
    { name: 'customer_id', type: 'int' },
    { name: 'customer_email', type: 'string' },
    { name: 'event', type: 'string', required: true, description: 'generated, validated, exchanged, rejected or ended.' },
    { name: 'operation', type: 'string', required: true, description: 'generate, validate, exchange or end.' },
    { name: 'outcome', type: 'string', required: true, description: 'success or failure.' },
    { name: 'rejection_reason', type: 'string', description: 'Why a request was refused.' },
    { name: 'reason', type: 'string', description: "The caller's stated reason, or why a session ended." },
    { name: 'store_id', type: 'int' },
    { name: 'caller_user_type', type: 'int', description: '1 integration, 2 admin, 3 customer, 4 guest.' },
    { name: 'caller_user_id', type: 'int' },
    { name: 'caller_ip', type: 'string' },
    { name: 'user_agent', type: 'string' },
    { name: 'secret_expires_at', type: 'string' },
    { name: 'token_expires_at', type: 'string', description: 'Expiry of the customer token issued by an exchange.' },
  ],
};
