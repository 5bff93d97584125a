import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { createApplication } from '../../../src/bootstrap.ts';
import { runCli } from '../../../src/cli/magento.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { loadDeploymentConfig } from '../../../src/Framework/Config/DeploymentConfig.ts';
import type { ConfigWriterInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { MYSQL_SKIP_REASON, mysqlTestUrl } from '../../support/databases.ts';

async function run(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => (o += d.toString()));
  err.on('data', (d: Buffer) => (e += d.toString()));
  const code = await runCli(argv, { out, err, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, out: o, err: e };
}

function suite(name: string, env: () => Record<string, string>, skip?: string): void {
  describe(`bin/magento config:set / config:show [${name}]`, { skip }, () => {
    it('saves at default, website and store scope and shows the effective value', async () => {
      const e = env();
      const p = 'login_as_customer/general/authentication_data_expiration_time';
      assert.deepEqual(await run(e, 'config:set', p, '120'), { code: 0, out: 'Value was saved.\n', err: '' });
      assert.equal((await run(e, 'config:show', p)).out, '120\n');
      assert.equal((await run(e, 'config:set', p, '30', '--scope', 'websites', '--scope-code', 'base')).code, 0);
      assert.equal((await run(e, 'config:show', p, '--scope=stores', '--scope-code=default')).out, '30\n');
      assert.equal((await run(e, 'config:show', p)).out, '120\n');
      const all = await run(e, 'config:show');
      assert.match(all.out, /^login_as_customer\/general\/enabled - /m);
      await run(e, 'config:set', p, '60');
      // Leave no website-scope value behind for later tests sharing this database.
      const app = await createApplication({ deployment: loadDeploymentConfig(e), logger: new MemoryLogger() });
      try {
        await app.container.get<ConfigWriterInterface>(TYPES.ConfigWriter).delete(p, 'websites', 1);
      } finally {
        await app.close();
      }
    });

    it('refuses unknown paths, scopes and codes with Magento\'s messages and exit code 1', async () => {
      const e = env();
      const unknown = await run(e, 'config:set', 'no/such/path', '1');
      assert.deepEqual([unknown.code, unknown.err], [1, 'Error: The "no/such/path" path doesn\'t exist. Verify and try again.\n']);
      const scope = await run(e, 'config:set', 'login_as_customer/general/enabled', '1', '--scope', 'galaxy', '--scope-code', 'x');
      assert.deepEqual([scope.code, scope.err], [1, 'Error: The "galaxy" value doesn\'t exist. Enter another value and try again.\n']);
      const code = await run(e, 'config:set', 'login_as_customer/general/enabled', '1', '--scope', 'stores', '--scope-code', 'nowhere');
      assert.deepEqual([code.code, code.err], [1, 'Error: The "nowhere" value doesn\'t exist. Enter another value and try again.\n']);
      const missing = await run(e, 'config:set', 'login_as_customer/general/enabled');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /Expected exactly two arguments/);
      const show = await run(e, 'config:show', 'no/such/path');
      assert.deepEqual([show.code, show.err], [1, 'Error: Configuration for path: "no/such/path" doesn\'t exist\n']);
    });

    it('has --help for each command and lists commands', async () => {
      const e = env();
      const help = await run(e, 'config:set', '--help');
      assert.equal(help.code, 0);
      assert.match(help.out, /bin\/magento config:set <path> <value>/);
      const list = await run(e, 'list');
      assert.match(list.out, /config:show/);
      const bad = await run(e, 'nope:nope');
      assert.deepEqual([bad.code, bad.err.split('\n')[0]], [1, 'Command "nope:nope" is not defined.']);
      const flag = await run(e, 'config:show', '--bogus');
      assert.equal(flag.code, 1);
    });
  });
}

let varDir: string | undefined;
suite('sqlite', () => ({ MAGENTO_VAR_DIR: (varDir ??= mkdtempSync(join(tmpdir(), 'lac-cli-'))) }));
const url = mysqlTestUrl();
suite('mysql', () => ({ DATABASE_URL: url ?? '', MAGENTO_CRYPT_KEY: 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8' }), url ? undefined : MYSQL_SKIP_REASON);
