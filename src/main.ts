import { main } from './serve.ts';

/**
 * `npm start`: the service on the configured database (embedded SQLite by default). A configuration
 * problem (bad etc/*.xml, unreadable env.php, unreachable database) prints one clear line and exits 1.
 */
try {
  await main();
} catch (e) {
  process.stderr.write(`Cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
