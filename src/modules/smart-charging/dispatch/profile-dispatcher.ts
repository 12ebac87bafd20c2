// Sends a re-allocation's profiles in a safe order (ADR 038): every decrease (TxProfiles,
// fallbacks, station maxima) is sent and answered first; only when all were accepted do the
// increases go out, station maxima before the TxProfiles they make room for. An accepted TxProfile
// is read back with GetCompositeSchedule (what the station really applies).
import type { Logger } from 'pino';
import type { Executor } from '../../../infra/db/database.js';
import type { CallOutcome } from '../../../protocol/call-outcome.js';
import type { OcppVersion } from '../../../protocol/versions.js';
import type { ProfileSender } from '../ports.js';
import type { SmartChargingStore } from '../store.js';
import type { EvseJob, StationMaxJob } from './dispatch-plan.js';
import {
  FALLBACK_PROFILE_BASE, getCompositeSchedulePayload, limitNowFromComposite, setChargingProfilePayload, STATION_MAX_PROFILE_ID, TX_PROFILE_BASE, type ProfileSpec,
} from './profile-payloads.js';

export const accepted = (outcome: CallOutcome): boolean => outcome.kind === 'result' && (outcome.payload as { status?: string }).status === 'Accepted';

export type DispatchOutcome = {
  sent: number;
  failed: number;
  tx: Map<string, { ok: boolean; appliedA: number | null }>;
  fallbacks: Map<string, boolean>;
};

/** `endsAtMs`: a TxProfile ends there at the latest (the next signal that tightens a cap). */
export type DispatchTiming = { nowMs: number; leaseSeconds: number; endsAtMs?: number | undefined };

/** Started a minute ago so a station whose clock runs behind applies it at once. */
const startOf = (nowMs: number) => new Date(nowMs - 60_000).toISOString();

export function txProfileSpec(evseId: number, limitA: number, t: DispatchTiming, transactionId?: string): ProfileSpec {
  // Counted from the schedule's start, a minute back.
  const untilSignal = t.endsAtMs === undefined ? Infinity : Math.max(1, Math.floor((t.endsAtMs - t.nowMs) / 1000) + 60);
  const durationS = Math.min(t.leaseSeconds > 0 ? t.leaseSeconds + 60 : Infinity, untilSignal);
  return {
    id: TX_PROFILE_BASE + evseId, stackLevel: 1, purpose: 'TxProfile', evseId, kind: 'Absolute', ...(transactionId !== undefined ? { transactionId } : {}),
    startSchedule: startOf(t.nowMs), ...(Number.isFinite(durationS) ? { durationS } : {}), unit: 'A', periods: [{ startPeriod: 0, limit: limitA }],
  };
}

export const fallbackProfileSpec = (evseId: number, limitA: number, nowMs: number): ProfileSpec => ({
  id: FALLBACK_PROFILE_BASE + evseId, stackLevel: 0, purpose: 'TxDefaultProfile', evseId, kind: 'Absolute', startSchedule: startOf(nowMs), unit: 'A', periods: [{ startPeriod: 0, limit: limitA }],
});

export const stationMaxProfileSpec = (limitA: number, nowMs: number): ProfileSpec => ({
  id: STATION_MAX_PROFILE_ID, stackLevel: 0, purpose: 'ChargePointMaxProfile', evseId: 0, kind: 'Absolute', startSchedule: startOf(nowMs), unit: 'A', periods: [{ startPeriod: 0, limit: limitA }],
});

export class ProfileDispatcher {
  private readonly versions = new Map<string, OcppVersion>();
  /** Station maxima the stations accepted (tenant|station); unknown after a restart: sent again. */
  private readonly stationMaxima = new Map<string, number>();
  /** When each accepted TxProfile ends (tenant|EVSE key); unknown after a restart. */
  private readonly txEnds = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly store: SmartChargingStore,
    private readonly sender: ProfileSender,
    private readonly log: Logger,
  ) {}

  txEndsAt(tenantId: string, evseKey: string): number | undefined {
    return this.txEnds.get(`${tenantId}|${evseKey}`);
  }

  installedStationMax(tenantId: string, stationId: string): number | null {
    return this.stationMaxima.get(`${tenantId}|${stationId}`) ?? null;
  }

  async dispatch(tenantId: string, jobs: readonly EvseJob[], maxima: readonly StationMaxJob[], t: DispatchTiming): Promise<DispatchOutcome> {
    const out: DispatchOutcome = { sent: 0, failed: 0, tx: new Map(), fallbacks: new Map() };
    const refused: Array<{ stationId: string; profile: string; outcome: unknown }> = [];
    const count = (ok: boolean, stationId = '', profile = '', outcome?: unknown) => {
      out.sent++;
      if (!ok) { out.failed++; refused.push({ stationId, profile, outcome }); }
      return ok;
    };
    const sendTx = async (j: EvseJob) => {
      const spec = txProfileSpec(j.evseId, j.target, t, j.externalId!);
      const answer = await this.send(tenantId, j.stationId, j.sessionId, spec);
      const ok = count(accepted(answer.outcome), j.stationId, `TxProfile ${j.evseId}`, answer.outcome);
      if (ok) this.txEnds.set(`${tenantId}|${j.key}`, spec.durationS === undefined ? Infinity : Date.parse(spec.startSchedule!) + spec.durationS * 1000);
      out.tx.set(j.key, { ok, appliedA: ok ? await this.readBack(tenantId, j.stationId, j.evseId, answer.ocppVersion) : null });
      return ok;
    };
    const sendFallback = async (j: EvseJob) => {
      const { outcome } = await this.send(tenantId, j.stationId, null, fallbackProfileSpec(j.evseId, j.fallbackA, t.nowMs));
      const ok = count(accepted(outcome), j.stationId, `TxDefaultProfile ${j.evseId}`, outcome);
      out.fallbacks.set(j.key, ok);
      return ok;
    };
    const sendMax = async (m: StationMaxJob) => {
      const { outcome } = await this.send(tenantId, m.stationId, null, stationMaxProfileSpec(m.target, t.nowMs));
      const ok = count(accepted(outcome), m.stationId, 'station maximum', outcome);
      const key = `${tenantId}|${m.stationId}`;
      // Unknown until a send succeeds: the next run sends it again.
      if (ok) this.stationMaxima.set(key, m.target); else this.stationMaxima.delete(key);
      return ok;
    };
    const txJobs = jobs.filter((j) => j.sendTx);
    const fbJobs = jobs.filter((j) => j.sendFallback);
    const lowerFb = (j: EvseJob) => j.installedFallback === null || j.fallbackA <= j.installedFallback;
    const lowerMax = (m: StationMaxJob) => m.installed === null || m.target <= m.installed;
    const lowering = [
      ...txJobs.filter((j) => j.target <= j.effective).map(sendTx), ...fbJobs.filter(lowerFb).map(sendFallback), ...maxima.filter(lowerMax).map(sendMax),
    ];
    if (!(await Promise.all(lowering)).every(Boolean)) {
      this.log.warn({ tenantId, refused }, 'a decrease was not applied: increases held back until it is');
      return out;
    }
    if (!(await Promise.all(maxima.filter((m) => !lowerMax(m)).map(sendMax))).every(Boolean)) return out;
    await Promise.all([...txJobs.filter((j) => j.target > j.effective).map(sendTx), ...fbJobs.filter((j) => !lowerFb(j)).map(sendFallback)]);
    return out;
  }

  async send(tenantId: string, stationId: string, sessionId: string | null, spec: ProfileSpec) {
    try {
      const version = await this.versionOf(tenantId, stationId);
      return await this.sender.send({ tenantId, stationId, action: 'SetChargingProfile', payload: setChargingProfilePayload(version, spec), requestedBy: 'system:smart-charging', sessionId, timeoutMs: 10_000 });
    } catch (error) {
      this.log.warn({ err: error, stationId }, 'SetChargingProfile not sent');
      return { commandId: '', ocppVersion: 'ocpp1.6' as OcppVersion, outcome: { kind: 'offline' } as CallOutcome };
    }
  }

  async versionOf(tenantId: string, stationId: string): Promise<OcppVersion> {
    const [state] = await this.store.stationStates(this.db, tenantId, [stationId]);
    const version = (state?.ocppVersion ?? this.versions.get(stationId)) as OcppVersion | undefined;
    if (!version) throw new Error(`station ${stationId} never connected`);
    this.versions.set(stationId, version);
    return version;
  }

  /** Reads back what the station applies (GetCompositeSchedule), the reconciliation step. */
  private async readBack(tenantId: string, stationId: string, evseId: number, version: OcppVersion): Promise<number | null> {
    try {
      const answer = await this.sender.send({ tenantId, stationId, action: 'GetCompositeSchedule', payload: getCompositeSchedulePayload(version, evseId, 60), requestedBy: 'system:smart-charging', timeoutMs: 10_000 });
      return answer.outcome.kind === 'result' ? limitNowFromComposite(version, answer.outcome.payload) : null;
    } catch {
      return null;
    }
  }
}
