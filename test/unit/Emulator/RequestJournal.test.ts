import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestJournal } from '../../../src/Emulator/RequestJournal.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';

describe('RequestJournal', () => {
  const line = (status: number) => ({ method: 'GET', route: '/V1/customers/me', status, storeCode: 'default', userType: 3, userId: 7, token: 'never' });

  it('keeps the newest entries in order once full, passes every line on, and records only request lines', () => {
    const inner = new MemoryLogger();
    const clock = new FixedClock(Date.UTC(2030, 0, 1));
    const journal = new RequestJournal(inner, clock, 3);
    journal.info({ other: true }, 'something else');
    for (const status of [200, 201, 202, 203, 204]) {
      journal.info(line(status), 'rest request');
      clock.advance(1000);
    }
    assert.deepEqual(journal.entries().map((e) => e.status), [202, 203, 204]);
    assert.deepEqual(journal.entries()[0], {
      method: 'GET', route: '/V1/customers/me', status: 202, storeCode: 'default', callerType: 'customer', callerId: 7, time: '2030-01-01T00:00:02.000Z',
    });
    assert.equal(inner.lines.length, 6);
    journal.clear();
    assert.deepEqual(journal.entries(), []);
    journal.info(line(500), 'rest request');
    assert.deepEqual(journal.entries().map((e) => e.status), [500]);
  });
});
