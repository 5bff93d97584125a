import { main } from './serve.ts';

/** `npm start`: the service on the configured database (embedded SQLite by default). */
await main();
