import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/magento.ts';

async function run(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => (o += d.toString()));
  err.on('data', (d: Buffer) => (e += d.toString()));
  const code = await runCli(argv, { out, err, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, out: o, err: e };
}

// The embedded database only: a cleanup acts on whole tables, which other test files share on MySQL
// (test/integration/LoginAsCustomer/HistoryCleanup.test.ts covers both databases under a prefix of its own).
describe('bin/magento cron:run [sqlite]', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'lac-cron-'));
  const env = { MAGENTO_VAR_DIR: varDir, DATABASE_URL: '', MAGENTO_ENV_PHP: '' };
  after(() => rmSync(varDir, { recursive: true, force: true }));

  it('runs the history cleanup and prints what it did as one JSON line', async () => {
    const result = await run(env, 'cron:run');
    assert.equal(result.code, 0, result.err);
    const lines = result.out.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const report = JSON.parse(lines[0] as string) as Record<string, unknown>;
    assert.equal(report.job, 'login_as_customer_clean_history');
    assert.equal(typeof report.consumed_secrets_pruned, 'number');
    assert.match(String(report.pruned_horizon), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(report.audit_entries_deleted, 0);
    assert.equal(report.audit_log_lifetime_days, null, 'the audit log is kept forever by default');
  });

  it('runs nothing for another group, and refuses arguments', async () => {
    assert.deepEqual(await run(env, 'cron:run', '--group=index'), { code: 0, out: '{"group":"index","jobs":[]}\n', err: '' });
    const bad = await run(env, 'cron:run', 'now');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Unexpected argument "now"/);
  });
});
