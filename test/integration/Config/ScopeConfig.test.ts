import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ScopeConfigInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { ConfigWriter } from '../../../src/Model/Config/ConfigWriter.ts';
import { CacheGeneration } from '../../../src/Model/ResourceModel/Cache/CacheGeneration.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../../support/databases.ts';

forEachDatabase('ScopeConfig: config.xml defaults under core_config_data, store → website → default', (getDb) => {
  let t: TestApplication;
  let config: ScopeConfigInterface;
  let writer: ConfigWriter;
  const clock = new FixedClock(Date.UTC(2026, 10, 25, 12));
  // A path of our own per run, so values written by other tests never interfere.
  const path = () => `test_${uniqueSuffix()}/group/field`;

  before(async () => {
    t = await createTestApplication(getDb(), { clock });
    config = t.application.container.get<ScopeConfigInterface>(TYPES.ScopeConfig);
    writer = t.application.container.get(ConfigWriter);
  });
  after(() => t.close());

  it('answers the etc/config.xml default when nothing is saved', async () => {
    assert.equal(await config.getValue('oauth/authentication_lock/max_failures_count'), '6');
    assert.equal(await config.getValue('login_as_customer/general/authentication_data_expiration_time', 'stores', 'default'), '60');
    assert.equal(await config.getValue('no/such/path'), null);
  });

  it('falls back store → website → default, by id or code', async () => {
    const p = path();
    await writer.save(p, 'D');
    assert.equal(await config.getValue(p, 'stores', 'default'), 'D');
    await writer.save(p, 'W', 'websites', 1);
    assert.equal(await config.getValue(p, 'stores', 'default'), 'W');
    assert.equal(await config.getValue(p, 'websites', 'base'), 'W');
    assert.equal(await config.getValue(p), 'D');
    await writer.save(p, 'S', 'stores', 1);
    assert.equal(await config.getValue(p, 'stores', 1), 'S');
    assert.equal(await config.getValue(p, 'stores', 'admin'), 'D');
    await writer.delete(p, 'stores', 1);
    assert.equal(await config.getValue(p, 'stores', 'default'), 'W');
  });

  it('isSetFlag reads 0, empty and false as off', async () => {
    const p = path();
    for (const [value, expected] of [['1', true], ['0', false], ['', false], ['false', false], ['yes', true]] as const) {
      await writer.save(p, value);
      assert.equal(await config.isSetFlag(p), expected, `value ${JSON.stringify(value)}`);
    }
  });

  it('sees a change written by another instance at its next read, with no waiting period', async () => {
    const p = path();
    await writer.save(p, 'before');
    assert.equal(await config.getValue(p), 'before');
    // Another process writes straight to the table: this instance keeps its cached value …
    await getDb().execute(`UPDATE ${getDb().getTableName('core_config_data')} SET value = ? WHERE path = ?`, ['after', p]);
    assert.equal(await config.getValue(p), 'before');
    clock.advance(60_000);
    assert.equal(await config.getValue(p), 'before', 'no lifetime: only a generation change reloads');
    // … until the config generation moves, as another instance's CoreConfigData moves it with its write.
    await new CacheGeneration(getDb()).bump(['config']);
    assert.equal(await config.getValue(p), 'after');
    // A save through any instance's writer is seen at once.
    await writer.save(p, 'again');
    assert.equal(await config.getValue(p), 'again');
  });
});
