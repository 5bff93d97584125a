/**
 * A country's name in a locale (`en_US`, `de_DE` …), from the CLDR data Node's Intl carries — what Magento reads
 * through PHP's intl (`Locale::getDisplayRegion`). Falls back to the code, as Magento does for an unknown one.
 */
export function countryName(countryId: string, locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale.replace('_', '-'), 'en'], { type: 'region', fallback: 'code' });
    return names.of(countryId) ?? countryId;
  } catch {
    return countryId;
  }
}
