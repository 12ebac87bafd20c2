// What maintenance needs from the health module (DETECT's IncidentService, per the issue-6 contract).
import type { IncidentStatus } from '../health/domain/incident.js';

/** A work order opened for an incident moves it to technician-dispatched. */
export interface IncidentDispatch {
  get(tenantId: string, incidentId: string): Promise<{ status: IncidentStatus }>;
  transition(tenantId: string, incidentId: string, to: 'technician-dispatched', actor: string, note?: string): Promise<unknown>;
}
