// Composition of self-healing playbooks for main.ts.
import type { Logger } from 'pino';
import type { ApiApp } from '../../api/http-server.js';
import type { Executor } from '../../infra/db/database.js';
import type { EventBus } from '../../infra/events/event-bus.js';
import { registerPlaybookRoutes } from './http.js';
import type { IncidentPort, RemoteControl, SystemAudit, WorkOrderOpener } from './ports.js';
import { PlaybookRunner } from './runner.js';
import { PlaybookService } from './service.js';
import { createPlaybookStore, createRunningSessions } from './store.js';

export type PlaybooksDeps = {
  db: Executor;
  events: EventBus;
  remote: RemoteControl;
  audit: SystemAudit;
  /** DETECT's IncidentService; without it no playbook runs (the API still serves playbooks). */
  incidents: IncidentPort | null;
  /** OPS's WorkOrderService; without it a work-order step fails and the run ends gave-up. */
  workOrders: WorkOrderOpener | null;
  log: Logger;
};

export function createPlaybooks(deps: PlaybooksDeps) {
  const store = createPlaybookStore();
  const service = new PlaybookService(deps.db, store);
  const runner = deps.incidents === null ? null : new PlaybookRunner({
    db: deps.db, store, playbooks: service, incidents: deps.incidents, workOrders: deps.workOrders, remote: deps.remote,
    sessions: createRunningSessions(deps.db), audit: deps.audit, events: deps.events, log: deps.log,
  });
  const unsubscribe = runner === null ? () => {} : deps.events.subscribe((event) => runner.observe(event));
  return {
    service,
    runner,
    /** Marks the runs a previous process left running as interrupted. */
    async start() {
      const interrupted = await store.interruptRunning(deps.db, new Date());
      if (interrupted > 0) deps.log.info({ runs: interrupted }, 'playbook runs interrupted by the last stop');
    },
    registerRoutes: (app: ApiApp, defaultTenant: string) => registerPlaybookRoutes(app, { playbooks: service, defaultTenant }),
    async close() {
      unsubscribe();
      await runner?.stop();
    },
  };
}
