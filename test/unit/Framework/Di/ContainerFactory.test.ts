import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inject, injectable } from 'inversify';
import { readConfigXml } from '../../../../src/Framework/Config/ConfigXmlReader.ts';
import { createContainer } from '../../../../src/Framework/Di/ContainerFactory.ts';
import { readDiXml } from '../../../../src/Framework/Di/DiXmlReader.ts';

function file(name: string, xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lac-di-'));
  const path = join(dir, name);
  writeFileSync(path, xml);
  return path;
}

const GREETER = 'Vendor\\Greeting\\Api\\GreeterInterface';
@injectable()
class Clock {
  readonly n = Math.random();
}
@injectable()
class Greeter {
  constructor(@inject(Symbol.for('Vendor\\Clock')) readonly clock: Clock) {}
}

describe('di.xml → container', () => {
  it('binds each preference to its class, as a singleton, under Symbol.for(<interface>)', () => {
    const prefs = readDiXml([
      file('di.xml', `<config><preference for="\\${GREETER}" type="Vendor\\Greeting\\Model\\Greeter"/></config>`),
    ]);
    assert.deepEqual(prefs.map((p) => [p.for, p.type]), [[GREETER, 'Vendor\\Greeting\\Model\\Greeter']]);
    const c = createContainer(prefs, new Map<string, new (...a: never[]) => object>([
      ['Vendor\\Greeting\\Model\\Greeter', Greeter],
      ['Vendor\\Clock', Clock],
    ]));
    const g = c.get<Greeter>(Symbol.for(GREETER));
    assert.ok(g instanceof Greeter);
    assert.equal(g, c.get(Symbol.for(GREETER)));
    assert.equal(g.clock, c.get(Clock));
  });

  it('a later preference for the same interface wins, as Magento merges di.xml', () => {
    const a = file('a.xml', `<config><preference for="X" type="A"/></config>`);
    const b = file('b.xml', `<config><preference for="X" type="B"/></config>`);
    assert.equal(readDiXml([a, b])[0]?.type, 'B');
  });

  it('stops boot naming the file and the unknown class', () => {
    const f = file('di.xml', `<config><preference for="${GREETER}" type="Vendor\\Missing"/></config>`);
    assert.throws(() => createContainer(readDiXml([f]), new Map()), (e: Error) =>
      e.message === `${f}: <preference for="${GREETER}" type="Vendor\\Missing">: unknown class "Vendor\\Missing"`);
  });

  it('refuses malformed XML and incomplete preferences with file and reason', () => {
    const bad = file('di.xml', '<config><preference for="X"></config>');
    assert.throws(() => readDiXml([bad]), (e: Error) => e.message.startsWith(`${bad}: malformed XML at line 1`));
    const half = file('di.xml', '<config><preference for="X"/></config>');
    assert.throws(() => readDiXml([half]), /needs both "for" and "type"/);
  });
});

describe('config.xml reader', () => {
  it('flattens <default> into section/group/field paths', () => {
    const f = file('config.xml', '<config><default><a><b><c>1</c><d/></b></a></default></config>');
    assert.deepEqual([...readConfigXml([f])], [['a/b/c', '1'], ['a/b/d', '']]);
  });

  it('names the file and the element that is wrong', () => {
    assert.throws(() => readConfigXml([file('config.xml', '<config><default><a><b>1</b></a></default></config>')]), /<a\/b> must be section\/group\/field/);
    assert.throws(() => readConfigXml([file('config.xml', '<config><default><a>')]), /malformed XML/);
    assert.throws(() => readConfigXml([file('config.xml', '<other/>')]), /<config> root element missing/);
  });
});
