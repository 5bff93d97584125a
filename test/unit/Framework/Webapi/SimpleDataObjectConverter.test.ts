import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimpleDataObjectConverter } from '../../../../src/Framework/Webapi/SimpleDataObjectConverter.ts';

describe('SimpleDataObjectConverter (Magento casing rules)', () => {
  it('snake_case ↔ camelCase', () => {
    assert.equal(SimpleDataObjectConverter.snakeCaseToCamelCase('customer_id'), 'customerId');
    assert.equal(SimpleDataObjectConverter.snakeCaseToCamelCase('customerId'), 'customerId');
    assert.equal(SimpleDataObjectConverter.snakeCaseToUpperCamelCase('extension_attributes'), 'ExtensionAttributes');
    assert.equal(SimpleDataObjectConverter.snakeCaseToUpperCamelCase('__proto__'), 'Proto');
    assert.equal(SimpleDataObjectConverter.camelCaseToSnakeCase('customerId'), 'customer_id');
    assert.equal(SimpleDataObjectConverter.camelCaseToSnakeCase('ABC'), 'a_bc');
  });

  it('a method parameter\'s snake_case alias as ServiceInputProcessor builds it', () => {
    assert.equal(SimpleDataObjectConverter.parameterNameToSnakeCase('searchCriteria'), 'search_criteria');
    assert.equal(SimpleDataObjectConverter.parameterNameToSnakeCase('isAllowed'), 'is_allowed');
    assert.equal(SimpleDataObjectConverter.parameterNameToSnakeCase('URLKey'), 'u_r_l_key');
  });
});
