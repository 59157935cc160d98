// Politeness towards the sites a tree cites: at most one request per host at a time, a pause
// between two requests to one host, and at most `concurrency` requests in all.

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export class PoliteQueue {
  /** Per host, the end of the last task queued for it: the next one starts after it. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Per host, when its last request ended. */
  private readonly lastEnd = new Map<string, number>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
    private readonly clock: Clock,
  ) {}

  /** Runs `task` when `host` is free and has rested, and a slot is free. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const turn = (this.tails.get(host) ?? Promise.resolve()).then(async () => {
      const rest = (this.lastEnd.get(host) ?? -Infinity) + this.delayMs - this.clock.now();
      // The pause is taken before a slot is, so that other hosts go on meanwhile.
      if (rest > 0) await this.clock.sleep(rest);
      await this.slot();
      try {
        return await task();
      } finally {
        this.lastEnd.set(host, this.clock.now());
        this.release();
      }
    });
    this.tails.set(host, turn.catch(() => {}));
    return turn;
  }

  private slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the next task waiting, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
