import type { DeploymentConfig } from '../Framework/Config/DeploymentConfig.ts';

/**
 * Whether `npm start` / `bin/magento serve` mounts the /__emulator controls. They are unauthenticated and can
 * create admins and empty tables, so: never in production mode; on the embedded database by default; on MySQL
 * only when `MAGENTO_EMULATOR_CONTROLS=1` says so; never beside a real Magento (env.php), whatever is set.
 */
export function emulatorControlsEnabled(deployment: DeploymentConfig, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (deployment.mode === 'production' || deployment.source === 'env.php') return false;
  const flag = env.MAGENTO_EMULATOR_CONTROLS?.trim();
  if (flag === '0') return false;
  return deployment.source === 'embedded' || flag === '1';
}
