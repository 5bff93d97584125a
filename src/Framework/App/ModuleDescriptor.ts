import type { Newable } from 'inversify';
import type { ConnectionInterface } from '../Db/ConnectionInterface.ts';
import type { DataInterfaceDeclaration, ServiceContract } from '../Webapi/ServiceContract.ts';

/** An idempotent data patch run by the installer after the schema (Magento's DataPatchInterface). */
export interface ModuleDataPatch {
  readonly name: string;
  apply(connection: ConnectionInterface): Promise<void>;
}

/**
 * What one module contributes to the composition root: its classes under Magento-style names (the
 * names etc/di.xml preferences and webapi.xml services refer to), its service contracts and data
 * interfaces, its data patches and its event observers.
 */
export interface ModuleDescriptor {
  readonly name: string;
  readonly classes: ReadonlyArray<readonly [string, Newable]>;
  readonly contracts?: readonly ServiceContract[];
  readonly dataTypes?: readonly DataInterfaceDeclaration[];
  readonly dataPatches?: readonly ModuleDataPatch[];
  /** [event name, class name of an ObserverInterface listed in `classes`]. */
  readonly observers?: ReadonlyArray<readonly [string, string]>;
  /** Class names (listed in `classes`) that add extension attributes to customers. */
  readonly customerExtensions?: readonly string[];
}
