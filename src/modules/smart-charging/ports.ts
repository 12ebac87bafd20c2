// What the smart-charging loop needs from the rest of ChargeOps, and what it keeps per site.
import type { CallOutcome } from '../../protocol/call-outcome.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { AllocationInput, AllocationResult } from './allocator/types.js';

/** The command path (StationCommandService): logged, validated against the station's version, sent. */
export interface ProfileSender {
  send(request: { tenantId: string; stationId: string; action: string; payload: unknown; requestedBy?: string | null; sessionId?: string | null; timeoutMs?: number }):
    Promise<{ commandId: string; ocppVersion: OcppVersion; outcome: CallOutcome }>;
}

/** What an EV told the station about itself (2.x NotifyEVChargingNeeds, ISO 15118). */
export type EvNeeds = { departureAt?: string; energyNeededKwh?: number; maxCurrentA?: number; minCurrentA?: number };

export type SiteAllocation = { at: string; input: AllocationInput; result: AllocationResult; sent: number; failed: number };

/** A station drawing above its limit, as an alert (network health's incidents). */
export interface OverdrawAlerts {
  raise(tenantId: string, stationId: string, evseId: number, details: Record<string, unknown>): Promise<void>;
  clear(tenantId: string, stationId: string, evseId: number): Promise<void>;
}
