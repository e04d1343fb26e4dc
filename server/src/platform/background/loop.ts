import type { Logger } from '../logger';

/** One back-off policy for every background loop: 0.5 s doubling per consecutive failure, at most 5 s. */
export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(5_000, 250 * 2 ** failures);
}

export interface LoopOptions {
  name: string;
  log: Logger;
  /**
   * One pass over the loop's work. Resolves true when more work may be
   * waiting right now (a full batch), so the loop runs again at once.
   */
  pass: () => Promise<boolean>;
  /** The slow poll, for work written by other instances or left behind by a crash. */
  pollMs: number;
  /** Wake-ups within this delay share one pass (writes arriving together are handled as one batch). */
  debounceMs?: number;
  /**
   * Background work gives way to requests: between two passes of a long
   * drain, the loop waits while requests are in flight, as long as it worked
   * (so at most half the time goes to the background while requests queue).
   */
  yieldTo?: { idle(timeoutMs: number): Promise<boolean> };
}

interface Waiter {
  generation: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * The one background loop: woken by local writes, polling slowly for the
 * rest, draining until no work is left, backing off after failures. Used by
 * the search sync, the matcher and the event outbox.
 *
 * `run()` resolves once a pass that *started after the call* has completed:
 * a pass already under way may have read its queue before the caller's
 * write, so joining it would leave the write waiting for the slow poll.
 */
export class BackgroundLoop {
  private requested = 0;
  private completed = 0;
  private running: Promise<void> | undefined;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;
  private failureCount = 0;

  constructor(private readonly options: LoopOptions) {}

  /** Consecutive failed passes (0 when the last pass succeeded). */
  get failures(): number {
    return this.failureCount;
  }

  get active(): boolean {
    return this.running !== undefined;
  }

  /** Asks for a pass soon (after the debounce); never throws. */
  wake(delayMs = this.options.debounceMs ?? 0): void {
    this.requested += 1;
    if (!this.started || this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run().catch(() => undefined);
    }, delayMs);
    this.timer.unref?.();
  }

  /** Runs passes until no work is left; resolves once a pass that started after this call found nothing more. */
  run(): Promise<void> {
    this.requested += 1;
    const done = new Promise<void>((resolve, reject) =>
      this.waiters.push({ generation: this.requested, resolve, reject }),
    );
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return done;
  }

  private async drain(): Promise<void> {
    while (this.completed < this.requested && !this.stopped) {
      const generation = this.requested;
      const began = Date.now();
      let more: boolean;
      try {
        more = await this.options.pass();
      } catch (err) {
        this.failureCount += 1;
        const delay = backoffMs(this.failureCount);
        this.options.log.warn(
          { err: (err as Error).message, failures: this.failureCount, retryInMs: delay },
          `${this.options.name} deferred; will retry`,
        );
        this.settle(generation, err);
        clearTimeout(this.timer);
        this.timer = undefined;
        this.wake(delay);
        return;
      }
      this.failureCount = 0;
      if (more) {
        // Not done: the callers wait for the end of the drain.
        this.requested += 1;
        await this.options.yieldTo?.idle(Date.now() - began);
        continue;
      }
      this.completed = generation;
      this.settle(generation);
    }
    // Stopped: whoever waits gets an answer.
    this.settle(Number.POSITIVE_INFINITY);
  }

  private settle(upTo: number, err?: unknown): void {
    const [due, rest] = [
      this.waiters.filter((w) => w.generation <= upTo),
      this.waiters.filter((w) => w.generation > upTo),
    ];
    // A failure answers every waiter: none of them can be satisfied before the retry.
    this.waiters = err ? [] : rest;
    for (const w of err ? [...due, ...rest] : due) {
      if (err) w.reject(err);
      else w.resolve();
    }
  }

  /** Starts the poll (and a first pass); `run()` works without it, for scripts and tests. */
  start(): void {
    if (this.started && !this.stopped) return;
    this.started = true;
    this.stopped = false;
    this.poll = setInterval(() => this.wake(), this.options.pollMs);
    this.poll.unref?.();
    this.wake(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.timer);
    this.poll = undefined;
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    this.settle(Number.POSITIVE_INFINITY);
  }
}
