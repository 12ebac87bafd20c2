// What playbooks need from the other health capabilities, shaped as the health contract says, so
// main.ts passes DETECT's IncidentService and OPS's WorkOrderService as they are.
import type { CommandResult } from '../commands/command-service.js';
import type { Incident, IncidentStatus } from '../health/domain/incident.js';

export type { IncidentStatus };

/** The part of the health module's Incident a playbook reads (imported, not restated). */
export type IncidentView = Pick<Incident, 'id' | 'tenantId' | 'stationId' | 'evseId' | 'connectorId' | 'status' | 'severity' | 'rule' | 'code' | 'title' | 'kb'>;

/** DETECT's IncidentService (src/modules/health/incident-service.ts). */
export interface IncidentPort {
  get(tenantId: string, incidentId: string): Promise<IncidentView>;
  transition(tenantId: string, incidentId: string, to: IncidentStatus, actor: string, note?: string): Promise<IncidentView>;
  openFor(tenantId: string, stationId: string): Promise<IncidentView[]>;
}

/** OPS's WorkOrderService (src/modules/maintenance/work-order-service.ts). */
export interface WorkOrderOpener {
  open(tenantId: string, order: { stationId: string; evseId: number | null; incidentId: string; title: string; instructions: string; checklist: string[] }): Promise<{ id: string }>;
}

type Caller = { tenantId: string; requestedBy: string | null };

/** RemoteControlService (src/modules/remote-control/service.ts) speaks each OCPP version. */
export interface RemoteControl {
  trigger(caller: Caller, stationId: string, requestedMessage: string, evseId?: number, connectorId?: number): Promise<CommandResult>;
  reset(caller: Caller, stationId: string, kind: 'Soft' | 'Hard', evseId?: number): Promise<CommandResult>;
  unlock(caller: Caller, stationId: string, evseId: number, connectorId?: number): Promise<CommandResult>;
  changeAvailability(caller: Caller, stationId: string, operative: boolean, evseId?: number, connectorId?: number): Promise<CommandResult>;
  stop(caller: Caller, sessionId: string): Promise<CommandResult>;
}

/** Automated actions are audited as the system (AuditLog.recordSystemAction). */
export interface SystemAudit {
  recordSystemAction(action: { tenantId: string | null; job: string; action: string; targetType?: string | null; targetId?: string | null; details?: unknown }): Promise<void>;
}

/** Sessions running at a station (the sessions table's active rows). */
export interface RunningSessions {
  at(tenantId: string, stationId: string): Promise<Array<{ id: string; evseId: number }>>;
}
