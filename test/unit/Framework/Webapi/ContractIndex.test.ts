import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractIndex } from '../../../../src/Framework/Webapi/ContractIndex.ts';
import type { ContractRegistry } from '../../../../src/Framework/Webapi/ServiceContract.ts';
import { ITEM, createFixtureContracts } from '../../../fixtures/Webapi/FixtureContracts.ts';

function registry(extra: Partial<ContractRegistry>): ContractRegistry {
  const base = createFixtureContracts();
  return { services: extra.services ?? base.services, dataTypes: extra.dataTypes ?? base.dataTypes };
}

describe('ContractIndex', () => {
  it('finds a field by snake_case or camelCase key', () => {
    const index = new ContractIndex(createFixtureContracts());
    assert.equal(index.findField(ITEM, 'is_active')?.name, 'is_active');
    assert.equal(index.findField(ITEM, 'isActive')?.name, 'is_active');
    assert.equal(index.findField(ITEM, 'isactive'), undefined);
  });

  it('fails at boot on a type nobody declared', () => {
    assert.throws(
      () => new ContractIndex(registry({ services: new Map([['S', { name: 'S', methods: { m: { parameters: [{ name: 'x', type: 'Vendor\\Nope', required: true }], returns: 'void' } } }]]) })),
      { message: 'Service S::m, parameter "x": unknown type "Vendor\\Nope"' },
    );
    assert.throws(
      () => new ContractIndex(registry({ dataTypes: new Map([['D', { name: 'D', fields: [{ name: 'a', type: 'int[][]' }] }]]) })),
      { message: 'Data interface D, field "a": nested array type "int[][]" is not supported' },
    );
  });

  it('fails at boot on a field name that is not snake_case', () => {
    assert.throws(
      () => new ContractIndex(registry({ dataTypes: new Map([['D', { name: 'D', fields: [{ name: '__proto__', type: 'int' }] }]]) })),
      { message: 'Data interface D: field "__proto__" must be snake_case' },
    );
  });
});
