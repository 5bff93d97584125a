import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { AuthenticationDataResource } from '../../../src/Model/ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { forEachDatabase } from '../../support/databases.ts';

const hex = () => randomBytes(32).toString('hex');
let next = 0;
/** Admin ids no other test uses (the sessions table has no foreign keys). */
const adminId = () => 1_500_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1_000_000) * 10 + (next++ % 10);

forEachDatabase('login_as_customer lookup by secret', (getDb) => {
  it('returns the row of the secret alone when present, every row of the pair otherwise', async () => {
    const sessions = new AuthenticationDataResource(getDb());
    const admin = adminId();
    const own = hex();
    const other = hex();
    await getDb().insert('login_as_customer', { secret: own, admin_id: admin, customer_id: 5, created_at: '2030-01-15 09:00:00' });
    await getDb().insert('login_as_customer', { secret: other, admin_id: admin, customer_id: 5, created_at: '2030-01-15 09:00:01' });
    await getDb().insert('login_as_customer', { secret: hex(), admin_id: admin, customer_id: 6, created_at: null });

    assert.deepEqual((await sessions.findSessions(admin, 5, own)).map((r) => r.secret), [own]);
    assert.deepEqual((await sessions.findSessions(admin, 5, other)).map((r) => r.secret), [other]);
    const missing = await sessions.findSessions(admin, 5, hex());
    assert.deepEqual(missing.map((r) => r.secret).sort(), [own, other].sort(), 'a secret not there: the rows of the pair');
    const pairSix = await sessions.findSessions(admin, 6, own);
    assert.deepEqual(pairSix.map((r) => [r.customer_id, r.secret === own]), [[6, false]], "another pair's secret: that pair's rows");
    assert.deepEqual(await sessions.findSessions(admin, 7, own), []);
    assert.equal((await sessions.findSessions(admin, 5)).length, 2, 'without a secret: every row of the pair');
    await sessions.deleteForUser(admin);
  });
});
