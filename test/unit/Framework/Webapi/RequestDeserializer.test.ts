import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputException } from '../../../../src/Framework/Exception/InputException.ts';
import { WebapiException } from '../../../../src/Framework/Exception/WebapiException.ts';
import { RequestDeserializer } from '../../../../src/Framework/Webapi/Rest/RequestDeserializer.ts';

const deserializer = new RequestDeserializer({ maxDepth: 64, developerMode: false });
const json = (text: string): Buffer => Buffer.from(text, 'utf8');

function rejects(contentType: string | undefined, body: Buffer, type: typeof InputException | typeof WebapiException, message: string): void {
  assert.throws(
    () => deserializer.deserialize(contentType, body),
    (error: unknown) => {
      assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
      assert.equal(error.message, message);
      if (error instanceof WebapiException) assert.equal(error.httpCode, 400);
      return true;
    },
  );
}

describe('RequestDeserializer (Magento Rest\\Request::getBodyParams)', () => {
  it('decodes a JSON object into a null-prototype object', () => {
    const data = deserializer.deserialize('application/json', json('{"a":{"b":[1,{"c":true}]}}'));
    assert.equal(Object.getPrototypeOf(data), null);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), { a: { b: [1, { c: true }] } });
  });

  it('accepts a UTF-8 charset in any case, with or without space', () => {
    for (const header of ['application/json; charset=UTF-8', 'application/json;charset=utf-8', 'application/json; Charset=Utf-8']) {
      assert.deepEqual({ ...deserializer.deserialize(header, json('{"a":1}')) }, { a: 1 });
    }
  });

  it('does not look at Content-Type for an empty body or "0" (PHP-falsy content)', () => {
    assert.deepEqual({ ...deserializer.deserialize(undefined, Buffer.alloc(0)) }, {});
    assert.deepEqual({ ...deserializer.deserialize(undefined, json('0')) }, {});
  });

  it('Content-Type header is empty.', () => {
    rejects(undefined, json('{}'), InputException, 'Content-Type header is empty.');
    rejects('', json('{}'), InputException, 'Content-Type header is empty.');
  });

  it('Content-Type header is invalid.', () => {
    rejects('application/json; boundary=x', json('{}'), InputException, 'Content-Type header is invalid.');
    rejects('application json', json('{}'), InputException, 'Content-Type header is invalid.');
  });

  it('UTF-8 is the only supported charset.', () => {
    rejects('application/json; charset=iso-8859-1', json('{}'), InputException, 'UTF-8 is the only supported charset.');
    rejects('application/json; charset="utf-8"', json('{}'), InputException, 'UTF-8 is the only supported charset.');
  });

  it('Server cannot understand Content-Type HTTP header media type %1 (rendered, case-sensitive compare)', () => {
    rejects('text/plain', json('{}'), WebapiException, 'Server cannot understand Content-Type HTTP header media type text/plain');
    rejects('Application/JSON', json('{}'), WebapiException, 'Server cannot understand Content-Type HTTP header media type Application/JSON');
    rejects('application/xml', json('<a/>'), WebapiException, 'Server cannot understand Content-Type HTTP header media type application/xml');
  });

  it('Decoding error. for malformed JSON, invalid UTF-8, a byte-order mark and too deep nesting', () => {
    rejects('application/json', json('{"a":'), WebapiException, 'Decoding error.');
    rejects('application/json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), WebapiException, 'Decoding error.');
    rejects('application/json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json('{}')]), WebapiException, 'Decoding error.');
    rejects('application/json', json(`${'['.repeat(65)}${']'.repeat(65)}`), WebapiException, 'Decoding error.');
  });

  it('accepts nesting up to the limit, brackets inside strings not counted', () => {
    assert.doesNotThrow(() => deserializer.deserialize('application/json', json(`${'['.repeat(64)}${']'.repeat(64)}`)));
    assert.doesNotThrow(() => deserializer.deserialize('application/json', json(`{"a":"${'['.repeat(100)}\\"["}`)));
  });

  it('in developer mode gives Magento\'s detailed decoding message', () => {
    const developer = new RequestDeserializer({ maxDepth: 64, developerMode: true });
    assert.throws(
      () => developer.deserialize('application/json', json('{"a":')),
      (error: unknown) => error instanceof WebapiException && /^Decoding error: \n.+\n/s.test(error.message),
    );
  });

  it('keeps __proto__ as a plain key and leaves Object.prototype alone', () => {
    const data = deserializer.deserialize('application/json', json('{"__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}'));
    assert.equal(Object.hasOwn(data, '__proto__'), true);
    assert.equal(Object.getPrototypeOf(data['nested']), null);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('casts a list or scalar body like PHP (array): indexes become keys', () => {
    assert.deepEqual({ ...deserializer.deserialize('application/json', json('["x","y"]')) }, { '0': 'x', '1': 'y' });
    assert.deepEqual({ ...deserializer.deserialize('application/json', json('"x"')) }, { '0': 'x' });
    assert.deepEqual({ ...deserializer.deserialize('application/json', json('null')) }, {});
  });
});
