import type { Express } from 'express';
import { createApp, type AppOptions } from '../../src/app.ts';
import { createApplication, type Application } from '../../src/bootstrap.ts';
import { MemoryLogger, type Logger } from '../../src/Framework/App/Logger.ts';
import type { ConfigWriterInterface } from '../../src/Framework/Config/ScopeConfigInterface.ts';
import type { MagentoMode } from '../../src/Framework/Config/DeploymentConfig.ts';
import type { ConnectionInterface } from '../../src/Framework/Db/ConnectionInterface.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import type { Clock } from '../../src/Framework/Stdlib/Clock.ts';
import type { Random } from '../../src/Framework/Stdlib/Random.ts';
import { listen } from '../../src/server.ts';

/** The vectors' plain 32-character key (shared/vectors/magento-crypto.json `crypt_keys.legacy`). */
export const TEST_CRYPT_KEY = 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8';

export interface TestApplicationOptions {
  clock?: Clock;
  random?: Random;
  cryptKey?: string;
  /** core_config_data values to save (default scope) before the app serves. */
  config?: Readonly<Record<string, string>>;
  logger?: Logger;
  mode?: MagentoMode;
  appOptions?: AppOptions;
}

export interface TestResponse {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  headers: Headers;
}

export interface TestRequestInit {
  token?: string;
  /** JSON-encoded, with `Content-Type: application/json` unless headers say otherwise. */
  body?: unknown;
  /** Sent as is (for malformed-input tests). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestApplication {
  readonly application: Application;
  readonly app: Express;
  readonly baseUrl: string;
  readonly logger: Logger;
  request(method: string, path: string, init?: TestRequestInit): Promise<TestResponse>;
  close(): Promise<void>;
}

/**
 * The real application (real container, real database, real HTTP on port 0) on a connection the test
 * harness opened (test/support/databases.ts installed the schema).
 */
export async function createTestApplication(
  connection: ConnectionInterface,
  options: TestApplicationOptions = {},
): Promise<TestApplication> {
  const logger = options.logger ?? new MemoryLogger();
  const application = await createApplication({
    deployment: {
      database: { kind: 'sqlite', path: ':memory:' },
      cryptKey: options.cryptKey ?? TEST_CRYPT_KEY,
      tablePrefix: connection.getTableName(''),
      mode: options.mode ?? 'default',
      host: '127.0.0.1',
      port: 0,
      varDir: '/tmp',
      source: 'embedded',
    },
    connection,
    logger,
    install: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  if (options.config) {
    const writer = application.container.get<ConfigWriterInterface>(TYPES.ConfigWriter);
    for (const [path, value] of Object.entries(options.config)) await writer.save(path, value);
  }
  const app = createApp(application, options.appOptions);
  const server = await listen(app, '127.0.0.1', 0);
  return {
    application,
    app,
    baseUrl: server.url,
    logger,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const lower = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
      if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
      let body: string | Blob | undefined;
      if (init.rawBody !== undefined) body = typeof init.rawBody === 'string' ? init.rawBody : new Blob([new Uint8Array(init.rawBody)]);
      else if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        if (!lower.has('content-type')) headers['Content-Type'] = 'application/json';
      }
      const response = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await server.close();
      await application.close();
    },
  };
}
