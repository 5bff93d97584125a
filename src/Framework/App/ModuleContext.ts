import type { UserContext } from '../Authentication/UserContext.ts';
import type { ScopeConfigInterface } from '../Config/ScopeConfigInterface.ts';
import type { ConnectionInterface } from '../Db/ConnectionInterface.ts';
import type { Clock } from '../Stdlib/Clock.ts';
import type { Logger } from './Logger.ts';

/**
 * What a mounted module's JavaScript service class is constructed with (`new Service(context)`): the database
 * (placeholders always; `getTableName()` applies the table prefix), the clock the emulator moves, scope config
 * (core_config_data over config.xml defaults, the module's own included) and the caller of the current request.
 */
export interface ModuleContext {
  readonly connection: ConnectionInterface;
  readonly clock: Clock;
  readonly scopeConfig: ScopeConfigInterface;
  readonly logger: Logger;
  currentUser(): UserContext;
}
