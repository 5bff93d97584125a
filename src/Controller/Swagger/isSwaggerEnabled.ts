import type { DeploymentConfig } from '../../Framework/Config/DeploymentConfig.ts';

/**
 * Magento_Swagger's `Model\Config::isEnabled()`: the page is served in developer mode, or in any mode when its
 * `enabledInProduction` argument is set (here `MAGENTO_SWAGGER_ENABLED=1`). Magento's controller answers
 * "Page not found." otherwise; here `/swagger` is then not mounted and gets the app's unknown-path 404.
 */
export function isSwaggerEnabled(deployment: Pick<DeploymentConfig, 'mode' | 'swaggerEnabled'>): boolean {
  return deployment.mode === 'developer' || deployment.swaggerEnabled === true;
}
