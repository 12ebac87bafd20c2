// Wiring of network health (detection, incidents, SLA clocks, notifications) for the composition root.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventBus } from '../../infra/events/event-bus.js';
import type { Mailer } from '../identity/mailer.js';
import { HealthDetector } from './detector.js';
import { IncidentService } from './incident-service.js';
import { IncidentNotifier } from './notifier.js';
import type { ErrorExplainer, MaintenanceCalendar } from './ports.js';
import { HealthSettingsService } from './settings-service.js';
import { createHealthStore, type HealthStore } from './store.js';

/**
 * The module's time. Real time with an offset that tests (and nothing else) move forward, so a
 * two-minute window passes without waiting two minutes while stations stay real.
 */
export class HealthClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type HealthModuleOptions = {
  heartbeatIntervalSeconds: number;
  /** The one sweep over every station (default 5 s). */
  sweepMs?: number;
  mailer: Mailer;
  /** The dashboard's base URL, for links in mails. */
  dashboardUrl: () => string;
  explainer?: ErrorExplainer | undefined;
  maintenance?: MaintenanceCalendar | undefined;
};

export type HealthModule = {
  incidents: IncidentService;
  settings: HealthSettingsService;
  detector: HealthDetector;
  notifier: IncidentNotifier;
  store: HealthStore;
  clock: HealthClock;
  /** Loads the active alerts, subscribes to the bus and starts the sweep. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createHealthModule(db: Executor, commits: GroupCommitter, events: EventBus, options: HealthModuleOptions, log: Logger): HealthModule {
  const clock = new HealthClock();
  const store = createHealthStore();
  const settings = new HealthSettingsService(db, store, events, clock.now);
  const incidents = new IncidentService(db, commits, store, events, clock.now);
  const detector = new HealthDetector({
    db, store, incidents, settings, log, heartbeatIntervalSeconds: options.heartbeatIntervalSeconds,
    explainer: options.explainer, maintenance: options.maintenance, now: clock.now,
  });
  const notifier = new IncidentNotifier(options.mailer, settings, incidents, log, options.dashboardUrl);
  const unsubscribe: Array<() => void> = [];
  return {
    incidents, settings, detector, notifier, store, clock,
    async start() {
      await detector.load();
      unsubscribe.push(events.subscribe((event) => detector.observe(event)), events.subscribe((event) => notifier.observe(event)));
      detector.start(options.sweepMs ?? 5000);
    },
    async stop() {
      for (const off of unsubscribe.splice(0)) off();
      await detector.stop();
      await notifier.settled();
    },
  };
}
