/**
 * A FIFO async lock. The embedded SQLite connection is one synchronous handle shared by every
 * request, so a transaction spanning `await`s must keep other callers out until it ends.
 */
export class AsyncMutex {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  isLocked(): boolean {
    return this.locked;
  }

  /** Resolves with a release function once the lock is held; release exactly once. */
  acquire(): Promise<() => void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      this.waiters.push(() => resolve(this.releaser()));
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // Hand the lock straight to the next waiter so nobody can slip in between.
      if (next) next();
      else this.locked = false;
    };
  }
}
