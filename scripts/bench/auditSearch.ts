/**
 * Times single audit-log searches (the resource model behind GET /V1/login-as-customer/log) on a database
 * with a large history (scripts/bench/history.ts), one request at a time: median and worst of N runs per
 * query shape. `AUDIT_RESOURCE=<path to AuditLogResource.ts>` times another checkout's code (before/after).
 *
 *   node --import tsx scripts/bench/auditSearch.ts mysql://root@127.0.0.1:3306/lac_h6 hist_ [runs]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SearchCriteria } from '../../src/Framework/Api/SearchCriteria.ts';
import { parseMysqlUrl } from '../../src/Framework/Config/DeploymentConfig.ts';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { openHistoryConnection } from './history.ts';

type Search = (criteria: SearchCriteria) => Promise<{ total: number; items: unknown[] }>;

export const AUDIT_SEARCHES: ReadonlyArray<readonly [string, (customerId: number) => SearchCriteria]> = [
  ['latest page (time DESC, 20)', () => ({ sort_orders: [{ field: 'time', direction: 'DESC' }], page_size: 20 })],
  ['latest page (log_id DESC, 20)', () => ({ sort_orders: [{ field: 'log_id', direction: 'DESC' }], page_size: 20 })],
  ['first page (default order, 20)', () => ({ page_size: 20 })],
  ['last page (default order, 20)', () => ({ page_size: 20, current_page: 1_000_000_000 })],
  ['by customer (20)', (customerId) => ({ filter_groups: [{ filters: [{ field: 'customer_id', value: String(customerId) }] }], page_size: 20 })],
];

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: auditSearch.ts <mysql://…|file.sqlite> [prefix] [runs]');
  const runs = Number(process.argv[4] ?? '15');
  const settings = /^(mysql|mariadb):/i.test(url) ? parseMysqlUrl(url) : ({ kind: 'sqlite', path: url } as const);
  const db: ConnectionInterface = openHistoryConnection(settings, process.argv[3] ?? '');
  const modulePath = resolve(process.env.AUDIT_RESOURCE ?? 'src/Model/ResourceModel/LoginAsCustomer/AuditLogResource.ts');
  const { AuditLogResource } = (await import(pathToFileURL(modulePath).href)) as { AuditLogResource: new (db: ConnectionInterface) => { search: Search } };
  const resource = new AuditLogResource(db);
  const customerId = Number(await db.fetchOne(`SELECT customer_id FROM ${db.getTableName('login_as_customer_audit_log')} ORDER BY log_id DESC LIMIT 1`));
  try {
    for (const [label, criteria] of AUDIT_SEARCHES) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const started = process.hrtime.bigint();
        const found = await resource.search(criteria(customerId));
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        total = found.total;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      process.stdout.write(`${label.padEnd(34)} median ${median.toFixed(2).padStart(8)} ms  max ${(times.at(-1) ?? 0).toFixed(2).padStart(8)} ms  total_count ${total}\n`);
    }
  } finally {
    await db.close();
  }
}

await main();
