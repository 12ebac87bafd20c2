// Types and pure helpers shared by the network-health pages (incidents board, station health panel).
import type { paths } from '../api/schema.js';

type Json<P extends keyof paths, M extends 'get' | 'post'> =
  paths[P][M] extends { responses: infer R } ? (R extends { 200: { content: { 'application/json': infer T } } } ? T : R extends { 201: { content: { 'application/json': infer T } } } ? T : never) : never;

export type Incident = Json<'/api/v1/incidents', 'get'>['items'][number];
export type IncidentDetail = Json<'/api/v1/incidents/{id}', 'get'>;
export type IncidentStatus = Incident['status'];
export type HealthRules = Json<'/api/v1/health/rules', 'get'>;
export type PlaybookRun = Json<'/api/v1/playbooks/runs', 'get'>['items'][number];
export type KbEntry = Json<'/api/v1/knowledge-base/entries', 'get'>['items'][number];
export type UnknownCode = Json<'/api/v1/knowledge-base/unknown-codes', 'get'>['items'][number];
export type WorkOrder = Json<'/api/v1/work-orders', 'get'>['items'][number];

/** The incident's `kb` column: the knowledge base explanation saved when it was raised (untyped in the API). */
export type KbExplanation = { entryId: string; meaning: string; severity: string; probableCause: string; remoteAction: string; technicianInstructions: string; source: string };

export function kbOf(value: unknown): KbExplanation | null {
  if (!value || typeof value !== 'object') return null;
  const kb = value as Partial<KbExplanation>;
  return typeof kb.meaning === 'string' ? (kb as KbExplanation) : null;
}

export const WORKING: readonly IncidentStatus[] = ['open', 'acknowledged', 'remote-troubleshooting', 'technician-dispatched'];
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open', acknowledged: 'Acknowledged', 'remote-troubleshooting': 'Remote troubleshooting',
  'technician-dispatched': 'Technician dispatched', resolved: 'Resolved', 'auto-resolved': 'Auto-resolved',
};
const STEP: Record<IncidentStatus, number> = { open: 0, acknowledged: 1, 'remote-troubleshooting': 2, 'technician-dispatched': 3, resolved: 4, 'auto-resolved': 4 };

/** The transitions a person may ask for from `status` (the server has the last word: 409 invalid_transition). */
export function nextSteps(status: IncidentStatus): Array<'acknowledged' | 'remote-troubleshooting' | 'technician-dispatched' | 'resolved'> {
  if (STEP[status] >= 4) return [];
  return (['acknowledged', 'remote-troubleshooting', 'technician-dispatched', 'resolved'] as const).filter((to) => STEP[to] > STEP[status]);
}

/**
 * Puts a fresh copy of an incident into a newest-first list: replaced in place when known, on top
 * when new (an event replayed after a reconnect changes nothing twice).
 */
export function upsertIncident<T extends { id: string; openedAt: string }>(list: readonly T[], incident: T): T[] {
  const at = list.findIndex((i) => i.id === incident.id);
  if (at >= 0) return list.map((i, index) => (index === at ? incident : i));
  return [incident, ...list].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

export function isIncidentEvent(type: string): boolean {
  return type.startsWith('incident.');
}

export function severityClass(severity: string): string {
  return `sev sev-text-${severity}`;
}
