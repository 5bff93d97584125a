import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLogger } from '../../../../src/Framework/App/Logger.ts';
import { AlreadyExistsException } from '../../../../src/Framework/Exception/AlreadyExistsException.ts';
import { AuthenticationException } from '../../../../src/Framework/Exception/AuthenticationException.ts';
import { AuthorizationException } from '../../../../src/Framework/Exception/AuthorizationException.ts';
import { ConnectionException, DuplicateKeyException } from '../../../../src/Framework/Exception/DbException.ts';
import { InputException } from '../../../../src/Framework/Exception/InputException.ts';
import { LocalizedException } from '../../../../src/Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../../../src/Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../../../src/Framework/Exception/Phrase.ts';
import { StateException } from '../../../../src/Framework/Exception/StateException.ts';
import { WebapiException } from '../../../../src/Framework/Exception/WebapiException.ts';
import { ErrorProcessor } from '../../../../src/Framework/Webapi/ErrorProcessor.ts';
import { createUniqidReportIdGenerator } from '../../../../src/Framework/Webapi/ReportIdGenerator.ts';

function processorWith(developerMode = false): { processor: ErrorProcessor; logger: MemoryLogger } {
  const logger = new MemoryLogger();
  let counter = 0;
  const processor = new ErrorProcessor({ developerMode, logger, reportIdGenerator: () => `webapi-test${++counter}` });
  return { processor, logger };
}

describe('ErrorProcessor', () => {
  const { processor } = processorWith();

  it('maps LocalizedExceptions by class: 404, 401, 400', () => {
    const cases: [LocalizedException, number][] = [
      [new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'id', fieldValue: 3 })), 404],
      [new AuthenticationException(__('The account sign-in was incorrect.')), 401],
      [new AuthorizationException(__("The consumer isn't authorized to access %resources.", { resources: 'A::b' })), 401],
      [new InputException(__('Invalid.')), 400],
      [new StateException(__('Locked.')), 400],
      [new AlreadyExistsException(__('Exists.')), 400],
      [new LocalizedException(__('Plain.')), 400],
    ];
    for (const [error, status] of cases) assert.equal(processor.process(error).status, status, error.name);
  });

  it('renders the raw template with named parameters as an object', () => {
    const result = processor.process(new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'id', fieldValue: 3 })));
    assert.equal(JSON.stringify(result.body), '{"message":"No such entity with %fieldName = %fieldValue","parameters":{"fieldName":"id","fieldValue":3}}');
  });

  it('renders positional parameters as an array and leaves out empty ones', () => {
    assert.equal(JSON.stringify(processor.process(new LocalizedException(__('Cannot %1 %2.', ['a', 'b']))).body), '{"message":"Cannot %1 %2.","parameters":["a","b"]}');
    assert.equal(JSON.stringify(processor.process(new LocalizedException(__('Plain.'))).body), '{"message":"Plain."}');
  });

  it('one InputException error is the message itself; two or more are listed under errors', () => {
    const one = processor.process(InputException.fromErrors([__(InputException.REQUIRED_FIELD, { fieldName: 'sku' })]));
    assert.equal(JSON.stringify(one.body), '{"message":"\\"%fieldName\\" is required. Enter and try again.","parameters":{"fieldName":"sku"}}');
    const many = processor.process(
      InputException.fromErrors([__(InputException.REQUIRED_FIELD, { fieldName: 'sku' }), __('Plain error.')]),
    );
    assert.deepEqual(many, {
      status: 400,
      body: {
        message: 'One or more input exceptions have occurred.',
        errors: [
          { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'sku' } },
          { message: 'Plain error.', parameters: [] },
        ],
      },
    });
  });

  it('gives a WebapiException its own status, its rendered message and its details as parameters', () => {
    assert.deepEqual(processor.process(new WebapiException(__('The %1 HTTP method is not supported.', ['PATCH']), 405)), {
      status: 405,
      body: { message: 'The PATCH HTTP method is not supported.' },
    });
    assert.deepEqual(processor.process(new WebapiException(__('Too Many Requests'), 429, { details: { limit: 3 } })), {
      status: 429,
      body: { message: 'Too Many Requests', parameters: { limit: 3 } },
    });
  });

  it('masks anything else as a 500 with a report id, logging the full error under it', () => {
    const { processor: masking, logger } = processorWith();
    const error = new TypeError('cannot read x of undefined (db-host-7)');
    const result = masking.process(error);
    assert.deepEqual(result, {
      status: 500,
      body: { message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-test1' },
      reportId: 'webapi-test1',
    });
    assert.equal(logger.lines.length, 1);
    assert.equal(logger.lines[0]?.level, 'error');
    assert.equal(logger.lines[0]?.['reportId'], 'webapi-test1');
    assert.equal(logger.lines[0]?.msg, 'Report ID: webapi-test1; Message: cannot read x of undefined (db-host-7)');
    assert.deepEqual(logger.lines[0]?.['error'], { name: 'TypeError', message: error.message, stack: error.stack });
  });

  it('masks a lost database connection as a 503; other database errors as a 500', () => {
    const { processor: masking } = processorWith();
    assert.deepEqual(masking.process(new ConnectionException('ECONNREFUSED')), {
      status: 503,
      body: { message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-test1' },
      reportId: 'webapi-test1',
    });
    assert.equal(masking.process(new DuplicateKeyException('dup')).status, 500);
    assert.equal(masking.process('thrown string').status, 500);
  });

  it('adds a trace only in developer mode, where unexpected errors are not masked (as in Magento)', () => {
    assert.equal(processor.process(new LocalizedException(__('Plain.'))).body.trace, undefined);
    const { processor: developer } = processorWith(true);
    const localized = developer.process(new LocalizedException(__('Plain.')));
    assert.match(String(localized.body.trace), /LocalizedException: Plain\./);
    assert.equal(developer.process(new WebapiException(__('Request does not match any route.'), 404)).body.trace, null);
    const crash = developer.process(new Error('boom'));
    assert.equal(crash.status, 500);
    assert.equal(crash.body.message, 'boom');
    assert.match(String(crash.body.trace), /^Error: boom\n/);
    assert.equal(crash.reportId, 'webapi-test1');
  });
});

describe('createUniqidReportIdGenerator', () => {
  it('produces Magento\'s uniqid("webapi-") form, unique within a microsecond', () => {
    const generate = createUniqidReportIdGenerator(() => 1_700_000_000_123_456n);
    const first = generate();
    assert.equal(first, `webapi-${(1_700_000_000).toString(16)}${(123_456).toString(16).padStart(5, '0')}`);
    assert.match(first, /^webapi-[0-9a-f]{13}$/);
    assert.notEqual(generate(), first);
  });
});
