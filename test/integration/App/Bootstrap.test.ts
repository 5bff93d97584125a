import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { createApplication, ETC_DIR } from '../../../src/bootstrap.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import { forEachDatabase } from '../../support/databases.ts';

/** A copy of etc/ with one file edited, to prove boot refuses it. */
function etcWith(name: string, edit: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lac-etc-'));
  cpSync(ETC_DIR, dir, { recursive: true });
  writeFileSync(join(dir, name), edit(readFileSync(join(dir, name), 'utf8')));
  return dir;
}

forEachDatabase('createApplication', (getDb) => {
  const boot = (etcDir?: string) =>
    createApplication({
      deployment: {
        database: { kind: 'sqlite', path: ':memory:' },
        cryptKey: 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8',
        tablePrefix: getDb().getTableName(''),
        mode: 'default',
        host: '127.0.0.1',
        port: 0,
        varDir: '/tmp',
        source: 'embedded',
      },
      connection: getDb(),
      logger: new MemoryLogger(),
      ...(etcDir ? { etcDir } : {}),
    });

  it('boots on the project etc/ and installs nothing twice', async () => {
    const app = await boot();
    assert.ok(app.webapiConfig.routes.length > 20);
    assert.deepEqual(app.installReport?.created, []);
    await app.close();
  });

  it('stops when a webapi.xml service has no di.xml preference, naming file, route and class', async () => {
    const etc = etcWith('di.xml', (xml) => xml.replace(/\s*<preference for="Magento\\Store\\Api\\WebsiteRepositoryInterface"[^>]*\/>/, ''));
    await assert.rejects(boot(etc), (e: Error) =>
      e.message === `${join(etc, 'webapi.xml')}: route "/V1/store/websites" GET: service class Magento\\Store\\Api\\WebsiteRepositoryInterface has no <preference> in etc/di.xml`);
  });

  it('stops on an unknown ACL resource in webapi.xml', async () => {
    const etc = etcWith('webapi.xml', (xml) => xml.replace('<resource ref="Magento_Backend::store"/>', '<resource ref="Magento_Nope::nope"/>'));
    await assert.rejects(boot(etc), /webapi\.xml.*\/V1\/store\/storeViews.*Magento_Nope::nope/s);
  });

  it('stops on malformed config.xml naming the file', async () => {
    const etc = etcWith('config.xml', (xml) => xml.replace('</config>', ''));
    await assert.rejects(boot(etc), (e: Error) => e.message.startsWith(join(etc, 'config.xml')));
  });
});
