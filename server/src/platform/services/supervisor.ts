import { EventEmitter } from 'node:events';
import type { ServiceLog } from './child';

/** `up`: running; `restarting`: it died and is being started again; `failed`: it could not be restored. */
export type ServiceState = 'up' | 'restarting' | 'failed';

/** The services the app depends on, as the health checks and the request gate name them. */
export type ServiceName = 'db' | 'search';

/** What a supervisor needs of a running child (a ManagedChild, or a wrapper around another process handle). */
export interface SupervisedChild {
  pid: number;
  /** Settles when the process exits, however it goes. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Intentional stop. */
  stop(): Promise<void>;
}

export interface RestartPolicy {
  /** Wait before the first restart attempt; doubled after each attempt that did not last. */
  initialDelayMs: number;
  /** Upper bound of the wait between attempts. */
  maxDelayMs: number;
  /** A child that stayed up this long counts as restored: its next death starts over at initialDelayMs. */
  stableAfterMs: number;
  /** Consecutive restarts without a stable run (failed starts, or children dying soon after) before giving up. */
  maxAttempts: number;
}

/**
 * 0.5 s doubling to 10 s: the first attempt comes quickly (a FerretDB or
 * Meilisearch restart measured ~0.1–0.5 s here, so the API is back within a
 * second of a crash), later ones do not spin on a child that cannot start.
 * Eight attempts span ~45 s of waiting (0.5+1+2+4+8+10+10+10) before the
 * service is reported `failed`, which turns liveness red so that whatever runs
 * the app can restart it as a whole.
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  stableAfterMs: 30_000,
  maxAttempts: 8,
};

/** The back-off before attempt `n` (1-based). */
export function restartDelay(policy: RestartPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

const firstLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0];

/**
 * Keeps one child running: the start function is called again (same port, same
 * data, same arguments: they are the start function's) whenever the child
 * exits without being asked to, with back-off, until it stays up or the policy
 * gives up. A stop, or `hold()`, ends all restarting for good.
 */
export class Supervisor<C extends SupervisedChild = SupervisedChild> extends EventEmitter<{
  change: [state: ServiceState];
}> {
  private current: C | undefined;
  private _state: ServiceState = 'up';
  /** Restarts since the child last stayed up for stableAfterMs. */
  private attempts = 0;
  private held = false;
  /** Whether `current` is still running. */
  private running = false;
  private restarting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private downSince = 0;

  constructor(
    /** For log lines, e.g. "FerretDB". */
    readonly label: string,
    private readonly startChild: () => Promise<C>,
    private readonly log: ServiceLog,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    super();
  }

  get state(): ServiceState {
    return this._state;
  }

  /** The running child's PID, if one runs. */
  get pid(): number | undefined {
    return this.running ? this.current?.pid : undefined;
  }

  get child(): C | undefined {
    return this.current;
  }

  /** The first start: a failure is thrown to the caller (the app does not start), nothing is retried. */
  async start(): Promise<C> {
    const child = await this.startChild();
    if (this.held) {
      await child.stop();
      throw new Error(`${this.label} was stopped while starting`);
    }
    this.adopt(child);
    return child;
  }

  /** No restart from now on (the app is stopping); a restart already waiting is cancelled. */
  hold(): void {
    this.held = true;
    this.wake?.();
  }

  /** Intentional stop: the child is stopped and never restarted. */
  async stop(): Promise<void> {
    this.hold();
    // A start in progress finishes first, so that the child it brings up is stopped too.
    await this.restarting;
    await this.current?.stop();
  }

  private setState(state: ServiceState): void {
    if (state === this._state) return;
    this._state = state;
    this.emit('change', state);
  }

  private adopt(child: C): void {
    this.current = child;
    this.running = true;
    const upAt = Date.now();
    void child.exited.then(({ code, signal }) => {
      if (this.current !== child) return;
      this.running = false;
      if (this.held) return;
      if (Date.now() - upAt >= this.policy.stableAfterMs) this.attempts = 0;
      this.downSince = Date.now();
      this.log.warn(
        `${this.label} (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting it`,
      );
      this.setState('restarting');
      this.restarting = this.restart().finally(() => {
        this.restarting = undefined;
      });
    });
  }

  private async restart(): Promise<void> {
    for (;;) {
      if (this.held) return;
      if (this.attempts >= this.policy.maxAttempts) {
        this.log.error(
          `${this.label} could not be restored after ${this.attempts} attempts; giving up (the app needs a restart)`,
        );
        this.setState('failed');
        return;
      }
      this.attempts += 1;
      const delay = restartDelay(this.policy, this.attempts);
      this.log.info(`${this.label}: restart attempt ${this.attempts}/${this.policy.maxAttempts} in ${delay} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
      if (this.held) return;
      let child: C;
      try {
        child = await this.startChild();
      } catch (err) {
        this.log.warn(`${this.label}: restart attempt ${this.attempts} failed: ${firstLine(err)}`);
        continue;
      }
      if (this.held) {
        await child.stop();
        return;
      }
      this.adopt(child);
      this.setState('up');
      this.log.info(
        `${this.label} is up again (pid ${child.pid}, down ${((Date.now() - this.downSince) / 1000).toFixed(1)} s)`,
      );
      return;
    }
  }
}

/** The state of each service as the app sees it, with a notification on every change. */
export interface ServiceHealth {
  state(name: ServiceName): ServiceState;
  on(event: 'change', listener: (name: ServiceName, state: ServiceState) => void): unknown;
  off(event: 'change', listener: (name: ServiceName, state: ServiceState) => void): unknown;
}

/**
 * The health view over a set of supervisors. A service without one (external:
 * MONGODB_URI, MEILI_URL) is always `up` as far as supervision knows; its
 * reachability is the readiness check's business.
 */
export class SupervisedHealth
  extends EventEmitter<{ change: [name: ServiceName, state: ServiceState] }>
  implements ServiceHealth
{
  private readonly supervisors = new Map<ServiceName, Supervisor>();

  watch(name: ServiceName, supervisor: Supervisor): void {
    this.supervisors.set(name, supervisor);
    supervisor.on('change', (state) => this.emit('change', name, state));
  }

  state(name: ServiceName): ServiceState {
    return this.supervisors.get(name)?.state ?? 'up';
  }
}
