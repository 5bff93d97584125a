/**
 * `bin/magento setup:install` through the real CLI entry (runCli) on a fresh embedded database and, when
 * configured, on MySQL: progress and summary lines, idempotence, the first admin through the identity module.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createApplication } from '../../../src/bootstrap.ts';
import { runCli } from '../../../src/cli/magento.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { loadDeploymentConfig } from '../../../src/Framework/Config/DeploymentConfig.ts';
import { DbSchemaReader } from '../../../src/Framework/Db/Schema/DbSchemaReader.ts';
import { AdminUserManagement } from '../../../src/Model/User/AdminUserManagement.ts';
import { MYSQL_SKIP_REASON, mysqlTestUrl, schemaFile, uniqueSuffix } from '../../support/databases.ts';

const TABLES = DbSchemaReader.readFile(schemaFile()).tables.length;

interface CliRun {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (chunk: Buffer) => chunks.out.push(chunk));
  err.on('data', (chunk: Buffer) => chunks.err.push(chunk));
  const code = await runCli(args, { out, err, env });
  return { code, out: Buffer.concat(chunks.out).toString(), err: Buffer.concat(chunks.err).toString() };
}

function adminOptions(username: string, password: string): string[] {
  return [
    `--admin-user=${username}`,
    `--admin-password=${password}`,
    `--admin-email=${username}@example.com`,
    '--admin-firstname=Setup',
    '--admin-lastname=Admin',
  ];
}

/** Logs the admin in on the database the command used, through the identity service. */
async function canLogIn(env: Record<string, string>, username: string, password: string): Promise<boolean> {
  const application = await createApplication({ deployment: loadDeploymentConfig(env), logger: new MemoryLogger(), install: false });
  try {
    return (await application.container.get(AdminUserManagement).authenticate(username, password)) !== null;
  } finally {
    await application.close();
  }
}

function summary(out: string): { created: number; existing: number } {
  const match = /^Summary: (\d+) tables created, (\d+) already present, \d+ data patches applied, .+, [\d.]+ s$/m.exec(out);
  assert.ok(match, out);
  return { created: Number(match[1]), existing: Number(match[2]) };
}

describe('bin/magento setup:install [sqlite]', () => {
  let varDir: string;
  let env: Record<string, string>;
  before(() => {
    varDir = mkdtempSync(join(tmpdir(), 'lac-setup-'));
    env = { MAGENTO_VAR_DIR: varDir };
  });
  after(() => rmSync(varDir, { recursive: true, force: true }));

  it('refuses an incomplete set of --admin-* options before touching the database', async () => {
    const run = await cli(['setup:install', '--admin-user=someone'], env);
    assert.equal(run.code, 1);
    assert.match(run.err, /Missing --admin-password, --admin-email, --admin-firstname, --admin-lastname/);
    assert.equal(existsSync(join(varDir, 'magento.sqlite')), false);
  });

  it('creates every table and the first admin, then finds them all on a second run', async () => {
    const username = `setup_${uniqueSuffix()}`;
    const password = `Setup_${uniqueSuffix()}_1`;
    const first = await cli(['setup:install', ...adminOptions(username, password)], env);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^Starting Magento installation:\n\[Progress: 1 \/ 2\] Installing schema and data patches\n/);
    assert.match(first.out, /^\[Progress: 2 \/ 2\] Installing admin user /m);
    assert.match(first.out, new RegExp(`^Created Magento administrator user named ${username}$`, 'm'));
    assert.deepEqual(summary(first.out), { created: TABLES, existing: 0 });
    assert.match(first.out, /\[SUCCESS\]: Magento installation complete\.\n$/);
    assert.ok(!first.out.includes(password) && !first.err.includes(password), 'the password is never printed');
    assert.equal(await canLogIn(env, username, password), true);

    const second = await cli(['setup:install'], env);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /\[Progress: 1 \/ 1\]/);
    assert.deepEqual(summary(second.out), { created: 0, existing: TABLES });
  });

  it("rejects admin input Magento's validation rules reject", async () => {
    const run = await cli(['setup:install', ...adminOptions(`setup_${uniqueSuffix()}`, 'short')], env);
    assert.equal(run.code, 1);
    assert.match(run.err, /Your password must be at least 7 characters\./);
  });
});

describe('bin/magento setup:install [mysql]', () => {
  const url = mysqlTestUrl();
  if (url === undefined) {
    it('runs on MySQL/MariaDB', { skip: MYSQL_SKIP_REASON }, () => {});
    return;
  }
  let varDir: string;
  before(() => {
    varDir = mkdtempSync(join(tmpdir(), 'lac-setup-'));
  });
  after(() => rmSync(varDir, { recursive: true, force: true }));

  it('leaves existing tables alone and creates the admin', async () => {
    const env = { DATABASE_URL: url, MAGENTO_VAR_DIR: varDir };
    const username = `setup_${uniqueSuffix()}`;
    const password = `Setup_${uniqueSuffix()}_1`;
    const run = await cli(['setup:install', ...adminOptions(username, password)], env);
    assert.equal(run.code, 0, run.err);
    const { created, existing } = summary(run.out);
    assert.equal(created + existing, TABLES);
    assert.equal(await canLogIn(env, username, password), true);
    assert.deepEqual(summary((await cli(['setup:install'], env)).out), { created: 0, existing: TABLES });
  });
});
