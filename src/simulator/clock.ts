// Simulated time. Sessions read the time and schedule their meter ticks through a Clock, so a test
// can run a two-hour session in milliseconds with a ManualClock and the live CLI uses the system's.

export type TimerHandle = { readonly id: number };

export interface Clock {
  now(): Date;
  /** Runs `task` once after `ms` of this clock's time. */
  setTimeout(task: () => unknown, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** Wall-clock time and Node timers (unref'd: simulated sessions alone keep no process alive). */
export class SystemClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): Date {
    return new Date();
  }

  setTimeout(task: () => unknown, ms: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      void task();
    }, ms);
    timer.unref();
    this.timers.set(id, timer);
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    clearTimeout(this.timers.get(handle.id));
    this.timers.delete(handle.id);
  }
}

type Scheduled = { id: number; at: number; order: number; task: () => unknown };

/**
 * Time that moves only when told. `advance` runs every timer that falls due, in time order (ties
 * in scheduling order), with the clock set to each timer's time, and awaits what the task returns,
 * so a tick's follow-up work is done before the next tick.
 */
export class ManualClock implements Clock {
  private current: number;
  private readonly scheduled = new Map<number, Scheduled>();
  private nextId = 1;

  constructor(start: Date | number) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(task: () => unknown, ms: number): TimerHandle {
    const id = this.nextId++;
    this.scheduled.set(id, { id, at: this.current + Math.max(0, ms), order: id, task });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.scheduled.delete(handle.id);
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.scheduled.size;
  }

  /** Moves time forward by `ms`, running what falls due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.scheduled.delete(next.id);
      this.current = Math.max(this.current, next.at);
      await next.task();
    }
    this.current = until;
  }

  private nextDue(until: number): Scheduled | undefined {
    let best: Scheduled | undefined;
    for (const item of this.scheduled.values()) {
      if (item.at > until) continue;
      if (!best || item.at < best.at || (item.at === best.at && item.order < best.order)) best = item;
    }
    return best;
  }
}
