import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { forEachDatabase } from '../../support/databases.ts';
import type { ConfigWriterInterface } from '../../../src/Framework/Config/ScopeConfigInterface.ts';
import { TYPES } from '../../../src/Framework/Di/Types.ts';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { createAdmin } from '../../integration/Identity/factories.ts';
import { InitializeDirectoryDataPatch, directoryCountries, directoryRegions } from '../../../src/Model/ResourceModel/Directory/InitializeDirectoryDataPatch.ts';

interface Country {
  id: string;
  two_letter_abbreviation: string;
  three_letter_abbreviation: string;
  full_name_locale: string;
  full_name_english: string;
  available_regions?: Array<{ id: string; code: string; name: string }>;
}

forEachDatabase('Directory routes over HTTP', (getDb) => {
  let app: TestApplication;
  let adminToken: string;
  before(async () => {
    app = await createTestApplication(getDb());
    const a = await createAdmin(getDb());
    adminToken = String((await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: a.username, password: 'Admin123!' } })).body);
  });
  after(() => app.close());

  it('GET /V1/directory/countries lists every country anonymously, with CLDR names and Magento\'s region countries', async () => {
    const reply = await app.request('GET', '/rest/V1/directory/countries');
    assert.equal(reply.status, 200);
    const countries = reply.body as Country[];
    assert.equal(countries.length, directoryCountries().length);
    const us = countries.find((c) => c.id === 'US') as Country;
    assert.deepEqual(Object.keys(us), ['id', 'two_letter_abbreviation', 'three_letter_abbreviation', 'full_name_locale', 'full_name_english', 'available_regions']);
    assert.equal(us.three_letter_abbreviation, 'USA');
    assert.equal(us.full_name_english, 'United States');
    assert.deepEqual(us.available_regions?.find((r) => r.code === 'TX'), { id: us.available_regions?.find((r) => r.code === 'TX')?.id, code: 'TX', name: 'Texas' });
    const gb = countries.find((c) => c.id === 'GB') as Country;
    assert.equal('available_regions' in gb, false);
    const de = countries.find((c) => c.id === 'DE') as Country;
    assert.deepEqual(de.available_regions?.map((r) => r.code).sort(), ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH']);
  });

  it('GET /V1/directory/countries/:countryId: one country; unknown or not allowed is Magento\'s 404', async () => {
    const ca = await app.request('GET', '/rest/V1/directory/countries/CA');
    assert.equal(ca.status, 200);
    assert.equal((ca.body as Country).full_name_english, 'Canada');
    assert.equal((ca.body as Country).available_regions?.length, 13);
    const unknown = await app.request('GET', '/rest/V1/directory/countries/ZZ');
    assert.deepEqual([unknown.status, unknown.body], [404, { message: 'Requested country is not available.' }]);
    // The allowed-countries setting is global: change it only on the block's own (embedded) database.
    if (getDb().platform !== 'sqlite') return;
    const writer = app.application.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    await writer.save('general/country/allow', 'US,CA');
    try {
      const notAllowed = await app.request('GET', '/rest/V1/directory/countries/DE');
      assert.deepEqual([notAllowed.status, notAllowed.body], [404, { message: 'Requested country is not available.' }]);
      const list = (await app.request('GET', '/rest/V1/directory/countries')).body as Country[];
      assert.deepEqual(list.map((c) => c.id), ['CA', 'US']);
    } finally {
      await writer.delete('general/country/allow');
    }
  });

  it('GET /V1/directory/currency: Magento\'s default currencies and rates', async () => {
    const reply = await app.request('GET', '/rest/V1/directory/currency');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {
      base_currency_code: 'USD',
      base_currency_symbol: '$',
      default_display_currency_code: 'USD',
      default_display_currency_symbol: '$',
      available_currency_codes: ['USD', 'EUR'],
      exchange_rates: [
        { currency_to: 'USD', rate: 1 },
        { currency_to: 'EUR', rate: 0.706 },
      ],
    });
  });

  it('GET /V1/store/storeConfigs: Magento_Backend::store; one entry per store view with its settings', async () => {
    const anonymous = await app.request('GET', '/rest/V1/store/storeConfigs');
    assert.deepEqual(anonymous.body, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Backend::store' } });
    const reply = await app.request('GET', '/rest/V1/store/storeConfigs', { token: adminToken });
    assert.equal(reply.status, 200);
    const def = (reply.body as Array<Record<string, unknown>>).find((s) => s.code === 'default');
    assert.deepEqual(def, {
      id: 1,
      code: 'default',
      website_id: 1,
      locale: 'en_US',
      base_currency_code: 'USD',
      default_display_currency_code: 'USD',
      timezone: 'America/Los_Angeles',
      weight_unit: 'lbs',
      base_url: 'http://localhost/',
      base_link_url: 'http://localhost/',
      base_static_url: 'http://localhost/static/',
      base_media_url: 'http://localhost/media/',
      secure_base_url: 'http://localhost/',
      secure_base_link_url: 'http://localhost/',
      secure_base_static_url: 'http://localhost/static/',
      secure_base_media_url: 'http://localhost/media/',
    });
    assert.equal((reply.body as Array<{ code: string }>).some((s) => s.code === 'admin'), false);
    const filtered = await app.request('GET', '/rest/V1/store/storeConfigs?storeCodes[]=nope', { token: adminToken });
    assert.deepEqual([filtered.status, filtered.body], [200, []]);
  });

  it('the directory patch is idempotent and cheap', async () => {
    const start = performance.now();
    await new InitializeDirectoryDataPatch().apply(getDb());
    assert.ok(performance.now() - start < 1000);
    const regions = Number(await getDb().fetchOne(`SELECT COUNT(*) FROM ${getDb().getTableName('directory_country_region')} WHERE country_id = 'US'`));
    assert.equal(regions, directoryRegions().filter((r) => r.country_id === 'US').length);
  });
});
