/**
 * Magento's partial responses (`Magento\Framework\Webapi\Rest\Response\FieldsFilter`), checked against the cases of
 * Magento's own FieldsFilterTest and PartialResponseTest, and over generated filters and responses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FieldsFilter } from '../../../../src/Framework/Webapi/Rest/FieldsFilter.ts';
import { QueryStringParser } from '../../../../src/Framework/Webapi/Rest/QueryStringParser.ts';

const SAMPLE = {
  customer: { id: 1, website_id: 0, email: 'jdoe@example.com', firstname: 'Jane', custom_attributes: [{ attribute_code: 'x', value: '0' }] },
  addresses: [
    { firstname: 'Jane', street: ['7700  Parmer ln'], city: 'Austin', region: { region: 'Texas', region_id: 57, region_code: 'TX' }, postcode: '78728' },
    { firstname: 'Jane', street: ['2211 N First St '], city: 'San Jose', region: { region: 'California', region_id: 23, region_code: 'CA' }, postcode: '98454' },
  ],
};

/** The JSON that goes on the wire (the filter builds prototype-less objects). */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const filtered = (output: unknown, fields: string): unknown => wire(FieldsFilter.apply(output, QueryStringParser.parse(`fields=${fields}`)));

describe('FieldsFilter', () => {
  it("keeps the named keys, nested and per list item (Magento's FieldsFilterTest)", () => {
    assert.deepEqual(filtered(SAMPLE, 'customer'), { customer: SAMPLE.customer });
    assert.deepEqual(filtered(SAMPLE, 'customer[email,id]'), { customer: { id: 1, email: 'jdoe@example.com' } });
    assert.deepEqual(filtered(SAMPLE, 'customer[id,email],addresses[city,postcode,region[region_code,region]]'), {
      customer: { id: 1, email: 'jdoe@example.com' },
      addresses: [
        { city: 'Austin', region: { region: 'Texas', region_code: 'TX' }, postcode: '78728' },
        { city: 'San Jose', region: { region: 'California', region_code: 'CA' }, postcode: '98454' },
      ],
    });
    // A name the output lacks is skipped.
    assert.deepEqual(filtered(SAMPLE, 'customer[id,email],addresses[invalid,postcode]'), {
      customer: { id: 1, email: 'jdoe@example.com' },
      addresses: [{ postcode: '78728' }, { postcode: '98454' }],
    });
  });

  it('answers [] for a filter Magento refuses: spaces, other characters, an open bracket, a non-string', () => {
    for (const fields of ['%20%20', 'customer(email)', '%20customer[email]', 'email,%20id', '-', 'customer[id,email],addresses[city']) {
      assert.deepEqual(filtered(SAMPLE, fields), [], fields);
    }
    assert.deepEqual(FieldsFilter.apply(SAMPLE, QueryStringParser.parse('fields[]=customer')), []);
    assert.deepEqual(FieldsFilter.apply(SAMPLE, QueryStringParser.parse('fields[a]=customer')), []);
  });

  it('answers [] when nothing named exists (PartialResponseTest::testCustomerInvalidFilter)', () => {
    assert.deepEqual(filtered({ id: 5, email: 'a@example.com' }, 'invalid'), []);
  });

  it('leaves the output alone without a truthy fields value, and a scalar output always', () => {
    for (const query of ['', 'fields=', 'fields=0', 'other=email']) {
      assert.equal(FieldsFilter.apply(SAMPLE, QueryStringParser.parse(query)), SAMPLE, query);
    }
    assert.equal(FieldsFilter.apply(false, QueryStringParser.parse('fields=customers')), false);
    assert.equal(FieldsFilter.apply('eyJ0', QueryStringParser.parse('fields=x')), 'eyJ0');
  });

  it('filters each item of a list output; an empty list under a filter is null, as in Magento', () => {
    assert.deepEqual(filtered([{ id: 1, code: 'a' }, { id: 2, code: 'b' }], 'id'), [{ id: 1 }, { id: 2 }]);
    assert.deepEqual(filtered({ items: [{ id: 1, email: 'e' }], total_count: 1 }, 'items[id,email]'), { items: [{ id: 1, email: 'e' }] });
    assert.deepEqual(filtered({ id: 1, addresses: [] }, 'id,addresses[city]'), { id: 1, addresses: null });
    assert.equal(filtered([], 'id'), null);
    // `x[]` keeps x with nothing inside it.
    assert.deepEqual(filtered({ region: { region: 'Texas' } }, 'region[]'), { region: [] });
  });

  it('parses like Magento, including odd but accepted shapes', () => {
    const plain = (value: string): unknown => {
      const toObject = (tree: ReturnType<typeof FieldsFilter.parse>): unknown =>
        tree === null ? null : Object.fromEntries([...tree].map(([k, v]) => [k, v === true ? 1 : toObject(v)]));
      return toObject(FieldsFilter.parse(value));
    };
    assert.deepEqual(plain('a,b[c,d[e]],f'), { a: 1, b: { c: 1, d: { e: 1 } }, f: 1 });
    // After a comma, `[` opens under the last name read (PHP keeps `$currentElement`).
    assert.deepEqual(plain('a,[b]'), { a: { b: 1 } });
    assert.deepEqual(plain('[b]'), { '': { b: 1 } });
    assert.deepEqual(plain('a]'), { '': { a: 1 } });
    assert.equal(plain('a[b'), null);
    assert.equal(plain(''), null);
  });

  it('never throws, and keeps only keys the output has, for any filter and output', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.constant(null), tie('list'), tie('object')),
      list: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom('id', 'email', 'items', 'addresses', 'city', '0'), tie('value'), { maxKeys: 4 }),
    }));
    const filter = fc.stringMatching(/^[a-z0-9_[\], ]{0,24}$/);
    fc.assert(
      fc.property(json.value, filter, (output, fields) => {
        const result = FieldsFilter.apply(output, QueryStringParser.parse(`fields=${encodeURIComponent(fields)}`));
        JSON.stringify(result);
        if (fields === '' || fields === '0' || output === null || typeof output !== 'object') {
          assert.equal(result, output);
        } else if (result !== null && !Array.isArray(output) && !Array.isArray(result) && typeof result === 'object') {
          for (const key of Object.keys(result)) assert.ok(Object.hasOwn(output, key), key);
        }
      }),
      { numRuns: 500 },
    );
  });
});
