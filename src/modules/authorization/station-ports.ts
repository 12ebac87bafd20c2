// What authorization needs from other capabilities, as narrow ports (wired in main.ts).
import type { CallOutcome } from '../../protocol/call-outcome.js';
import type { OcppVersion } from '../../protocol/versions.js';

/** Stations (implemented by the stations module's StationService). */
export interface StationDirectory {
  /** Throws DomainError('station_not_found') when the tenant has no such station. */
  get(tenantId: string, stationId: string): Promise<{ id: string; ocppVersion: OcppVersion | null; registrationStatus: string }>;
}

/**
 * CSMS-initiated messages (implemented by the commands module's StationCommandService: validated
 * against the station's version and kept in the command log with the answer).
 */
export interface StationCommands {
  send(request: { tenantId: string; stationId: string; action: string; payload: unknown; requestedBy?: string | null }): Promise<{ outcome: CallOutcome }>;
}

/** Whether a station has a live connection (the gateway's StationChannel). */
export interface StationPresence {
  isConnected(stationId: string): boolean;
}
