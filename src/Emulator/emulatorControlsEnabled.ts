import type { DeploymentConfig } from '../Framework/Config/DeploymentConfig.ts';

/**
 * Whether `npm start` / `bin/magento serve` mounts the /__emulator controls. They are unauthenticated and can
 * create admins and empty tables, so: never in production mode; never beside a real Magento (env.php), whatever
 * is set; otherwise as `MAGENTO_EMULATOR_CONTROLS` says, and by default on the embedded database only.
 */
export function emulatorControlsEnabled(deployment: DeploymentConfig): boolean {
  if (deployment.mode === 'production' || deployment.source === 'env.php') return false;
  return deployment.emulatorControls ?? deployment.source === 'embedded';
}
