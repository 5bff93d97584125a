/**
 * A nonce is accepted at most once per consumer — across two app instances on one database, under concurrency.
 * Magento loads then saves the nonce (two simultaneous requests could both pass); here the unique key on
 * oauth_nonce (nonce, consumer_id) decides. Requests are signed by the `oauth-1.0a` package, as npm clients do.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import OAuth from 'oauth-1.0a';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { createTestApplication, type TestApplication } from '../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../support/databases.ts';
import { createIntegrationByCli, type PrintedCredentials } from '../support/oauthIntegration.ts';

const PATH = '/rest/V1/customers/search?searchCriteria[pageSize]=1';

function signedHeader(baseUrl: string, credentials: PrintedCredentials, nonce: string): string {
  const oauth = new OAuth({
    consumer: { key: credentials.consumer_key, secret: credentials.consumer_secret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  oauth.getNonce = () => nonce;
  const data = oauth.authorize({ url: baseUrl + PATH, method: 'GET' }, { key: credentials.access_token as string, secret: credentials.access_token_secret as string });
  return oauth.toHeader(data).Authorization;
}

forEachDatabase('Security: an OAuth nonce is used once across instances', (getDb, { openConnection }) => {
  let first: TestApplication;
  let second: TestApplication;
  let erp: PrintedCredentials;
  let other: PrintedCredentials;
  let consumerId: number;

  before(async () => {
    first = await createTestApplication(getDb());
    second = await createTestApplication(openConnection() as ConnectionInterface);
    erp = await createIntegrationByCli(first.application, { name: `n1_${uniqueSuffix()}`, email: 'n1@example.com', resources: 'Magento_Customer::customer' });
    other = await createIntegrationByCli(second.application, { name: `n2_${uniqueSuffix()}`, email: 'n2@example.com', resources: 'Magento_Customer::customer' });
    consumerId = Number(await getDb().fetchOne(`SELECT consumer_id FROM ${getDb().getTableName('integration')} WHERE integration_id = ?`, [erp.id]));
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('of any number of identical signed requests sent at once to either instance, exactly one is served', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 2, maxLength: 6 }), async (targets) => {
        const nonce = `n${uniqueSuffix()}`;
        // Both instances listen on 127.0.0.1: one header, signed for the first's URL, is valid at either port only
        // if the port matches — so each copy is signed for the instance it goes to, with the same nonce.
        const replies = await Promise.all(
          targets.map(async (toSecond) => {
            const app = toSecond ? second : first;
            const response = await fetch(app.baseUrl + PATH, { headers: { authorization: signedHeader(app.baseUrl, erp, nonce) } });
            return { status: response.status, body: (await response.json()) as unknown };
          }),
        );
        assert.equal(replies.filter((r) => r.status === 200).length, 1, JSON.stringify(replies));
        for (const reply of replies.filter((r) => r.status !== 200)) {
          assert.deepEqual(reply, {
            status: 401,
            body: { message: 'The nonce is already being used by the consumer with ID %1', parameters: [consumerId] },
          });
        }
      }),
      { numRuns: 12 },
    );
  });

  it('a nonce is single-use per consumer: another integration may use the same nonce once', async () => {
    const nonce = `s${uniqueSuffix()}`;
    const one = await fetch(first.baseUrl + PATH, { headers: { authorization: signedHeader(first.baseUrl, erp, nonce) } });
    const two = await fetch(second.baseUrl + PATH, { headers: { authorization: signedHeader(second.baseUrl, other, nonce) } });
    assert.deepEqual([one.status, two.status], [200, 200]);
  });
});
