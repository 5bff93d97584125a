import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import { startEmulator, type Emulator } from '../../../src/index.ts';
import { mysqlTestUrl, MYSQL_SKIP_REASON, uniqueSuffix } from '../../support/databases.ts';

/** A GET signed with OAuth 1.0a (HMAC-SHA256) by an independent library, as an existing Magento client signs it. */
async function signedGet(emu: Emulator, path: string, credentials: { consumer_key: string; consumer_secret: string; access_token: string; access_token_secret: string }) {
  const oauth = new OAuth({
    consumer: { key: credentials.consumer_key, secret: credentials.consumer_secret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  const url = `${emu.url}${path}`;
  const header = oauth.toHeader(oauth.authorize({ url, method: 'GET' }, { key: credentials.access_token, secret: credentials.access_token_secret }));
  const response = await fetch(url, { headers: { ...header } });
  return { status: response.status, body: (await response.json()) as unknown };
}

for (const platform of ['sqlite', 'mysql'] as const) {
  const url = mysqlTestUrl();
  describe(`emulator integration fixtures [${platform}]`, { skip: platform === 'mysql' && url === undefined ? MYSQL_SKIP_REASON : false }, () => {
    let emu: Emulator;
    before(async () => {
      emu = await startEmulator(platform === 'mysql' ? { database: url, tablePrefix: 'emi_' } : {});
      await emu.reset();
    });
    after(() => emu.close());

    it('creates active integrations whose signed requests pass exactly the ACL they were given', async () => {
      // Names of their own: on MySQL the tables keep what earlier runs created (reset() returns to the start state).
      const suffix = uniqueSuffix();
      const { integrations } = await emu.fixtures({
        integrations: [
          { name: `ERP connector ${suffix}`, resources: ['Magento_Customer::customer'] },
          { name: `Everything ${suffix}`, resources: 'all' },
        ],
      });
      assert.equal(integrations.length, 2);
      const [erp, all] = integrations as [(typeof integrations)[number], (typeof integrations)[number]];
      assert.equal(erp.name, `ERP connector ${suffix}`);
      for (const value of [erp.consumer_key, erp.consumer_secret, erp.access_token, erp.access_token_secret]) assert.match(value, /^[a-z0-9]{32}$/);

      const search = '/rest/V1/customers/search?searchCriteria[pageSize]=1';
      assert.equal((await signedGet(emu, search, erp)).status, 200);
      const stores = await signedGet(emu, '/rest/V1/store/websites', erp);
      assert.deepEqual(stores, {
        status: 401,
        body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Backend::store' } },
      });
      assert.equal((await signedGet(emu, '/rest/V1/store/websites', all)).status, 200);
      // A wrong secret is refused.
      assert.equal((await signedGet(emu, search, { ...erp, consumer_secret: all.consumer_secret })).status, 401);
      // Their journal entries name the integration, never its credentials.
      const journal = JSON.stringify(emu.requests());
      assert.ok(journal.includes('"callerType":"integration"'), journal);
      for (const secret of [erp.consumer_secret, erp.access_token, erp.access_token_secret]) assert.ok(!journal.includes(secret));
    });

    it('refuses a bad integration fixture with a 400-style message and creates nothing of it', async () => {
      const name = `Bad ${uniqueSuffix()}`;
      await assert.rejects(emu.fixtures({ integrations: [{ name, resources: ['Nope_Nope::nope'] }] }), /ACL resource doesn't exist/);
      await assert.rejects(emu.fixtures({ integrations: [{ name, resources: 'some' as unknown as 'all' }] }), /integrations\.resources/);
      // Nothing of the refused one was kept: its name is still free.
      const { integrations } = await emu.fixtures({ integrations: [{ name, resources: ['Magento_Customer::customer'] }] });
      assert.equal(integrations[0]?.name, name);
    });
  });
}
