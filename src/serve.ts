import { createApp } from './app.ts';
import { createApplication } from './bootstrap.ts';
import { createEmulatorRouter } from './Controller/Emulator/createEmulatorRouter.ts';
import { EmulatorControls } from './Emulator/EmulatorControls.ts';
import { emulatorControlsEnabled } from './Emulator/emulatorControlsEnabled.ts';
import { RequestJournal } from './Emulator/RequestJournal.ts';
import { createLogger, flushLogger } from './Framework/App/Logger.ts';
import { AdjustableClock } from './Framework/Stdlib/Clock.ts';
import { isSwaggerEnabled } from './Controller/Swagger/isSwaggerEnabled.ts';
import { describeDatabase, loadDeploymentConfig } from './Framework/Config/DeploymentConfig.ts';
import { DemoEnvironment } from './Model/Identity/DemoEnvironment.ts';
import { DEMO_CREDENTIALS } from './Model/Identity/DemoSeeder.ts';
import { listen } from './server.ts';
import { CleanHistory, DEFAULT_CLEANUP_INTERVAL_SECONDS } from './Model/LoginAsCustomer/Cron/CleanHistory.ts';
import { CleanupTimer } from './Model/LoginAsCustomer/Cron/CleanupTimer.ts';

/** Starts the service: reads the environment, installs missing tables, listens, drains on SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const deployment = loadDeploymentConfig();
  const controlsOn = emulatorControlsEnabled(deployment);
  const clock = new AdjustableClock();
  const logger = createLogger();
  const journal = controlsOn ? new RequestJournal(logger, clock) : undefined;
  const application = await createApplication({ deployment, logger: journal ?? logger, ...(journal ? { clock } : {}) });
  let seededNow = false;
  if (deployment.source === 'embedded') {
    seededNow = (await application.container.get(DemoEnvironment).prepare()) !== null;
  }
  const controls = journal ? await EmulatorControls.create(application, clock, journal) : undefined;
  const app = createApp(application, controls ? { extend: (express) => express.use(createEmulatorRouter(controls)) } : {});
  const server = await listen(app, deployment.host, deployment.port);
  const bootMs = Number(process.hrtime.bigint() - started) / 1e6;
  application.logger.info(
    { url: server.url, database: describeDatabase(deployment.database), mode: deployment.mode, bootMs: Math.round(bootMs) },
    'Magento REST service listening',
  );
  if (deployment.source === 'embedded') process.stdout.write(banner(server.url, seededNow, isSwaggerEnabled(deployment)));
  if (controls) {
    process.stdout.write(
      `Test controls (not in production mode; MAGENTO_EMULATOR_CONTROLS=0 turns them off): POST ${server.url}/__emulator/reset, ` +
        `/__emulator/fixtures, /__emulator/clock; GET|DELETE ${server.url}/__emulator/requests\n`,
    );
  }

  let cleanup: CleanupTimer | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    application.logger.info({ signal }, 'draining in-flight requests');
    server
      .close()
      .then(() => cleanup?.stop())
      .then(() => application.close())
      .then(() => flushLogger(logger))
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        application.logger.error({ err: e }, 'shutdown failed');
        void flushLogger(logger).finally(() => process.exit(1));
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // The history cleanup runs in every instance (safe concurrently); its first run waits a whole interval.
  const cleaner = application.container.get(CleanHistory);
  const firstInterval = await cleaner.intervalSeconds().catch(() => DEFAULT_CLEANUP_INTERVAL_SECONDS);
  if (!stopping) cleanup = CleanupTimer.start(cleaner, application.logger, firstInterval > 0 ? firstInterval : DEFAULT_CLEANUP_INTERVAL_SECONDS);
}

function banner(url: string, seededNow: boolean, swagger: boolean): string {
  const { admin, customer } = DEMO_CREDENTIALS;
  const base = `${url}/rest/default/V1`;
  return `
Magento REST service on ${url} (embedded database under var/)
Demo admin:    ${admin.username} / ${admin.password}${seededNow ? '   (seeded now)' : ''}
Demo customer: ${customer.email} / ${customer.password}   (customer id 1, allows remote shopping assistance)

Try Login as Customer:
  ADMIN=$(curl -s -X POST ${base}/integration/admin/token -H 'Content-Type: application/json' \\
    -d '{"username":"${admin.username}","password":"${admin.password}"}' | tr -d '"')
  SECRET=$(curl -s -X POST ${base}/login-as-customer/secret -H "Authorization: Bearer $ADMIN" \\
    -H 'Content-Type: application/json' -d '{"customerId":1}' | sed 's/.*"secret":"\\([^"]*\\)".*/\\1/')
  TOKEN=$(curl -s -X POST ${base}/login-as-customer/token -H "Authorization: Bearer $ADMIN" \\
    -H 'Content-Type: application/json' -d "{\\"secret\\":\\"$SECRET\\"}" | tr -d '"')
  curl -s ${base}/customers/me -H "Authorization: Bearer $TOKEN"

API description: ${url}/rest/default/schema (the routes the Bearer token sent with it may call)
${swagger ? `Swagger UI:      ${url}/swagger` : 'Swagger UI:      off outside developer mode, as in Magento; start with MAGENTO_SWAGGER_ENABLED=1 to serve /swagger'}
`;
}


