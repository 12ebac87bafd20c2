// What maintenance needs from the health module (DETECT's IncidentService, per the issue-6 contract).

/** A work order opened for an incident moves it to technician-dispatched. */
export interface IncidentDispatch {
  get(tenantId: string, incidentId: string): Promise<{ status: string }>;
  transition(tenantId: string, incidentId: string, to: 'technician-dispatched', actor: string, note?: string): Promise<unknown>;
}
