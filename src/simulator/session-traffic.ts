// Drivers arriving at a simulated station: a Poisson process of arrivals (a rate per hour), each
// plugging an EV into a free connector, swiping one of the RFID tags, charging for a while, swiping
// again to stop and unplugging a minute later. Runs on the station's clock.
import type { Clock, TimerHandle } from './clock.js';
import type { SimulatedStation } from './simulated-station.js';

export type TrafficOptions = {
  /** Mean arrivals per hour at this station. */
  arrivalsPerHour: number;
  /** Session length in minutes, drawn evenly from [min, max]. */
  sessionMinutes: [number, number];
  /** RFID tags the drivers swipe (they must be known to the CSMS to be accepted). */
  tags: readonly string[];
  random: () => number;
  /** Told what happened, for logs. */
  onEvent?: (text: string) => void;
};

export class SessionTraffic {
  private readonly timers = new Set<TimerHandle>();
  private stopped = false;

  constructor(private readonly station: SimulatedStation, private readonly options: TrafficOptions) {}

  private get clock(): Clock {
    return this.station.clock;
  }

  start(): void {
    this.stopped = false;
    this.scheduleArrival();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private later(ms: number, task: () => Promise<void>): void {
    const timer = this.clock.setTimeout(async () => {
      this.timers.delete(timer);
      if (this.stopped) return;
      await task().catch((error: unknown) => this.options.onEvent?.(`driver failed: ${(error as Error).message}`));
    }, ms);
    this.timers.add(timer);
  }

  /** Exponential gaps between arrivals: a Poisson process. */
  private scheduleArrival(): void {
    const meanMs = 3_600_000 / this.options.arrivalsPerHour;
    const gap = -Math.log(1 - this.options.random()) * meanMs;
    this.later(gap, async () => {
      this.scheduleArrival();
      await this.arrive();
    });
  }

  private async arrive(): Promise<void> {
    const { tags, random, sessionMinutes: [min, max] } = this.options;
    // A driver's card is in one car at a time: pick among the tags not charging here already.
    const busy = new Set(this.station.sessions.transactions.filter((tx) => !tx.endedAt).map((tx) => tx.idToken));
    const idle = tags.filter((t) => !busy.has(t));
    if (idle.length === 0) return;
    const tag = idle[Math.floor(random() * idle.length)]!;
    const connectorId = this.station.sessions.freeConnector(tag);
    const say = (text: string) => this.options.onEvent?.(text);
    if (connectorId === undefined || this.station.sessions.evOn(connectorId)) {
      say(`driver with ${tag} finds no free connector and leaves`);
      return;
    }
    await this.station.sessions.plugIn(connectorId);
    const result = await this.station.sessions.swipe(connectorId, tag);
    say(`driver swipes ${tag} at connector ${connectorId}: ${result}`);
    if (result !== 'started') {
      this.later(60_000, () => this.station.sessions.unplug(connectorId));
      return;
    }
    const minutes = min + random() * (max - min);
    this.later(minutes * 60_000, async () => {
      const tx = this.station.sessions.transactionOn(connectorId);
      if (tx?.idToken === tag) {
        await this.station.sessions.swipe(connectorId, tag);
        say(`driver with ${tag} stops at connector ${connectorId}`);
      }
      this.later(60_000, () => this.station.sessions.unplug(connectorId));
    });
  }
}
