import type { Command } from '../Command.ts';

export const ServeCommand: Command = {
  name: 'serve',
  description: 'Start the REST service (same as npm start); PORT, HOST, DATABASE_URL, MAGENTO_ENV_PHP apply',
  usage: '[--port=<port>] [--host=<host>]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  help: ['--port  Port to listen on (default: $PORT or 8080)', '--host  Address to bind (default: $HOST or 127.0.0.1)'],
  async run(_ctx, options) {
    if (typeof options.port === 'string') process.env.PORT = options.port;
    if (typeof options.host === 'string') process.env.HOST = options.host;
    const { main } = await import('../../serve.ts');
    await main();
    // Keeps running until SIGTERM/SIGINT, where serve.ts exits the process itself.
    await new Promise<never>(() => {});
    return 0;
  },
};
