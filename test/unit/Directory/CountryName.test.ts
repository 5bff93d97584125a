import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { countryName } from '../../../src/Model/Directory/CountryName.ts';
import { directoryCountries } from '../../../src/Model/ResourceModel/Directory/InitializeDirectoryDataPatch.ts';

it('names countries in the store locale and in English (CLDR), as Magento does through ICU', () => {
  assert.equal(countryName('US', 'en_US'), 'United States');
  assert.equal(countryName('DE', 'de_DE'), 'Deutschland');
  assert.equal(countryName('DE', 'en_US'), 'Germany');
  assert.equal(countryName('XK', 'en_US'), 'Kosovo');
});

it('every seeded country has a name, and no locale string makes it throw', () => {
  for (const [code] of directoryCountries()) assert.notEqual(countryName(code, 'en_US'), code, code);
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (locale) => {
      assert.equal(typeof countryName('FR', locale), 'string');
    }),
  );
});
