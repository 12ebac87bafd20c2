// Composition of the knowledge base for main.ts: the service over the seed files, the status
// observer that collects unknown codes, and the routes.
import type { Logger } from 'pino';
import type { ApiApp } from '../../api/http-server.js';
import type { Executor } from '../../infra/db/database.js';
import type { EventBus } from '../../infra/events/event-bus.js';
import { registerKnowledgeBaseRoutes } from './http.js';
import { loadSeed } from './seed.js';
import { KnowledgeBaseService } from './service.js';
import { observeStationFaults } from './status-observer.js';
import { StationEventCodes } from './event-codes.js';
import { createKnowledgeBaseStore } from './store.js';

export function createKnowledgeBase(deps: { db: Executor; events: EventBus; log: Logger; eventPollMs?: number }) {
  const service = new KnowledgeBaseService(deps.db, createKnowledgeBaseStore(), loadSeed().entries, deps.log);
  const unsubscribe = deps.events.subscribe(observeStationFaults(service, deps.log));
  // 2.x NotifyEvent and SecurityEventNotification codes join the unknown-code ranking too.
  const eventCodes = new StationEventCodes(deps.db, service, deps.log);
  eventCodes.start(deps.eventPollMs ?? 5000);
  return {
    service,
    eventCodes,
    registerRoutes: (app: ApiApp, defaultTenant: string) => registerKnowledgeBaseRoutes(app, { kb: service, defaultTenant }),
    close: async () => {
      unsubscribe();
      await eventCodes.stop();
    },
  };
}
