import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AclResourceTree } from '../../../../src/Framework/Acl/AclResourceTree.ts';
import { AclXmlReader } from '../../../../src/Framework/Acl/AclXmlReader.ts';
import { ConfigFileException } from '../../../../src/Framework/Exception/ConfigFileException.ts';
import { FIXTURE_ACL_XML } from '../../../fixtures/Webapi/startFixtureServer.ts';

const reader = new AclXmlReader();

function acl(resources: string): string {
  return `<?xml version="1.0"?><config><acl><resources>${resources}</resources></acl></config>`;
}

function bootFailure(sources: { file: string; xml: string }[]): ConfigFileException {
  try {
    reader.parse(sources);
  } catch (error) {
    assert.ok(error instanceof ConfigFileException, `expected ConfigFileException, got ${String(error)}`);
    return error;
  }
  assert.fail('boot did not fail');
}

describe('AclXmlReader', () => {
  it('reads the nested tree, children in sortOrder', () => {
    const tree = reader.read([FIXTURE_ACL_XML]);
    assert.deepEqual(tree.resources, [
      {
        id: 'Magento_Backend::admin',
        title: null,
        sortOrder: 0,
        children: [
          {
            id: 'Fixture_Catalog::catalog',
            title: 'Fixture Catalog',
            sortOrder: 10,
            children: [
              { id: 'Fixture_Catalog::items_read', title: 'Read Items', sortOrder: 10, children: [] },
              { id: 'Fixture_Catalog::items_write', title: 'Write Items', sortOrder: 20, children: [] },
            ],
          },
        ],
      },
    ]);
    assert.ok(Object.isFrozen(tree.resources));
    assert.ok(tree.has('Fixture_Catalog::items_write'));
    assert.ok(tree.has(AclResourceTree.ROOT_RESOURCE_ID));
    assert.equal(tree.has('Fixture_Catalog::nope'), false);
    assert.deepEqual(tree.ancestorsOf('Fixture_Catalog::items_read'), ['Fixture_Catalog::catalog', 'Magento_Backend::admin']);
    assert.equal(tree.parentOf('Magento_Backend::admin'), null);
  });

  it('merges files the way a module adds its resources under an existing parent', () => {
    const tree = reader.parse([
      {
        file: 'Magento/Customer/etc/acl.xml',
        xml: acl('<resource id="Magento_Backend::admin"><resource id="Magento_Customer::customer" title="Customers" sortOrder="40"/></resource>'),
      },
      {
        file: 'Magento/LoginAsCustomer/etc/acl.xml',
        xml: acl(
          '<resource id="Magento_Backend::admin"><resource id="Magento_Customer::customer">' +
            '<resource id="Magento_LoginAsCustomer::login" title="Login as Customer" sortOrder="50"/>' +
            '</resource></resource>',
        ),
      },
    ]);
    assert.equal(tree.get('Magento_Customer::customer')?.title, 'Customers');
    assert.deepEqual(tree.ancestorsOf('Magento_LoginAsCustomer::login'), ['Magento_Customer::customer', 'Magento_Backend::admin']);
  });

  it('drops a resource declared disabled', () => {
    const tree = reader.parse([
      { file: 'acl.xml', xml: acl('<resource id="Magento_Backend::admin"><resource id="Vendor_Module::gone" disabled="true"/></resource>') },
    ]);
    assert.equal(tree.has('Vendor_Module::gone'), false);
  });

  const failures: { name: string; xml: string; element: string; reason: RegExp }[] = [
    { name: 'malformed XML', xml: '<config><acl></config>', element: 'document', reason: /^malformed XML: / },
    { name: 'a root other than <config>', xml: '<routes/>', element: '<routes>', reason: /^root element must be <config>$/ },
    { name: 'a resource without id', xml: acl('<resource title="x"/>'), element: 'resource under <resources>', reason: /^missing "id" attribute$/ },
    { name: 'a malformed id', xml: acl('<resource id="nope"/>'), element: 'resource "nope"', reason: /^id must look like Vendor_Module::name$/ },
    {
      name: 'a non-numeric sortOrder',
      xml: acl('<resource id="Vendor_Module::a" sortOrder="first"/>'),
      element: 'resource "Vendor_Module::a"',
      reason: /^sortOrder "first" is not an integer$/,
    },
  ];
  for (const failure of failures) {
    it(`fails boot on ${failure.name}, naming file, element and reason`, () => {
      const error = bootFailure([{ file: 'etc/acl.xml', xml: failure.xml }]);
      assert.equal(error.file, 'etc/acl.xml');
      assert.equal(error.element, failure.element);
      assert.match(error.reason, failure.reason);
    });
  }

  it('fails boot when one id is declared under two different parents', () => {
    const error = bootFailure([
      { file: 'a/acl.xml', xml: acl('<resource id="Vendor_Module::a"><resource id="Vendor_Module::x"/></resource>') },
      { file: 'b/acl.xml', xml: acl('<resource id="Vendor_Module::b"><resource id="Vendor_Module::x"/></resource>') },
    ]);
    assert.equal(error.file, 'b/acl.xml');
    assert.equal(error.element, 'resource "Vendor_Module::x"');
    assert.equal(error.reason, 'declared under Vendor_Module::b but a/acl.xml declares it under Vendor_Module::a');
  });
});
