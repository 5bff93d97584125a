/**
 * Any `Authorization: OAuth …` header, query and form body an attacker can send gets one of Magento's 400/401
 * answers — never a 5xx — on a REST route and on the token endpoints, and never authenticates.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { createTestApplication, type TestApplication } from '../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../support/databases.ts';
import { createIntegrationByCli, type PrintedCredentials } from '../support/oauthIntegration.ts';

const NAMES = ['oauth_consumer_key', 'oauth_token', 'oauth_signature', 'oauth_signature_method', 'oauth_nonce', 'oauth_timestamp', 'oauth_version', 'oauth_verifier', 'xoauth_x', 'realm'];

forEachDatabase('Security: hostile OAuth headers', (getDb) => {
  let app: TestApplication;
  let real: PrintedCredentials;

  before(async () => {
    app = await createTestApplication(getDb());
    real = await createIntegrationByCli(app.application, { name: `ho_${uniqueSuffix()}`, email: 'ho@example.com', 'all-resources': true });
  });
  after(() => app.close());

  const value = (): fc.Arbitrary<string> =>
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
      fc.constantFrom('HMAC-SHA1', 'HMAC-SHA256', '1.0', '9'.repeat(30), '%', '%zz', '"', ''),
      fc.constant('REAL_KEY'),
      fc.constant('REAL_TOKEN'),
      fc.stringMatching(/^[0-9a-z]{32}$/),
    );

  it('answers 400 or 401 with a Magento body, never 5xx, never a served request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), value()), { maxLength: 9 }),
        fc.constantFrom('/rest/V1/customers/search?searchCriteria[pageSize]=1', '/oauth/token/request', '/oauth/token/access'),
        fc.constantFrom('GET', 'POST'),
        fc.boolean(),
        async (pairs, path, requested, formBody) => {
          const method = path.startsWith('/rest') ? 'GET' : requested;
          const rendered = pairs.map(([n, v]) => `${n}="${v.replace('REAL_KEY', real.consumer_key).replace('REAL_TOKEN', real.access_token as string)}"`);
          const header = `OAuth ${rendered.join(', ')}`.replace(/[\r\n\0]/g, '');
          const headers: Record<string, string> = { Authorization: header };
          let body: string | undefined;
          if (formBody && method === 'POST') {
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
            body = rendered.map((r) => r.replace(/"/g, '')).join('&');
          }
          let response: Response;
          try {
            response = await fetch(app.baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
          } catch {
            return; // a header value fetch itself refuses to send
          }
          const text = await response.text();
          assert.ok([400, 401].includes(response.status), `${response.status} ${text}`);
          if (path.startsWith('/rest')) assert.ok('message' in (JSON.parse(text) as object));
          else assert.match(text, /^oauth_problem=/);
        },
      ),
      { numRuns: 80 },
    );
  });
});
