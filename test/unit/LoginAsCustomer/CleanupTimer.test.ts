import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import type { CleanupReport } from '../../../src/Model/LoginAsCustomer/Cron/CleanHistory.ts';
import { CleanupTimer } from '../../../src/Model/LoginAsCustomer/Cron/CleanupTimer.ts';

const REPORT: CleanupReport = {
  consumed_secrets_pruned: 2,
  pruned_horizon: '2030-01-15 09:00:00',
  audit_entries_deleted: 0,
  audit_entries_counted: 5,
  audit_log_lifetime_days: null,
};

/** Lets the timer's promise chain run after a tick. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('CleanupTimer', () => {
  it('waits a whole interval before the first run, follows the configured interval, logs each run and stops', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let interval = 60;
    const runs: number[] = [];
    const cleaner = {
      intervalSeconds: async () => interval,
      execute: async () => {
        runs.push(Date.now());
        return REPORT;
      },
    };
    const logger = new MemoryLogger();
    const timer = CleanupTimer.start(cleaner, logger, 60);
    t.mock.timers.tick(59_000);
    await settle();
    assert.equal(runs.length, 0, 'nothing at start-up');
    t.mock.timers.tick(1_000);
    await settle();
    assert.equal(runs.length, 1);
    assert.deepEqual(logger.lines.at(-1), { level: 'info', msg: 'login as customer history cleanup', ...REPORT });

    interval = 0; // off: the next tick runs nothing and looks again after the fallback interval
    t.mock.timers.tick(60_000);
    await settle();
    assert.equal(runs.length, 1);
    interval = 10;
    t.mock.timers.tick(60_000);
    await settle();
    assert.equal(runs.length, 2);
    t.mock.timers.tick(10_000);
    await settle();
    assert.equal(runs.length, 3);

    await timer.stop();
    t.mock.timers.tick(600_000);
    await settle();
    assert.equal(runs.length, 3, 'no run after stop()');
  });

  it('logs a failed run and keeps the schedule', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let calls = 0;
    const cleaner = {
      intervalSeconds: async () => 5,
      execute: async (): Promise<CleanupReport> => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return REPORT;
      },
    };
    const logger = new MemoryLogger();
    const timer = CleanupTimer.start(cleaner, logger, 5);
    t.mock.timers.tick(5_000);
    await settle();
    assert.equal(logger.lines.at(-1)?.msg, 'login as customer history cleanup failed');
    t.mock.timers.tick(5_000);
    await settle();
    assert.equal(calls, 2);
    await timer.stop();
  });
});
