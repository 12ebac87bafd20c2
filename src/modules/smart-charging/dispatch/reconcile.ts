// Reconciliation with what 2.x stations really hold (K09): GetChargingProfiles for the profiles
// ChargeOps installs (chargingLimitSource CSO), the ReportChargingProfiles parts gathered until the
// last (tbc false), then compared with what was sent and accepted: each EVSE's TxProfile and
// TxDefaultProfile fallback and the station maximum, by id and limit. A station that lost or
// changed one (a reboot without persistent profiles, another party) gets an
// `energy.profile-mismatch` event; its TxProfiles count as unconfirmed (at their last limit, sent
// again) and its fallbacks and maximum are sent again. 1.6 has no GetChargingProfiles: the
// GetCompositeSchedule read-back after each send is its reconciliation.
import type { Logger } from 'pino';
import type { Executor } from '../../../infra/db/database.js';
import type { EventPublisher } from '../../../infra/events/event-bus.js';
import { isOcpp2x, type OcppVersion } from '../../../protocol/versions.js';
import type { ProfileSender } from '../ports.js';
import type { SmartChargingStore } from '../store.js';
import type { ProfileDispatcher } from './profile-dispatcher.js';
import { FALLBACK_PROFILE_BASE, STATION_MAX_PROFILE_ID, TX_PROFILE_BASE } from './profile-payloads.js';

export type ReportedProfile = { id: number; purpose: string; stackLevel: number; limit: number | null; unit: string };
type Expected = { id: number; evseId: number; evseKey: string | null; purpose: string; limit: number };
export type Mismatch = { id: number; evseId: number; purpose: string; expectedLimit: number; reportedLimit: number | null; kind: 'missing' | 'different-limit' };

type Pending = { tenantId: string; siteId: string; stationId: string; expected: Expected[]; reported: Array<ReportedProfile & { evseId: number }>; timer: NodeJS.Timeout };

/** A report that has not ended after this long is given up (the next round asks again). */
const REPORT_TIMEOUT_MS = 30_000;

export type ReconcilerDeps = {
  db: Executor; store: SmartChargingStore; sender: ProfileSender; events: EventPublisher; log: Logger; now: () => Date;
  dispatcher: ProfileDispatcher;
  /** Re-allocates the site soon, sending the station's fallbacks and maximum again. */
  resend: (tenantId: string, siteId: string, stationId: string) => void;
};

/** What was sent and accepted vs what the station reported. */
export function compareProfiles(expected: readonly Expected[], reported: ReadonlyArray<ReportedProfile & { evseId: number }>): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const e of expected) {
    const r = reported.find((p) => p.id === e.id && p.evseId === e.evseId);
    if (!r) mismatches.push({ id: e.id, evseId: e.evseId, purpose: e.purpose, expectedLimit: e.limit, reportedLimit: null, kind: 'missing' });
    else if (r.unit !== 'A' || r.limit === null || Math.abs(r.limit - e.limit) > 0.05) mismatches.push({ id: e.id, evseId: e.evseId, purpose: e.purpose, expectedLimit: e.limit, reportedLimit: r.limit, kind: 'different-limit' });
  }
  return mismatches;
}

export class ProfileReconciler {
  private readonly pending = new Map<string, Pending>();
  private nextRequestId = 1;

  constructor(private readonly deps: ReconcilerDeps) {}

  async reconcileSite(tenantId: string, siteId: string): Promise<void> {
    const { db, store } = this.deps;
    const config = await store.getConfig(db, tenantId, siteId);
    if (!config) return;
    const stationIds = [...new Set(config.evses.map((e) => e.stationId))];
    const [states, rows] = await Promise.all([store.stationStates(db, tenantId, stationIds), store.listLimits(db, tenantId, siteId)]);
    await Promise.all(states.filter((s) => s.online && s.ocppVersion && isOcpp2x(s.ocppVersion as OcppVersion)).map(async (station) => {
      const expected: Expected[] = [];
      for (const row of rows.filter((r) => r.stationId === station.id)) {
        const evseId = Number(row.evseKey.slice(row.evseKey.lastIndexOf('/') + 1));
        if (row.sessionId !== null && row.status === 'accepted') expected.push({ id: TX_PROFILE_BASE + evseId, evseId, evseKey: row.evseKey, purpose: 'TxProfile', limit: row.limitA });
        if (row.fallbackA !== null) expected.push({ id: FALLBACK_PROFILE_BASE + evseId, evseId, evseKey: row.evseKey, purpose: 'TxDefaultProfile', limit: row.fallbackA });
      }
      const max = this.deps.dispatcher.installedStationMax(tenantId, station.id);
      if (max !== null) expected.push({ id: STATION_MAX_PROFILE_ID, evseId: 0, evseKey: null, purpose: 'ChargingStationMaxProfile', limit: max });
      if (expected.length > 0) await this.ask(tenantId, siteId, station.id, expected);
    }));
  }

  /** One part of a ReportChargingProfiles; compared once the last part (tbc false) arrived. */
  report(tenantId: string, stationId: string, requestId: number, evseId: number, profiles: readonly ReportedProfile[], tbc: boolean): void {
    const key = `${tenantId}|${stationId}|${requestId}`;
    const pending = this.pending.get(key);
    if (!pending) return;
    pending.reported.push(...profiles.map((p) => ({ ...p, evseId })));
    if (tbc) return;
    this.pending.delete(key);
    clearTimeout(pending.timer);
    void this.settle(pending);
  }

  private async ask(tenantId: string, siteId: string, stationId: string, expected: Expected[]): Promise<void> {
    const requestId = this.nextRequestId++;
    const key = `${tenantId}|${stationId}|${requestId}`;
    const timer = setTimeout(() => this.pending.delete(key), REPORT_TIMEOUT_MS);
    timer.unref();
    const pending: Pending = { tenantId, siteId, stationId, expected, reported: [], timer };
    this.pending.set(key, pending);
    const answer = await this.deps.sender.send({
      tenantId, stationId, action: 'GetChargingProfiles', payload: { requestId, chargingProfile: { chargingLimitSource: ['CSO'] } }, requestedBy: 'system:smart-charging', timeoutMs: 10_000,
    }).catch(() => undefined);
    const status = answer?.outcome.kind === 'result' ? (answer.outcome.payload as { status?: string }).status : undefined;
    if (status === 'Accepted') return; // the reports follow
    this.pending.delete(key);
    clearTimeout(timer);
    if (status === 'NoProfiles') await this.settle(pending);
  }

  private async settle(p: Pending): Promise<void> {
    const mismatches = compareProfiles(p.expected, p.reported);
    const data = { siteId: p.siteId, checked: p.expected.length, mismatches };
    this.deps.events.publish({ type: mismatches.length > 0 ? 'energy.profile-mismatch' : 'energy.profiles-reconciled', tenantId: p.tenantId, stationId: p.stationId, at: this.deps.now(), data });
    if (mismatches.length === 0) return;
    this.deps.log.warn({ stationId: p.stationId, mismatches }, 'a station does not hold the profiles it accepted');
    const unconfirmed = p.expected.filter((e) => e.purpose === 'TxProfile' && mismatches.some((m) => m.id === e.id)).map((e) => e.evseKey!);
    try {
      await this.deps.store.markUnconfirmed(this.deps.db, p.tenantId, p.siteId, unconfirmed);
    } finally {
      this.deps.resend(p.tenantId, p.siteId, p.stationId);
    }
  }
}
