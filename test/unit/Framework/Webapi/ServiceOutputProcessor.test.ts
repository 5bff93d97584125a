import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractIndex } from '../../../../src/Framework/Webapi/ContractIndex.ts';
import { ServiceOutputProcessor } from '../../../../src/Framework/Webapi/ServiceOutputProcessor.ts';
import { CUSTOMER, ECHO_RESULT, ITEM, ITEM_SEARCH_RESULTS, createFixtureContracts } from '../../../fixtures/Webapi/FixtureContracts.ts';

const processor = new ServiceOutputProcessor(new ContractIndex(createFixtureContracts()));

describe('ServiceOutputProcessor', () => {
  it('passes scalars through: a string stays a JSON string, booleans and numbers as such', () => {
    assert.equal(JSON.stringify(processor.process('eyJ.x', 'string')), '"eyJ.x"');
    assert.equal(JSON.stringify(processor.process(true, 'bool')), 'true');
    assert.equal(JSON.stringify(processor.process(false, 'bool')), 'false');
    assert.equal(JSON.stringify(processor.process(42, 'int')), '42');
  });

  it('renders void and null results as [] (Magento turns null into an empty array)', () => {
    assert.deepEqual(processor.process(undefined, 'void'), []);
    assert.deepEqual(processor.process(null, 'string'), []);
    assert.deepEqual(processor.process(null, ITEM), []);
  });

  it('renders a data object with its declared snake_case fields, in declaration order, null ones left out', () => {
    const output = processor.process({ is_active: 1, name: null, id: '5', sku: 'S', undeclared: 'x' }, ITEM);
    assert.equal(JSON.stringify(output), '{"id":5,"sku":"S","is_active":true}');
  });

  it('keeps a required field that is null, as null', () => {
    assert.equal(JSON.stringify(processor.process({ id: 1 }, ITEM)), '{"id":1,"sku":null}');
  });

  it('reads camelCase properties and class getters of the returned object', () => {
    class Customer {
      constructor(private readonly data: { id: number; firstname: string }) {}
      get id(): number {
        return this.data.id;
      }
      get firstname(): string {
        return this.data.firstname;
      }
      extensionAttributes = { assistanceAllowed: '2' };
    }
    assert.deepEqual(processor.process(new Customer({ id: 3, firstname: 'Ada' }), CUSTOMER), {
      id: 3,
      firstname: 'Ada',
      extension_attributes: { assistance_allowed: 2 },
    });
  });

  it('casts scalar fields to the declared type like Magento\'s TypeCaster', () => {
    assert.deepEqual(processor.process({ id: '12abc', name: 5, ratio: '2.50', is_active: '0', tags: [1, true] }, ECHO_RESULT), {
      id: 12,
      name: '5',
      ratio: 2.5,
      is_active: false,
      tags: ['1', '1'],
    });
  });

  it('renders lists of data objects and nested search results', () => {
    const output = processor.process(
      { items: [{ id: 1, sku: 'A' }, { id: '2', sku: 'B', options: [{ code: 'c' }] }], search_criteria: { page_size: '20' }, total_count: '2' },
      ITEM_SEARCH_RESULTS,
    );
    assert.equal(
      JSON.stringify(output),
      '{"items":[{"id":1,"sku":"A"},{"id":2,"sku":"B","options":[{"code":"c"}]}],"search_criteria":{"page_size":20},"total_count":2}',
    );
    assert.deepEqual(processor.process([{ sku: 'A' }, { sku: 'B' }], `${ITEM}[]`), [{ sku: 'A' }, { sku: 'B' }]);
  });

  it('renders a data object without any field as [] (an empty PHP array)', () => {
    assert.deepEqual(processor.process({ ['extension_attributes']: {} }, CUSTOMER), { extension_attributes: [] });
  });

  it('never reads members of Object.prototype as fields', () => {
    const contracts = createFixtureContracts();
    const index = new ContractIndex({
      services: contracts.services,
      dataTypes: new Map([...contracts.dataTypes, ['T', { name: 'T', fields: [{ name: 'constructor', type: 'mixed' }] }]]),
    });
    assert.deepEqual(new ServiceOutputProcessor(index).process({}, 'T'), []);
  });
});
