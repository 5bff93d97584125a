/**
 * `/swagger` in a real browser (headless Chromium through playwright-core), in developer mode (where Magento
 * serves the page): the page loads the generated description — as a guest, only the anonymous routes — an admin
 * token goes into the Authorize dialog, the description is loaded again for that token, and "Try it out" on
 * `POST /V1/login-as-customer/secret` returns a secret. The screenshot of the executed operation is kept in
 * var/test-artifacts/ for a human to look at. Skips only when /usr/bin/chromium is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT_DIR } from '../../src/bootstrap.ts';
import { SqliteConnection } from '../../src/Framework/Db/SqliteConnection.ts';
import { createTestApplication, type TestApplication } from '../support/app.ts';
import { createSchemaInstaller } from '../support/databases.ts';
import { createAdmin, createAssistedCustomer, LAC_ENABLED, LAC_LOGIN } from '../api/Ecosystem/ecosystemHarness.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(ROOT_DIR, 'var', 'test-artifacts');
const SCREENSHOT = join(ARTIFACTS, 'swagger-login-as-customer-secret.png');
const TAG = 'loginAsCustomerApiGenerateAuthenticationSecretV1';
const OPERATION = `#operations-${TAG}-${TAG}ExecutePost`;
const ADMIN_TOKEN_TAG = 'integrationAdminTokenServiceV1';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium) — the Swagger UI browser test needs it`;

describe('Swagger UI in headless Chromium', { skip }, () => {
  let workDir: string;
  let app: TestApplication;
  let context: BrowserContext;
  let adminToken: string;
  let customerId: number;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'lac-browser-'));
    const connection = SqliteConnection.open({ path: join(workDir, 'magento.db'), tablePrefix: '' });
    await createSchemaInstaller().install(connection);
    app = await createTestApplication(connection, { mode: 'developer', config: { [LAC_ENABLED]: '1' } });
    const admin = await createAdmin(app, [LAC_LOGIN]);
    customerId = (await createAssistedCustomer(app)).customerId;
    const reply = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: admin.password } });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    adminToken = reply.body as string;
    // A new, empty profile: nothing cached or remembered from another run.
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 1000 },
    });
  });

  after(async () => {
    await context?.close();
    await app?.close();
    await app?.application.connection.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('authorises with an admin token and generates a Login as Customer secret', { timeout: 90_000 }, async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const offOrigin: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.baseUrl) && !request.url().startsWith('data:')) offOrigin.push(request.url());
    });

    await page.goto(`${app.baseUrl}/swagger`);
    const operation = page.locator(OPERATION);
    // A guest's description: the anonymous token route is listed, the Login as Customer route is not.
    await page.locator(`#operations-${ADMIN_TOKEN_TAG}-${ADMIN_TOKEN_TAG}CreateAdminAccessTokenPost`).waitFor();
    assert.equal(await operation.count(), 0);

    await page.locator('.scheme-container button.authorize').click();
    const scheme = page.locator('.auth-container', { hasText: 'adminToken' });
    await scheme.locator('input').fill(adminToken);
    await scheme.locator('button.authorize').click();
    // Swagger UI swaps "Authorize" for "Logout" (aria-label "Remove authorization") once the value is taken.
    await scheme.locator('button[aria-label="Remove authorization"]').waitFor();
    await scheme.locator('button.btn-done').click();
    // Loaded again with the token: now the admin's routes are there.
    await operation.waitFor();

    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('textarea.body-param__text').fill(JSON.stringify({ customerId, reason: 'Swagger UI test' }));
    await operation.locator('button.execute').click();

    const live = operation.locator('.live-responses-table');
    await live.locator('.response-col_status', { hasText: '200' }).waitFor();
    const bodyText = await live.locator('.response-col_description .microlight').first().innerText();
    const result = JSON.parse(bodyText) as { secret: string; customer_id: number };
    assert.match(result.secret, /^\d+:3:[A-Za-z0-9+/]+=*$/);
    assert.equal(result.customer_id, customerId);
    assert.match(await operation.locator('.curl-command').innerText(), /Authorization: Bearer /);

    mkdirSync(ARTIFACTS, { recursive: true });
    await operation.scrollIntoViewIfNeeded();
    await operation.screenshot({ path: SCREENSHOT });
    assert.ok(existsSync(SCREENSHOT));

    assert.deepEqual(offOrigin, [], 'the page loads nothing from another origin');
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
