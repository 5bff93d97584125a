import { createApp } from '../../../src/app.ts';
import { createApplication, type Application } from '../../../src/bootstrap.ts';
import { MemoryLogger } from '../../../src/Framework/App/Logger.ts';
import type { ConnectionInterface } from '../../../src/Framework/Db/ConnectionInterface.ts';
import type { Clock } from '../../../src/Framework/Stdlib/Clock.ts';
import { listen } from '../../../src/server.ts';

/** Stand-in for test/support/app.ts until it lands (same shape as the lead's createTestApplication). */
export async function createTestApplication(
  connection: ConnectionInterface,
  options: { clock?: Clock; cryptKey?: string } = {},
): Promise<{
  application: Application;
  baseUrl: string;
  request(method: string, path: string, init?: { token?: string; body?: unknown }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}> {
  const application = await createApplication({
    deployment: {
      database: { kind: 'sqlite', path: ':memory:' },
      cryptKey: options.cryptKey ?? 'base64' + Buffer.alloc(32, 1).toString('base64'),
      tablePrefix: '',
      mode: 'default',
      host: '127.0.0.1',
      port: 0,
      varDir: '/tmp',
      source: 'embedded',
    },
    connection,
    ...(options.clock ? { clock: options.clock } : {}),
    logger: new MemoryLogger(),
  });
  const server = await listen(createApp(application), '127.0.0.1', 0);
  return {
    application,
    baseUrl: server.url,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = {};
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(server.url + path, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
      return { status: response.status, body };
    },
    async close() {
      await server.close();
      await application.close();
    },
  };
}
