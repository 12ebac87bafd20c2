// What the health module needs from the other issue-6 modules (docs: /tmp contract, README.md).
// Each is optional: without it, detection runs without maintenance windows / explanations.

/** A fault as the knowledge base looks it up (HEAL's FaultCode). */
export type FaultCode = {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  ocppVersion: string;
  errorCode: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  component: string | null;
  variable: string | null;
  eventCode: string | null;
};

export type KbExplanation = {
  entryId: string;
  meaning: string;
  severity: string;
  probableCause: string;
  remoteAction: 'none' | 'trigger-status' | 'soft-reset' | 'hard-reset' | 'unlock' | 'clear-transaction' | 'set-inoperative' | 'work-order';
  technicianInstructions: string;
  source: string;
};

/** Implemented by HEAL's KnowledgeBaseService. */
export interface ErrorExplainer {
  explain(tenantId: string, fault: FaultCode): Promise<KbExplanation | null>;
}

/** Implemented by OPS's MaintenanceWindowService: a station in a window raises no alerts. */
export interface MaintenanceCalendar {
  activeFor(tenantId: string, stationId: string, at: Date): Promise<boolean>;
}
