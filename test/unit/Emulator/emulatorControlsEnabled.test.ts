import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emulatorControlsEnabled } from '../../../src/Emulator/emulatorControlsEnabled.ts';
import { DeploymentConfigError, loadDeploymentConfig } from '../../../src/Framework/Config/DeploymentConfig.ts';

describe('emulatorControlsEnabled', () => {
  const config = (env: Record<string, string>) => loadDeploymentConfig({ MAGENTO_CRYPT_KEY: 'k'.repeat(32), ...env }, '/tmp/lac-controls');
  const mysql = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/x' };

  it('is on for the embedded database by default, off on MySQL unless MAGENTO_EMULATOR_CONTROLS=1', () => {
    assert.equal(emulatorControlsEnabled(config({})), true);
    assert.equal(emulatorControlsEnabled(config({ MAGENTO_EMULATOR_CONTROLS: '0' })), false);
    assert.equal(emulatorControlsEnabled(config(mysql)), false);
    assert.equal(emulatorControlsEnabled(config({ ...mysql, MAGENTO_EMULATOR_CONTROLS: '1' })), true);
  });

  it('is never on in production mode, whatever the setting', () => {
    assert.equal(emulatorControlsEnabled(config({ MAGENTO_MODE: 'production', MAGENTO_EMULATOR_CONTROLS: '1' })), false);
  });

  it('refuses a setting that is not a switch', () => {
    assert.throws(() => config({ MAGENTO_EMULATOR_CONTROLS: 'yes' }), DeploymentConfigError);
  });
});
