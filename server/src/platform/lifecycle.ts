/**
 * An instance's state for graceful shutdown: whether it is draining, and the
 * work it has accepted and not finished (HTTP requests, socket event
 * handlers). Readiness turns 503 as soon as draining starts, so a load
 * balancer stops sending new traffic while accepted work completes.
 */
export class Lifecycle {
  draining = false;
  private active = 0;
  private waiters = new Set<() => void>();

  /** Counts one unit of accepted work until `done` is called (idempotent). */
  begin(): () => void {
    this.active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active -= 1;
      if (this.active === 0) for (const w of this.waiters) w();
    };
  }

  async track<T>(work: Promise<T>): Promise<T> {
    const done = this.begin();
    try {
      return await work;
    } finally {
      done();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /** Resolves when no accepted work is left, or after `timeoutMs`; true when it drained. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (drained: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(drained);
      };
      const waiter = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
