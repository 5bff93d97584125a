import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

export const CURRENCY_INFORMATION_INTERFACE = 'Magento\\Directory\\Api\\Data\\CurrencyInformationInterface';
export const EXCHANGE_RATE_INTERFACE = 'Magento\\Directory\\Api\\Data\\ExchangeRateInterface';

export interface ExchangeRate {
  currency_to: string;
  rate: number;
}

/** Magento's `CurrencyInformationInterface` on the wire. */
export interface CurrencyInformation {
  base_currency_code: string;
  base_currency_symbol: string;
  default_display_currency_code: string;
  default_display_currency_symbol: string;
  available_currency_codes: string[];
  exchange_rates: ExchangeRate[];
}

export const ExchangeRateInterfaceDeclaration: DataInterfaceDeclaration = {
  name: EXCHANGE_RATE_INTERFACE,
  description: 'Exchange Rate interface.',
  fields: [
    { name: 'currency_to', type: 'string', required: true },
    { name: 'rate', type: 'float', required: true },
    { name: 'extension_attributes', type: 'Magento\\Directory\\Api\\Data\\ExchangeRateExtensionInterface' },
  ],
};

export const CurrencyInformationInterfaceDeclaration: DataInterfaceDeclaration = {
  name: CURRENCY_INFORMATION_INTERFACE,
  description: 'Currency Information interface.',
  fields: [
    { name: 'base_currency_code', type: 'string', required: true },
    { name: 'base_currency_symbol', type: 'string', required: true },
    { name: 'default_display_currency_code', type: 'string', required: true },
    { name: 'default_display_currency_symbol', type: 'string', required: true },
    { name: 'available_currency_codes', type: 'string[]', required: true },
    { name: 'exchange_rates', type: `${EXCHANGE_RATE_INTERFACE}[]`, required: true },
    { name: 'extension_attributes', type: 'Magento\\Directory\\Api\\Data\\CurrencyInformationExtensionInterface' },
  ],
};

export const DirectoryExtensionInterfaceDeclarations: readonly DataInterfaceDeclaration[] = [
  { name: 'Magento\\Directory\\Api\\Data\\ExchangeRateExtensionInterface', fields: [] },
  { name: 'Magento\\Directory\\Api\\Data\\CurrencyInformationExtensionInterface', fields: [] },
];
