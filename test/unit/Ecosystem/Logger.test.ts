/** The structured logger: JSON lines, level from LOG_LEVEL unless given. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { afterEach, describe, it } from 'node:test';
import { createLogger } from '../../../src/Framework/App/Logger.ts';

class Lines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    for (const line of String(chunk).split('\n')) if (line !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

describe('createLogger', () => {
  const saved = process.env.LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = saved;
  });

  it('writes one JSON object per line with level, time and message', () => {
    delete process.env.LOG_LEVEL;
    const out = new Lines();
    createLogger({ destination: out }).info({ route: '/V1/customers/me', status: 200 }, 'rest request');
    assert.equal(out.lines.length, 1);
    assert.equal(out.lines[0]?.level, 30);
    assert.equal(out.lines[0]?.msg, 'rest request');
    assert.equal(out.lines[0]?.route, '/V1/customers/me');
    assert.equal(typeof out.lines[0]?.time, 'number');
  });

  it('takes its level from LOG_LEVEL (default info)', () => {
    process.env.LOG_LEVEL = 'warn';
    const out = new Lines();
    const logger = createLogger({ destination: out });
    logger.info({}, 'hidden');
    logger.warn({}, 'shown');
    assert.deepEqual(out.lines.map((line) => line.msg), ['shown']);

    delete process.env.LOG_LEVEL;
    const defaults = new Lines();
    const standard = createLogger({ destination: defaults });
    standard.debug({}, 'hidden');
    standard.info({}, 'shown');
    assert.deepEqual(defaults.lines.map((line) => line.msg), ['shown']);
  });

  it('prefers an explicit level over LOG_LEVEL', () => {
    process.env.LOG_LEVEL = 'error';
    const out = new Lines();
    createLogger({ level: 'debug', destination: out }).debug({}, 'shown');
    assert.deepEqual(out.lines.map((line) => line.msg), ['shown']);
  });
});
