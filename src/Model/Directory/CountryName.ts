/** One formatter per locale: building an Intl.DisplayNames costs far more than asking it. */
const formatters = new Map<string, Intl.DisplayNames | null>();

function formatter(locale: string): Intl.DisplayNames | null {
  let names = formatters.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale.replace('_', '-'), 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    // Locales come from configuration: a handful of values, so the map stays small.
    if (formatters.size < 64) formatters.set(locale, names);
  }
  return names;
}

/**
 * A country's name in a locale (`en_US`, `de_DE` …), from the CLDR data Node's Intl carries — what Magento reads
 * through PHP's intl (`Locale::getDisplayRegion`). Falls back to the code, as Magento does for an unknown one.
 */
export function countryName(countryId: string, locale: string): string {
  try {
    return formatter(locale)?.of(countryId) ?? countryId;
  } catch {
    return countryId;
  }
}
