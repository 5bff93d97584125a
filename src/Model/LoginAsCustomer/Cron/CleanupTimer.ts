import type { Logger } from '../../../Framework/App/Logger.ts';
import type { CleanHistory } from './CleanHistory.ts';

/**
 * Runs the history cleanup inside the server every `login_as_customer/history/cleanup_interval` seconds
 * (read again after each run, so a change applies from the next one; 0 pauses it — looked at again
 * after the default interval). The timer is unref'd, so it never keeps a process alive, and no cleanup
 * runs at start-up. Several instances may run it at the same moment: each step of the cleanup is atomic
 * and idempotent. A failed run is logged and the next one comes as scheduled.
 */
export class CleanupTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    private readonly cleaner: Pick<CleanHistory, 'execute' | 'intervalSeconds'>,
    private readonly logger: Logger,
    private readonly fallbackSeconds: number,
  ) {}

  static start(cleaner: Pick<CleanHistory, 'execute' | 'intervalSeconds'>, logger: Logger, firstDelaySeconds: number): CleanupTimer {
    const timer = new CleanupTimer(cleaner, logger, firstDelaySeconds);
    timer.schedule(firstDelaySeconds);
    return timer;
  }

  /** Cancels the next run and waits for one in progress, so the database can be closed after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(seconds: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, Math.max(1, seconds) * 1000);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let next = this.fallbackSeconds;
    try {
      const interval = await this.cleaner.intervalSeconds();
      if (interval > 0) {
        const report = await this.cleaner.execute();
        this.logger.info({ ...report }, 'login as customer history cleanup');
        next = interval;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'login as customer history cleanup failed');
    }
    this.schedule(next);
  }
}
