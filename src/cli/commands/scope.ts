import type { ScopeType } from '../../Framework/Config/ScopeConfigInterface.ts';
import type { StoreManager } from '../../Model/Store/StoreManager.ts';
import { CliError } from '../Command.ts';

/**
 * `--scope` / `--scope-code` as Magento's config commands take them (Magento's ScopeValidator
 * messages). Returns the scope and its numeric id.
 */
export async function resolveScope(
  stores: StoreManager,
  scopeOpt: string | undefined,
  codeOpt: string | undefined,
): Promise<{ scope: ScopeType; scopeId: number; scopeCode?: string }> {
  const scope = (scopeOpt ?? 'default').trim();
  if (scope === '') throw new CliError('A scope is missing. Enter a scope and try again.');
  if (scope === 'default') {
    if (codeOpt) throw new CliError('The "default" scope can\'t include a scope code. Try again without entering a scope code.');
    return { scope: 'default', scopeId: 0 };
  }
  if (scope !== 'websites' && scope !== 'stores') {
    throw new CliError(`The "${scope}" value doesn't exist. Enter another value and try again.`);
  }
  if (!codeOpt) throw new CliError('A scope code is required. Enter a code and try again.');
  if (scope === 'websites') {
    const w = (await stores.getWebsites(true)).find((x) => x.code === codeOpt || String(x.website_id) === codeOpt);
    if (!w) throw new CliError(`The "${codeOpt}" value doesn't exist. Enter another value and try again.`);
    return { scope, scopeId: w.website_id, scopeCode: w.code };
  }
  const s = (await stores.getStores(true)).find((x) => x.code === codeOpt || String(x.store_id) === codeOpt);
  if (!s) throw new CliError(`The "${codeOpt}" value doesn't exist. Enter another value and try again.`);
  return { scope, scopeId: s.store_id, scopeCode: s.code };
}
