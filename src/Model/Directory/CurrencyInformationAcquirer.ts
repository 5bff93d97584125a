import { inject, injectable } from 'inversify';
import type { CurrencyInformationAcquirerInterface } from '../../Api/Directory/CurrencyInformationAcquirerInterface.ts';
import type { CurrencyInformation } from '../../Api/Directory/Data/CurrencyInformationInterface.ts';
import type { RequestContext } from '../../Framework/App/RequestContext.ts';
import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { DirectoryResource } from '../ResourceModel/Directory/DirectoryResource.ts';
import { DirectoryData } from './DirectoryData.ts';

/**
 * Magento's `Magento\Directory\Model\CurrencyInformationAcquirer`: the store's base and display currencies
 * (`currency/options/base`, `currency/options/default`), the allowed ones that have a rate from the base currency
 * (Store::getAvailableCurrencyCodes(true)) and those rates (`directory_currency_rate`).
 */
@injectable()
export class CurrencyInformationAcquirer implements CurrencyInformationAcquirerInterface {
  constructor(
    @inject(TYPES.ScopeConfig) private readonly config: ScopeConfigInterface,
    @inject(DirectoryResource) private readonly resource: DirectoryResource,
    @inject(DirectoryData) private readonly directory: DirectoryData,
    @inject(TYPES.RequestContext) private readonly requestContext: RequestContext,
  ) {}

  async getCurrencyInfo(): Promise<CurrencyInformation> {
    const storeId = this.requestContext.current()?.storeId ?? null;
    const value = async (path: string): Promise<string | null> =>
      storeId === null ? this.config.getValue(path) : this.config.getValue(path, 'stores', storeId);
    const base = (await value('currency/options/base')) ?? 'USD';
    const display = (await value('currency/options/default')) ?? base;
    const allowed = ((await value('currency/options/allow')) ?? base).split(',').map((c) => c.trim()).filter((c) => c !== '');
    const rates = await this.resource.loadRates(base);
    const available = allowed.filter((code) => code === base || rates.has(code));
    const locale = await this.directory.getLocale(storeId);
    return {
      base_currency_code: base,
      base_currency_symbol: currencySymbol(base, locale),
      default_display_currency_code: display,
      default_display_currency_symbol: currencySymbol(display, locale),
      available_currency_codes: available,
      exchange_rates: available.map((code) => ({ currency_to: code, rate: code === base ? (rates.get(code) ?? 1) : (rates.get(code) as number) })),
    };
  }
}

/** The currency's symbol in the locale (CLDR, as Magento's `Currency::getCurrencySymbol`). */
function currencySymbol(code: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-'), { style: 'currency', currency: code }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}
