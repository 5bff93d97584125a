/**
 * Integrations declared in a module's etc/integration/config.xml + api.xml, created as Magento's setup does
 * (setup type config, inactive, ACL role of user type 1), left alone when unchanged and re-created when
 * changed; integration:list and integration:delete.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, beforeEach, it } from 'node:test';
import type { Application } from '../../../src/bootstrap.ts';
import { IntegrationCreateCommand } from '../../../src/cli/commands/IntegrationCreateCommand.ts';
import { IntegrationDeleteCommand } from '../../../src/cli/commands/IntegrationDeleteCommand.ts';
import { IntegrationListCommand } from '../../../src/cli/commands/IntegrationListCommand.ts';
import { CliError, type Command } from '../../../src/cli/Command.ts';
import { UserType } from '../../../src/Framework/Authentication/UserContext.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { ConfigFileException } from '../../../src/Framework/Exception/ConfigFileException.ts';
import type { RequestAuthorizer } from '../../../src/Framework/Acl/RequestAuthorizer.ts';
import { ConfigBasedIntegrationManager } from '../../../src/Model/Integration/Oauth/ConfigBasedIntegrationManager.ts';
import { readIntegrationConfig } from '../../../src/Model/Integration/Oauth/IntegrationConfigReader.ts';
import { IntegrationService } from '../../../src/Model/Integration/Oauth/IntegrationService.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';
import { createIdentityHarness, type IdentityHarness } from '../Identity/harness.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function etcWith(config: string, api: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lac-integration-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'integration'));
  writeFileSync(join(dir, 'integration', 'config.xml'), config);
  writeFileSync(join(dir, 'integration', 'api.xml'), api);
  return dir;
}

const config = (name: string, email: string): string => `<?xml version="1.0"?>
<config><integration name="${name}"><email>${email}</email><endpoint_url>https://erp.example.com/oauth</endpoint_url>
<identity_link_url>https://erp.example.com/link</identity_link_url></integration></config>`;
const api = (name: string): string => `<?xml version="1.0"?>
<integrations><integration name="${name}"><resources>
  <resource name="Magento_Customer::customer"><resource name="Magento_LoginAsCustomer::login"/></resource>
</resources></integration></integrations>`;

async function runCommand(command: Command, application: Application, options: Record<string, string>): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  assert.equal(await command.run({ out, err: new PassThrough(), env: {}, application: () => Promise.resolve(application) }, options, []), 0);
  return text;
}

forEachDatabase('Integrations from etc/integration/*.xml', (getDb) => {
  let h: IdentityHarness;
  beforeEach(() => {
    h = createIdentityHarness(getDb());
  });

  it('creates the declared integration inactive, setup type config, with the api.xml resources as its ACL', async () => {
    const name = `Erp ${uniqueSuffix()}`;
    const declared = readIntegrationConfig(etcWith(config(name, 'erp@example.com'), api(name)));
    assert.deepEqual(declared.get(name)?.resources, ['Magento_Customer::customer', 'Magento_LoginAsCustomer::login']);
    const manager = h.get(ConfigBasedIntegrationManager);
    assert.deepEqual(await manager.process(declared), [{ name, outcome: 'created' }]);
    const row = await h.get(IntegrationService).findByName(name);
    assert.ok(row);
    assert.deepEqual(
      { status: row.status, setup_type: row.setup_type, email: row.email, endpoint: row.endpoint, link: row.identity_link_url },
      { status: 0, setup_type: 1, email: 'erp@example.com', endpoint: 'https://erp.example.com/oauth', link: 'https://erp.example.com/link' },
    );
    const authorizer = h.get<RequestAuthorizer>(TYPES.RequestAuthorizer);
    const caller = { userId: row.integration_id, userType: UserType.INTEGRATION };
    assert.equal(await authorizer.isAllowed(caller, ['Magento_LoginAsCustomer::login']), true);
    assert.equal(await authorizer.isAllowed(caller, ['Magento_LoginAsCustomer::token']), false);
    const role = await getDb().fetchRow(
      `SELECT role_type, user_type, role_name, parent_id FROM ${getDb().getTableName('authorization_role')} WHERE user_id = ? AND user_type = '1'`,
      [row.integration_id],
    );
    assert.deepEqual({ ...role, parent_id: Number(role?.parent_id) }, { role_type: 'U', user_type: '1', role_name: String(row.integration_id), parent_id: 0 });

    // Unchanged on the next setup run; changed → deleted and created again, status "recreated", new consumer.
    assert.deepEqual(await manager.process(declared), [{ name, outcome: 'unchanged' }]);
    assert.equal((await h.get(IntegrationService).findByName(name))?.consumer_id, row.consumer_id);
    const changed = readIntegrationConfig(etcWith(config(name, 'erp-ops@example.com'), api(name)));
    assert.deepEqual(await manager.process(changed), [{ name, outcome: 'recreated' }]);
    const again = await h.get(IntegrationService).findByName(name);
    assert.deepEqual([again?.status, again?.email], [2, 'erp-ops@example.com']);
    assert.notEqual(again?.consumer_id, row.consumer_id);
  });

  it('refuses a declaration without <email>, or a malformed file, naming the file', () => {
    const noEmail = etcWith('<config><integration name="X"></integration></config>', '<integrations/>');
    assert.throws(() => readIntegrationConfig(noEmail), (e: unknown) => e instanceof ConfigFileException && e.reason === 'missing <email>');
    const broken = etcWith('<config><integration name="X">', '<integrations/>');
    assert.throws(() => readIntegrationConfig(broken), (e: unknown) => e instanceof ConfigFileException && e.file.endsWith('config.xml'));
  });

  it('integration:list shows no credential; integration:delete removes the integration, its consumer, tokens and role', async () => {
    const service = h.get(IntegrationService);
    const name = `Cli ${uniqueSuffix()}`;
    const created = await service.create({ name, email: 'cli@example.com', resources: 'all' });
    const access = await service.activate(created.id);
    const application = { container: h.container } as unknown as Application;
    const listed = JSON.parse(await runCommand(IntegrationListCommand, application, {})) as Record<string, unknown>[];
    const mine = listed.find((i) => i.id === created.id);
    assert.deepEqual(mine, { id: created.id, name, email: 'cli@example.com', status: 'active', setup_type: 'manual', endpoint: null });
    const text = JSON.stringify(listed);
    for (const secret of [created.consumer_key, created.consumer_secret, access.access_token, access.access_token_secret]) assert.equal(text.includes(secret), false);

    assert.deepEqual(JSON.parse(await runCommand(IntegrationDeleteCommand, application, { name })), { id: created.id, name, deleted: true });
    const table = (t: string) => getDb().getTableName(t);
    assert.equal(await getDb().fetchOne(`SELECT COUNT(*) FROM ${table('integration')} WHERE integration_id = ?`, [created.id]), 0);
    assert.equal(Number(await getDb().fetchOne(`SELECT COUNT(*) FROM ${table('oauth_token')} WHERE token = ?`, [access.access_token])), 0);
    assert.equal(Number(await getDb().fetchOne(`SELECT COUNT(*) FROM ${table('authorization_role')} WHERE user_id = ? AND user_type = '1'`, [created.id])), 0);
  });

  it('integration:create refuses a taken name, both or neither resource options, an unknown resource, with Magento\'s words', async () => {
    const application = { container: h.container } as unknown as Application;
    const name = `Dup ${uniqueSuffix()}`;
    const run = (options: Record<string, string | boolean>) =>
      IntegrationCreateCommand.run({ out: new PassThrough(), err: new PassThrough(), env: {}, application: () => Promise.resolve(application) }, options, []);
    assert.equal(await run({ name, email: 'dup@example.com', 'all-resources': true }), 0);
    await assert.rejects(run({ name, email: 'dup@example.com', 'all-resources': true }), (e: unknown) => e instanceof CliError && e.message === `Integration with name '${name}' exists.`);
    await assert.rejects(run({ name: `${name}2`, email: 'dup@example.com', 'all-resources': true, resources: 'Magento_Customer::customer' }), CliError);
    await assert.rejects(run({ name: `${name}3`, email: 'dup@example.com' }), CliError);
    await assert.rejects(run({ name: `${name}4`, email: 'dup@example.com', resources: 'Magento_Nope::nope' }), (e: unknown) =>
      e instanceof CliError && e.message === 'The "Magento_Nope::nope" ACL resource doesn\'t exist.',
    );
    assert.equal(await h.get(IntegrationService).findByName(`${name}4`), undefined, 'a refused integration leaves no row');
  });
});
