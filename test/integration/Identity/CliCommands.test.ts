import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/magento.ts';
import { MYSQL_SKIP_REASON, mysqlTestUrl, uniqueSuffix } from '../../support/databases.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

for (const platform of ['sqlite', 'mysql'] as const) {
  describe(`bin/magento identity commands [${platform}]`, () => {
    const url = mysqlTestUrl();
    if (platform === 'mysql' && url === undefined) {
      it('runs on MySQL/MariaDB', { skip: MYSQL_SKIP_REASON }, () => {});
      return;
    }
    let varDir: string;
    let env: Record<string, string>;
    before(() => {
      varDir = mkdtempSync(join(tmpdir(), 'lac-cli-'));
      env = { MAGENTO_VAR_DIR: varDir, MAGENTO_CRYPT_KEY: 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8', LOG_LEVEL: 'silent' };
      if (platform === 'mysql') env.DATABASE_URL = url as string;
    });
    after(() => rmSync(varDir, { recursive: true, force: true }));

    const run = async (...argv: string[]): Promise<Run> => {
      const out = new PassThrough();
      const err = new PassThrough();
      const readOut = collect(out);
      const readErr = collect(err);
      const code = await runCli(argv, { out, err, env });
      return { code, out: readOut(), err: readErr() };
    };

    it('admin:user:create creates an administrator who can get a token; --help lists the options', async () => {
      const user = `cli_${uniqueSuffix()}`;
      const created = await run(
        'admin:user:create', `--admin-user=${user}`, '--admin-password=Admin123!', `--admin-email=${user}@example.com`,
        '--admin-firstname=Cli', '--admin-lastname=Admin',
      );
      assert.deepEqual(created, { code: 0, out: `Created Magento administrator user named ${user}\n`, err: '' });
      const help = await run('admin:user:create', '--help');
      assert.equal(help.code, 0);
      assert.match(help.out, /--admin-password\s+\(Required\) Admin password/);
    });

    it("admin:user:create prints Magento's validation messages and exits 1", async () => {
      const result = await run('admin:user:create', '--admin-user=x', '--admin-password=short', '--admin-email=bad');
      assert.equal(result.code, 1);
      assert.equal(
        result.err,
        'First Name is a required field.\nLast Name is a required field.\nPlease enter a valid email.\nYour password must be at least 7 characters.\n',
      );
    });

    it('admin:role:create creates a restricted role and assigns an admin; unknown resources and users fail', async () => {
      const user = `cli_${uniqueSuffix()}`;
      await run('admin:user:create', `--admin-user=${user}`, '--admin-password=Admin123!', `--admin-email=${user}@example.com`, '--admin-firstname=R', '--admin-lastname=S');
      const role = `cli_role_${uniqueSuffix()}`;
      const created = await run('admin:role:create', `--role-name=${role}`, '--resource=Magento_Customer::customer', `--user=${user}`);
      assert.equal(created.code, 0, created.err);
      assert.match(created.out, new RegExp(`Created role "${role}" \\(id \\d+\\) with Magento_Customer::customer\\nAssigned admin user ${user} to role "${role}"\\n`));
      const unknown = await run('admin:role:create', `--role-name=x_${uniqueSuffix()}`, '--resource=Magento_Nope::nothing');
      assert.deepEqual([unknown.code, unknown.err], [1, 'Error: The "Magento_Nope::nothing" ACL resource doesn\'t exist.\n']);
      const nobody = await run('admin:role:create', `--role-name=x_${uniqueSuffix()}`, '--resource=Magento_Backend::all', '--user=nobody_here');
      assert.deepEqual([nobody.code, nobody.err], [1, 'Error: The admin user "nobody_here" doesn\'t exist.\n']);
      const duplicate = await run('admin:role:create', `--role-name=${role}`, '--resource=Magento_Backend::all');
      assert.deepEqual([duplicate.code, duplicate.err], [1, `Error: A role named "${role}" already exists.\n`]);
    });

    it('customer:create creates a customer; a missing option and a weak password fail with exit 1', async () => {
      const email = `cli_${uniqueSuffix()}@example.com`;
      const created = await run('customer:create', `--email=${email}`, '--password=Passw0rd!x', '--firstname=Cli', '--lastname=Customer');
      assert.equal(created.code, 0, created.err);
      assert.match(created.out, new RegExp(`^Created customer #\\d+ ${email.replace('.', '\\.')} in website 1\\n$`));
      const missing = await run('customer:create', `--email=x${email}`);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /Missing required option\(s\): --password, --firstname, --lastname/);
      const weak = await run('customer:create', `--email=y${email}`, '--password=abc', '--firstname=A', '--lastname=B');
      assert.deepEqual([weak.code, weak.err], [1, 'Error: The password needs at least 8 characters. Create a new password and try again.\n']);
      const site = await run('customer:create', `--email=z${email}`, '--password=Passw0rd!x', '--firstname=A', '--lastname=B', '--website-id=999');
      assert.deepEqual([site.code, site.err], [1, 'Error: The website with id "999" doesn\'t exist.\n']);
    });
  });
}
