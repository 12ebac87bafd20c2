// Sends a re-allocation's profiles in a safe order (ADR 038, ADR 080). Every decrease (TxProfiles,
// fallbacks, station maxima) goes out at once. An increase goes out as soon as the worst-case ledger
// says it fits: at once when the cap has room for it (a new EV on a site whose cap does not bind),
// else when enough of the decreases it depends on have been accepted; the station's maximum is
// raised just before. Once every decrease was accepted, the rest goes (ADR 038's rule: the
// allocation and the fallbacks hold the caps), fallback rises last. A decrease that fails is never
// counted as done: increases the ledger cannot prove safe without it stay unsent. An
// accepted TxProfile is read back with GetCompositeSchedule (what the station really applies) in
// the background: an increase waits for the SetChargingProfile answers only.
import type { Logger } from 'pino';
import type { Executor } from '../../../infra/db/database.js';
import type { CallOutcome } from '../../../protocol/call-outcome.js';
import type { OcppVersion } from '../../../protocol/versions.js';
import type { ProfileSender } from '../ports.js';
import { StationMaxima } from '../station-maxima.js';
import type { SmartChargingStore } from '../store.js';
import type { EvseJob, StationMaxJob } from './dispatch-plan.js';
import type { WorstCaseLedger } from './worst-case-ledger.js';
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
  /** Station maxima the stations accepted, stored: known after a restart (ADR 081). */
  private readonly stationMaxima: StationMaxima;
  /** When each accepted TxProfile ends (tenant|EVSE key); unknown after a restart. */
  private readonly txEnds = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly store: SmartChargingStore,
    private readonly sender: ProfileSender,
    private readonly log: Logger,
  ) {
    this.stationMaxima = new StationMaxima(db, store, log);
  }

  /** Reads the stored station maxima (at start). */
  loadStationMaxima(): Promise<void> {
    return this.stationMaxima.load();
  }

  txEndsAt(tenantId: string, evseKey: string): number | undefined {
    return this.txEnds.get(`${tenantId}|${evseKey}`);
  }

  installedStationMax(tenantId: string, stationId: string): number | null {
    return this.stationMaxima.get(tenantId, stationId);
  }

  async dispatch(tenantId: string, jobs: readonly EvseJob[], maxima: readonly StationMaxJob[], t: DispatchTiming, ledger?: WorstCaseLedger): Promise<DispatchOutcome> {
    const out: DispatchOutcome = { sent: 0, failed: 0, tx: new Map(), fallbacks: new Map() };
    const refused: Array<{ stationId: string; profile: string; outcome: unknown }> = [];
    const readBacks: Promise<void>[] = [];
    // A station's OCPP version does not change within one wave: looked up once per station.
    const versions = new Map<string, Promise<OcppVersion>>();
    const versionOf = (stationId: string) => versions.get(stationId) ?? versions.set(stationId, this.versionOf(tenantId, stationId)).get(stationId)!;
    const count = (ok: boolean, stationId = '', profile = '', outcome?: unknown) => {
      out.sent++;
      if (!ok) { out.failed++; refused.push({ stationId, profile, outcome }); }
      return ok;
    };
    // Per EVSE, the two halves of its worst case as the stations know them now.
    const txA = new Map(jobs.map((j) => [j.key, j.effective]));
    const fbA = new Map(jobs.map((j) => [j.key, j.installedFallback ?? j.evseMaxA]));
    const worstNow = (key: string) => Math.max(txA.get(key)!, fbA.get(key)!);
    const sendTx = async (j: EvseJob) => {
      const spec = txProfileSpec(j.evseId, j.target, t, j.externalId!);
      const answer = await this.send(tenantId, j.stationId, j.sessionId, spec, versionOf);
      const ok = count(accepted(answer.outcome), j.stationId, `TxProfile ${j.evseId}`, answer.outcome);
      if (ok) this.txEnds.set(`${tenantId}|${j.key}`, spec.durationS === undefined ? Infinity : Date.parse(spec.startSchedule!) + spec.durationS * 1000);
      out.tx.set(j.key, { ok, appliedA: null });
      if (ok) readBacks.push(this.readBack(tenantId, j.stationId, j.evseId, answer.ocppVersion).then((appliedA) => { out.tx.set(j.key, { ok, appliedA }); }));
      return ok;
    };
    const sendFallback = async (j: EvseJob) => {
      const { outcome } = await this.send(tenantId, j.stationId, null, fallbackProfileSpec(j.evseId, j.fallbackA, t.nowMs), versionOf);
      const ok = count(accepted(outcome), j.stationId, `TxDefaultProfile ${j.evseId}`, outcome);
      out.fallbacks.set(j.key, ok);
      return ok;
    };
    const sendMax = async (m: StationMaxJob) => {
      const { outcome } = await this.send(tenantId, m.stationId, null, stationMaxProfileSpec(m.target, t.nowMs), versionOf);
      const ok = count(accepted(outcome), m.stationId, 'station maximum', outcome);
      // Unknown until a send succeeds: the next run sends it again.
      await this.stationMaxima.record(tenantId, m.stationId, ok ? m.target : null, new Date(t.nowMs));
      return ok;
    };
    const txJobs = jobs.filter((j) => j.sendTx);
    const fbJobs = jobs.filter((j) => j.sendFallback);
    const lowerFb = (j: EvseJob) => j.installedFallback === null || j.fallbackA <= j.installedFallback;
    const lowerMax = (m: StationMaxJob) => m.installed === null || m.target <= m.installed;

    // Station maximum rises, each sent once, before the first TxProfile increase on its station.
    const maxRises = new Map(maxima.filter((m) => !lowerMax(m)).map((m) => [m.stationId, m]));
    const maxRiseSent = new Map<string, Promise<boolean>>();
    const raiseMax = (stationId: string): Promise<boolean> => {
      const m = maxRises.get(stationId);
      if (!m) return Promise.resolve(true);
      return maxRiseSent.get(stationId) ?? maxRiseSent.set(stationId, sendMax(m)).get(stationId)!;
    };

    // Increases wait in the ledger's queue; each accepted decrease may let some of them go.
    let pending = txJobs.filter((j) => j.target > j.effective);
    const increases: Promise<boolean>[] = [];
    const release = (): void => {
      pending = pending.filter((j) => {
        const to = Math.max(j.target, fbA.get(j.key)!);
        // Once every decrease was accepted, the allocation and the fallbacks hold the caps (ADR 038);
        // before, only what the ledger proves to fit.
        if (!decreasesDone && !(ledger?.fits(j.key, to) ?? false)) return true;
        // Counted at the new value before it leaves (a message in flight counts at the higher one).
        ledger?.set(j.key, to);
        txA.set(j.key, j.target);
        increases.push(raiseMax(j.stationId).then((ok) => (ok ? sendTx(j) : false)));
        return false;
      });
    };
    /** An accepted decrease lowers the ledger; a refused one leaves the EVSE at its higher value. */
    const lowered = (j: EvseJob, half: Map<string, number>, value: number) => (ok: boolean) => {
      if (ok) { half.set(j.key, value); ledger?.set(j.key, worstNow(j.key)); }
      release();
      return ok;
    };
    let decreasesDone = false;
    release(); // what fits already goes now
    const lowering = [
      ...txJobs.filter((j) => j.target <= j.effective).map((j) => sendTx(j).then(lowered(j, txA, j.target))),
      ...fbJobs.filter(lowerFb).map((j) => sendFallback(j).then(lowered(j, fbA, j.fallbackA))),
      ...maxima.filter(lowerMax).map(sendMax),
    ];
    const allLowered = (await Promise.all(lowering)).every(Boolean);
    decreasesDone = allLowered;
    release();
    if (!allLowered || pending.length > 0) {
      this.log.warn({ tenantId, refused, heldBack: pending.map((j) => j.key) }, 'a decrease was not applied: the increases that depend on it are held back until it is');
    }
    await Promise.all(increases);
    if (allLowered) {
      // Station maxima not needed by an increase, then fallback rises: only what fits.
      await Promise.all([...maxRises.keys()].map(raiseMax));
      await Promise.all(fbJobs.filter((j) => !lowerFb(j)).map(sendFallback));
    }
    await Promise.all(readBacks);
    return out;
  }

  async send(tenantId: string, stationId: string, sessionId: string | null, spec: ProfileSpec, versionOf = (id: string) => this.versionOf(tenantId, id)) {
    try {
      const version = await versionOf(stationId);
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
