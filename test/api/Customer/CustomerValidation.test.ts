import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin, createCustomer } from '../../integration/Identity/factories.ts';

/** Magento's `Pattern\NameValidator` characters, 1–255 of them (the oracle the stored names must satisfy). */
const MAGENTO_NAME = /^[\p{L}\p{M}\p{Nd}\s,\-_.'’`&]{1,255}$/u;

const nameChars = fc.constantFrom(...'AbcÉéßçØ ñ-_.,\'’`&0129<>{}$@#!?;:/\\"%()[]\u0301\u200b\u0000\t'.split(''));
const names = fc.oneof(
  fc.string({ unit: nameChars, minLength: 0, maxLength: 12 }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', 'a'.repeat(255), 'a'.repeat(256), 'Jean-Luc', "O'Brien", 'Zoë', 'José María'),
);
const dobs = fc.oneof(
  fc.constant(undefined),
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2000-02-30', '1999-13-01', 'yesterday', '1980-05-06 12:00:00', '0999-12-31', ''),
);
/** A real day of years 1000–9999 (MySQL's DATE range), with or without a time part. */
function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: .*)?$/.exec(value);
  if (!m || Number(m[1]) < 1000) return false;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}`;
}

const localParts = fc.constantFrom('a', 'roni.cost', 'x+y', 'bad..dots', '', '"q"', 'sp ace');

forEachDatabase('Customer validation: Magento validators over generated input', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  let target: number;
  before(async () => {
    app = await createTestApplication(getDb());
    const admin = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: 'Admin123!' } })).body);
    target = (await createCustomer(getDb())).customerId;
  });
  after(() => app.close());

  it('a customer without firstname is refused with the EAV message, and nothing is stored', async () => {
    const email = `nofirst_${uniqueSuffix()}@example.com`;
    const reply = await app.request('POST', '/rest/V1/customers', { body: { customer: { email, lastname: 'Costello' }, password: 'Passw0rd!x' } });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, { message: '"First Name" is a required value.' });
    assert.equal(await getDb().fetchOne('SELECT entity_id FROM customer_entity WHERE email = ?', [email]), undefined);
  });

  it('a date of birth after today is refused with Magento\'s Dob validator message; today is fine', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const reply = await app.request('PUT', `/rest/V1/customers/${target}`, {
      token: adminToken,
      body: { customer: { email: `dob_${uniqueSuffix()}@example.com`, firstname: 'A', lastname: 'B', dob: tomorrow } },
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, { message: 'The Date of Birth should not be greater than today.' });
  });

  it('names, e-mails and dates of birth: never a 5xx; what is stored passes Magento\'s validators; input they accept is stored', async () => {
    await fc.assert(
      fc.asyncProperty(names, names, fc.option(names, { nil: undefined }), localParts, dobs, async (firstname, lastname, middlename, local, dob) => {
        const email = local === '' ? 'no-at-sign' : `${local}_${uniqueSuffix()}@example.com`;
        const customer: Record<string, unknown> = { email, firstname, lastname, website_id: 1 };
        if (middlename !== undefined) customer.middlename = middlename;
        // Sent even when absent (null), so a date stored by an earlier run is not kept by the save.
        customer.dob = dob ?? null;
        const saved = await app.request('PUT', `/rest/V1/customers/${target}`, { token: adminToken, body: { customer } });
        assert.ok(saved.status < 500, `5xx for ${JSON.stringify(customer)}: ${JSON.stringify(saved.body)}`);
        const acceptable =
          [firstname, lastname].every((name) => MAGENTO_NAME.test(name.trim())) &&
          (middlename === undefined || middlename.trim() === '' || MAGENTO_NAME.test(middlename.trim())) &&
          ['a', 'roni.cost', 'x+y'].includes(local) &&
          (dob === undefined || dob === '' || (isCalendarDay(dob) && Date.parse(`${dob.slice(0, 10)}T00:00:00Z`) <= Date.now()));
        if (acceptable) assert.equal(saved.status, 200, `refused ${JSON.stringify(customer)}: ${JSON.stringify(saved.body)}`);
        if (saved.status !== 200) {
          assert.equal(typeof (saved.body as { message: unknown }).message, 'string');
          return;
        }
        const id = (saved.body as { id: number }).id;
        assert.equal(id, target);
        const row = await getDb().fetchRow('SELECT firstname, lastname, middlename, email, dob FROM customer_entity WHERE entity_id = ?', [id]);
        assert.ok(row);
        assert.match(String(row.firstname).trim(), MAGENTO_NAME);
        assert.match(String(row.lastname).trim(), MAGENTO_NAME);
        if (row.middlename !== null && String(row.middlename).trim() !== '') assert.match(String(row.middlename).trim(), MAGENTO_NAME);
        assert.match(String(row.email), /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
        if (row.dob !== null) {
          const stored = String(row.dob instanceof Date ? row.dob.toISOString() : row.dob).slice(0, 10);
          assert.equal(stored, String(dob).slice(0, 10), 'the date of birth is stored as sent');
          assert.ok(Number(stored.slice(0, 4)) >= 1000);
        }
      }),
      { numRuns: 60 },
    );
  });
});
