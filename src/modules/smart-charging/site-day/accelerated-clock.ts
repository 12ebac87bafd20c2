// Simulated time that runs `factor` times faster than the wall clock, for the simulated site day:
// 24 hours in minutes, with real WebSocket connections and a real ChargeOps in between. Stations
// (the simulator's Clock) and the load balancer (`now`) read the same time; timers fire after
// their simulated delay divided by the factor.
import { SystemClock, type TimerHandle } from '../../../simulator/clock.js';

/** The system clock's timers (unref'd, cancellable), with time and delays scaled by `factor`. */
export class AcceleratedClock extends SystemClock {
  private readonly wallStart = performance.now();

  constructor(private readonly simStartMs: number, readonly factor: number) { super(); }

  // A bound function, not a method: the site day hands `clock.now` to the server detached.
  override now = (): Date => new Date(this.nowMs());

  nowMs(): number {
    return this.simStartMs + (performance.now() - this.wallStart) * this.factor;
  }

  override setTimeout(task: () => unknown, ms: number): TimerHandle {
    return super.setTimeout(task, Math.max(0, ms / this.factor));
  }

  /** Resolves when the simulated clock reaches `atMs`. */
  until(atMs: number): Promise<void> {
    return new Promise((resolve) => { this.setTimeout(resolve, Math.max(0, atMs - this.nowMs())); });
  }
}
