// Wiring of the event log and the SSE hub, so the composition root stays a few lines.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventBus } from '../../infra/events/event-bus.js';
import { createEventLogStore, type EventLogStore } from './event-log-store.js';
import { EventLogWriter } from './event-log-writer.js';
import { DEFAULT_SSE_OPTIONS, SseHub, type SseHubOptions } from './sse-hub.js';

export type EventStream = { store: EventLogStore; writer: EventLogWriter; hub: SseHub };

export function createEventStream(db: Executor, commits: GroupCommitter, bus: EventBus, log: Logger, sse: Partial<SseHubOptions> = {}): EventStream {
  const store = createEventLogStore();
  const writer = new EventLogWriter(commits, store, log);
  const hub = new SseHub((tenantId, afterId, filter, limit) => store.listAfter(db, tenantId, afterId, filter, limit), { ...DEFAULT_SSE_OPTIONS, ...sse }, log);
  writer.attach(bus);
  writer.subscribe((event) => hub.publish(event));
  return { store, writer, hub };
}
