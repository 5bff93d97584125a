import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/index.ts';
import { RequestJournal } from '../../../src/Emulator/RequestJournal.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';

describe('the emulator journal of e-mails Magento would have sent', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({});
    await emu.reset();
  });
  after(() => emu.close());

  it('PUT /V1/customers/password: GET /__emulator/emails shows the template, customer and store, never the token or address', async () => {
    const email = emu.demo?.customer.email ?? '';
    const reply = await fetch(`${emu.url}/rest/V1/customers/password`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, template: 'email_reminder', websiteId: 1 }),
    });
    assert.equal(reply.status, 200, await reply.clone().text());
    const emails = (await (await fetch(`${emu.url}/__emulator/emails`)).json()) as Array<Record<string, unknown>>;
    const last = emails.at(-1);
    assert.deepEqual(
      { ...last, time: undefined },
      { templatePath: 'customer/password/remind_email_template', templateId: 'customer_password_remind_email_template', customerId: 1, storeId: 1, time: undefined },
    );
    assert.equal(JSON.stringify(emails).includes(email), false);
    assert.deepEqual(emu.emails(), emails);
    emu.clearRequests();
    assert.deepEqual(emu.emails(), []);
  });

  it('RequestJournal keeps e-mail lines apart from request lines, bounded by its capacity', () => {
    const journal = new RequestJournal(new MemoryLogger(), new FixedClock(Date.UTC(2030, 0, 1)), 2);
    for (const customerId of [1, 2, 3]) {
      journal.info({ templatePath: 'p', templateId: 't', customerId, storeId: 1 }, 'customer email not sent');
    }
    assert.deepEqual(journal.emails().map((e) => e.customerId), [2, 3]);
    assert.deepEqual(journal.entries(), []);
  });
});
