// The knowledge base's vocabulary, shared with DETECT (FaultCode, KbExplanation) through the health
// contract: a fault as a station reported it, and what the knowledge base says about it.

// Severities are the health module's (alerts and entries rank on the same scale).
export { SEVERITIES, type Severity } from '../../health/domain/settings.js';
import type { Severity } from '../../health/domain/settings.js';

export const REMOTE_ACTIONS = ['none', 'trigger-status', 'soft-reset', 'hard-reset', 'unlock', 'clear-transaction', 'set-inoperative', 'work-order'] as const;
export type RemoteAction = (typeof REMOTE_ACTIONS)[number];

/** The codes that identify a fault: 1.6 StatusNotification codes or 2.x component/variable/event. */
export type FaultCodes = {
  /** 1.6 ChargePointErrorCode. */
  errorCode: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  component: string | null;
  variable: string | null;
  /** 2.x NotifyEvent techCode / trigger. */
  eventCode: string | null;
};

/** A fault as a station reported it, with what the station said about itself at boot. */
export type FaultCode = FaultCodes & {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  ocppVersion: string;
};

export type KbExplanation = {
  entryId: string;
  meaning: string;
  severity: Severity;
  probableCause: string;
  remoteAction: RemoteAction;
  technicianInstructions: string;
  /** Citation: where the meaning comes from (a URL, a specification clause, or the tenant). */
  source: string;
};

/** What an entry is keyed on; null fields match anything. At least one code field is set. */
export type KbKey = FaultCodes & {
  vendor: string | null;
  modelPattern: string | null;
  firmwareMin: string | null;
  firmwareMax: string | null;
  ocppVersion: string | null;
};

export type KbContent = Omit<KbExplanation, 'entryId'>;

export type KbEntry = KbKey & KbContent & { id: string; origin: 'seed' | 'tenant' };

export const CODE_FIELDS = ['errorCode', 'vendorId', 'vendorErrorCode', 'component', 'variable', 'eventCode'] as const;
