/**
 * The package as its users get it: `npm pack`, the tarball installed into an empty project with no TypeScript,
 * then plain JavaScript — an `.mjs` test that starts an emulator, and the installed `magento` command.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/bench/childService.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { npm_config_user_agent: _agent, ...cleanEnv } = process.env;

const CONSUMER = `
import assert from 'node:assert/strict';
import { startEmulator } from 'magento-rest-emulator';

const emu = await startEmulator({ port: 0 });
const call = async (method, path, { token, body } = {}) => {
  const res = await fetch(emu.url + '/rest/V1' + path, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};
const { customers } = await emu.fixtures({
  admins: [{ username: 'support', password: 'Support123', resources: ['Magento_LoginAsCustomer::login', 'Magento_LoginAsCustomer::token'] }],
  customers: [{ email: 'buyer@example.com', assistance_allowed: true }],
});
const admin = (await call('POST', '/integration/admin/token', { body: { username: 'support', password: 'Support123' } })).body;
const generated = await call('POST', '/login-as-customer/secret', { token: admin, body: { customerId: customers[0].id } });
assert.equal(generated.status, 200);
emu.clock.advance(61);
const late = await call('POST', '/login-as-customer/token', { token: admin, body: { secret: generated.body.secret } });
assert.deepEqual(late, { status: 401, body: { message: 'Invalid or expired secret.' } });
const journal = emu.requests();
assert.deepEqual(journal.map((e) => [e.method, e.route, e.status, e.callerType]), [
  ['POST', '/V1/integration/admin/token', 200, 'guest'],
  ['POST', '/V1/login-as-customer/secret', 200, 'admin'],
  ['POST', '/V1/login-as-customer/token', 401, 'admin'],
]);
await emu.reset();
assert.equal((await call('POST', '/integration/admin/token', { body: { username: 'support', password: 'Support123' } })).status, 401);
await emu.close();
console.log('consumer ok');
`;

describe('the installed package', () => {
  let work: string;
  let project: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'lac-pack-'));
    execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, env: cleanEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    project = join(work, 'consumer');
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], {
      cwd: project,
      env: cleanEnv,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('starts from a plain .mjs file: fixtures, a secret, the clock past its lifetime, the journal, reset', () => {
    writeFileSync(join(project, 'consumer.test.mjs'), CONSUMER);
    const out = execFileSync(process.execPath, ['consumer.test.mjs'], { cwd: project, env: cleanEnv, encoding: 'utf8' });
    assert.match(out, /consumer ok/);
  });

  it('runs `npx magento` with plain node (no tsx installed)', () => {
    assert.throws(() => execFileSync(process.execPath, ['-e', "import('tsx')"], { cwd: project, stdio: 'pipe' }), 'tsx is not in the consumer project');
    const out = execFileSync('npx', ['--no-install', 'magento', 'list'], { cwd: project, env: cleanEnv, encoding: 'utf8' });
    assert.match(out, /setup:install/);
  });

  for (const mode of ['default', 'production'] as const) {
    it(`\`npx magento serve\` ${mode === 'default' ? 'answers' : 'hides'} /__emulator in ${mode} mode`, async () => {
      const port = await freePort();
      const child = spawn('npx', ['--no-install', 'magento', 'serve', '--port', String(port)], {
        cwd: project,
        env: { ...cleanEnv, MAGENTO_MODE: mode, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
        detached: true,
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        for (let i = 0; i < 100; i++) {
          const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
          if (up) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (mode === 'default') {
          assert.ok(existsSync(join(project, 'var', 'magento.sqlite')), 'var/ is in the consuming project, not in node_modules');
        }
        const reply = await fetch(`${base}/__emulator/requests`);
        if (mode === 'default') {
          assert.equal(reply.status, 200);
          assert.ok(Array.isArray(await reply.json()));
        } else {
          assert.equal(reply.status, 404);
          assert.deepEqual(await reply.json(), { message: 'Request does not match any route.' });
        }
      } finally {
        process.kill(-(child.pid as number), 'SIGTERM');
      }
    });
  }
});
