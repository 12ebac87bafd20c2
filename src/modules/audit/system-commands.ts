// Commands that scheduled jobs send (requestedBy 'system:<job>', e.g. the reservation expiry sweep's
// CancelReservation) are audited as system actions. The command.answered event does not say who
// asked, so the command log is read; commands are rare enough for one lookup each.
import type { Logger } from 'pino';
import type { EventBus } from '../../infra/events/event-bus.js';
import type { AuditLog } from './audit-log.js';

export type CommandLookup = (tenantId: string, commandId: string) => Promise<{ requestedBy: string | null; action: string; stationId: string }>;

/** Returns the function that unsubscribes. */
export function auditSystemCommands(bus: EventBus, lookup: CommandLookup, audit: AuditLog, log: Logger): () => void {
  return bus.subscribe((event) => {
    const commandId = event.data['commandId'];
    if (event.type !== 'command.answered' || typeof commandId !== 'string') return;
    void (async () => {
      const command = await lookup(event.tenantId, commandId);
      if (!command.requestedBy?.startsWith('system:')) return;
      await audit.recordSystemAction({
        tenantId: event.tenantId, job: command.requestedBy.slice('system:'.length), action: `command ${command.action}`,
        targetType: 'station', targetId: command.stationId, details: { commandId, outcome: event.data['outcome'] ?? null },
      });
    })().catch((error: unknown) => log.error({ err: error, commandId }, 'auditing a system command failed'));
  });
}
