// Simulated time that runs `factor` times faster than the wall clock, for the simulated site day:
// 24 hours in minutes, with real WebSocket connections and a real ChargeOps in between. Stations
// (the simulator's Clock) and the load balancer (`now`) read the same time; timers fire after
// their simulated delay divided by the factor.
import type { Clock, TimerHandle } from '../../../simulator/clock.js';

export class AcceleratedClock implements Clock {
  private readonly wallStart = performance.now();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  constructor(private readonly simStartMs: number, readonly factor: number) {}

  now = (): Date => new Date(this.nowMs());

  nowMs(): number {
    return this.simStartMs + (performance.now() - this.wallStart) * this.factor;
  }

  setTimeout(task: () => unknown, ms: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(() => { this.timers.delete(id); void task(); }, Math.max(0, ms / this.factor));
    timer.unref();
    this.timers.set(id, timer);
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    clearTimeout(this.timers.get(handle.id));
    this.timers.delete(handle.id);
  }

  /** Resolves when the simulated clock reaches `atMs`. */
  until(atMs: number): Promise<void> {
    return new Promise((resolve) => { this.setTimeout(resolve, Math.max(0, atMs - this.nowMs())); });
  }
}
