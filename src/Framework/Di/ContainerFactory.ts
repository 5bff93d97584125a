import 'reflect-metadata';
import { Container, type Newable } from 'inversify';
import type { DiPreference } from './DiXmlReader.ts';

/**
 * Builds the Inversify container from di.xml preferences and the class map (Magento class name →
 * TypeScript class). Every class is a singleton bound under `Symbol.for(<its name>)` and under its
 * constructor; each preference binds `Symbol.for(<interface>)` to its class. An unknown class name in
 * di.xml stops boot with the file and the reason.
 */
export function createContainer(
  preferences: readonly DiPreference[],
  classes: ReadonlyMap<string, Newable>,
  constants: ReadonlyMap<symbol, unknown> = new Map(),
): Container {
  const container = new Container({ defaultScope: 'Singleton', autobind: true });
  for (const [token, value] of constants) container.bind(token).toConstantValue(value);
  for (const [name, cls] of classes) {
    if (!container.isBound(cls)) container.bind(cls).toSelf();
    const token = Symbol.for(name);
    if (!constants.has(token)) container.bind(token).toService(cls);
  }
  for (const p of preferences) {
    const cls = classes.get(p.type);
    if (!cls) {
      throw new Error(`${p.file}: <preference for="${p.for}" type="${p.type}">: unknown class "${p.type}"`);
    }
    const token = Symbol.for(p.for);
    if (constants.has(token)) continue;
    container.bind(token).toService(cls);
  }
  return container;
}
