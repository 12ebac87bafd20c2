// What the health module needs from the other issue-6 modules (docs: /tmp contract, README.md).
// Each is optional: without it, detection runs without maintenance windows / explanations.

// The knowledge base's own vocabulary (one definition, imported rather than restated).
import type { FaultCode, KbExplanation } from '../knowledge-base/domain/types.js';

export type { FaultCode, KbExplanation };

/** Implemented by HEAL's KnowledgeBaseService. */
export interface ErrorExplainer {
  explain(tenantId: string, fault: FaultCode): Promise<KbExplanation | null>;
}

/** Implemented by OPS's MaintenanceWindowService: a station in a window raises no alerts. */
export interface MaintenanceCalendar {
  activeFor(tenantId: string, stationId: string, at: Date): Promise<boolean>;
}
