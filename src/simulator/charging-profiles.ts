// The charging-profile engine of a simulated station (OCPP 1.6 Smart Charging, 2.x block K): the
// installed profiles in one version-neutral shape, the limit they impose on each connector (EVSE)
// at the station clock's time, pushed into the session engine through `setLimit`, and the
// composite schedule the station reports. Rules followed (1.6 §3.13 / 2.0.1 K01, K08):
//  - a profile with the same id, or the same purpose + stack level on the same EVSE, is replaced;
//  - TxProfile needs a running transaction on its connector (else Rejected) and applies to it only;
//    TxProfile beats TxDefaultProfile; a TxDefault on the EVSE beats one on EVSE 0;
//  - within one purpose, the valid profile with the highest stack level wins;
//  - ChargePointMax / ChargingStationMax / ExternalConstraints cap every connector (simplified:
//    the station maximum is applied per connector, not shared between them);
//  - a TxProfile is dropped when its transaction ends.
import { limitInAmps, NOMINAL_PHASE_VOLTAGE, purposeOf, type ProfilePurpose } from '../protocol/charging-profiles.js';
import type { ChargingLimit } from './charging-model.js';
import type { Clock, TimerHandle } from './clock.js';
import type { SessionEngine } from './session-engine.js';

// Purposes and their names per version are shared with the CSMS side (src/protocol/charging-profiles.ts).
export { purposeName, purposeOf, type ProfilePurpose } from '../protocol/charging-profiles.js';
export type SchedulePeriod = { startPeriod: number; limit: number; numberPhases?: number };

export type InstalledProfile = {
  id: number;
  stackLevel: number;
  purpose: ProfilePurpose;
  /** Connector (1.6) or EVSE (2.x); 0 = the whole station. */
  evseId: number;
  transactionId?: string;
  kind: 'Absolute' | 'Relative' | 'Recurring';
  recurrency?: 'Daily' | 'Weekly';
  validFrom?: number;
  validTo?: number;
  startSchedule?: number;
  duration?: number;
  unit: 'A' | 'W';
  periods: SchedulePeriod[];
  /** When the station accepted it (start of a Relative schedule without a transaction). */
  installedAt: number;
};


type WireSchedule = { startSchedule?: string; duration?: number; chargingRateUnit: 'A' | 'W'; chargingSchedulePeriod: { startPeriod: number; limit?: number; numberPhases?: number }[] };
export type WireProfile = {
  id: number; stackLevel: number; purpose: string; kind: 'Absolute' | 'Relative' | 'Recurring'; recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string; validTo?: string; transactionId?: string | number; schedule: WireSchedule;
};

const ms = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));

/** From the wire shape both families share, or a reason to reject it. */
export function toInstalled(wire: WireProfile, evseId: number, v16: boolean, now: number): InstalledProfile | string {
  const purpose = purposeOf(wire.purpose, v16);
  if (!purpose) return `purpose ${wire.purpose} not supported`;
  const periods = wire.schedule.chargingSchedulePeriod.map((p) => ({ startPeriod: p.startPeriod, limit: p.limit ?? 0, ...(p.numberPhases !== undefined ? { numberPhases: p.numberPhases } : {}) }));
  if (periods.length === 0 || periods[0]!.startPeriod !== 0) return 'the first period must start at 0';
  const profile: InstalledProfile = { id: wire.id, stackLevel: wire.stackLevel, purpose, evseId, kind: wire.kind, unit: wire.schedule.chargingRateUnit, periods, installedAt: now };
  if (wire.recurrencyKind) profile.recurrency = wire.recurrencyKind;
  if (wire.transactionId !== undefined) profile.transactionId = String(wire.transactionId);
  const validFrom = ms(wire.validFrom); if (validFrom !== undefined) profile.validFrom = validFrom;
  const validTo = ms(wire.validTo); if (validTo !== undefined) profile.validTo = validTo;
  const start = ms(wire.schedule.startSchedule); if (start !== undefined) profile.startSchedule = start;
  if (wire.schedule.duration !== undefined) profile.duration = wire.schedule.duration;
  return profile;
}

export type ClearCriteria = { id?: number; evseId?: number; purpose?: ProfilePurpose; stackLevel?: number };

export class ChargingProfileBook {
  private profiles: InstalledProfile[] = [];
  private timer: TimerHandle | undefined;
  /** K05 / 1.6 §5.11: a remote start's TxProfile, installed when its transaction starts. */
  private readonly startProfiles = new Map<number, InstalledProfile>();

  constructor(
    private readonly sessions: SessionEngine,
    private readonly clock: Clock,
    private readonly connectors: number,
    /** Phases used to turn a W limit into amps (AC). */
    private readonly phases: number,
    private readonly maxAmps: number,
  ) {
    sessions.onTransactionChange((connectorId, running) => {
      if (!running) this.profiles = this.profiles.filter((p) => !(p.purpose === 'Tx' && p.evseId === connectorId));
      const pending = running ? this.startProfiles.get(connectorId) : undefined;
      this.startProfiles.delete(connectorId);
      if (pending && this.install(pending) === 'Accepted') return;
      this.apply();
    });
  }

  list(): readonly InstalledProfile[] {
    return this.profiles;
  }

  /** SetChargingProfile: Accepted, or the reason it was rejected. */
  install(profile: InstalledProfile): 'Accepted' | string {
    if (profile.evseId < 0 || profile.evseId > this.connectors) return 'unknown EVSE';
    if ((profile.purpose === 'StationMax' || profile.purpose === 'External') && profile.evseId !== 0) return 'a station maximum belongs on EVSE 0';
    if (profile.purpose === 'Tx') {
      if (profile.evseId === 0) return 'a TxProfile needs an EVSE';
      const tx = this.sessions.transactionOn(profile.evseId);
      if (!tx) return 'no transaction on that EVSE';
      if (profile.transactionId !== undefined && tx.transactionId !== undefined && String(tx.transactionId) !== profile.transactionId) return 'transaction not running';
      profile.transactionId ??= tx.transactionId === undefined ? undefined : String(tx.transactionId);
      if (profile.transactionId === undefined) delete profile.transactionId;
    }
    this.profiles = this.profiles.filter((p) => p.id !== profile.id && !(p.purpose === profile.purpose && p.stackLevel === profile.stackLevel && p.evseId === profile.evseId));
    this.profiles.push(profile);
    this.apply();
    return 'Accepted';
  }

  /** A remote start's chargingProfile: checked now, installed on the transaction it starts. */
  installOnStart(profile: InstalledProfile): 'Accepted' | string {
    if (profile.purpose !== 'Tx') return 'a remote start carries a TxProfile';
    if (profile.transactionId !== undefined) return 'a remote start profile has no transactionId';
    if (profile.evseId < 1 || profile.evseId > this.connectors) return 'a remote start profile needs the EVSE of the start';
    this.startProfiles.set(profile.evseId, profile);
    return 'Accepted';
  }

  /** ClearChargingProfile: true when at least one profile matched. */
  clear(criteria: ClearCriteria): boolean {
    const matches = (p: InstalledProfile) => (criteria.id === undefined || p.id === criteria.id)
      && (criteria.evseId === undefined || p.evseId === criteria.evseId)
      && (criteria.purpose === undefined || p.purpose === criteria.purpose)
      && (criteria.stackLevel === undefined || p.stackLevel === criteria.stackLevel);
    const before = this.profiles.length;
    this.profiles = this.profiles.filter((p) => !matches(p));
    this.apply();
    return this.profiles.length < before;
  }

  /** The limit in force on a connector at `at` (undefined: none), in amps per phase. */
  limitAt(connectorId: number, at: number): number | undefined {
    const tx = this.sessions.transactionOn(connectorId);
    const txId = tx?.transactionId === undefined ? undefined : String(tx.transactionId);
    const txStart = tx?.startedAt.getTime();
    const top = (candidates: InstalledProfile[]) => {
      let best: { level: number; amps: number } | undefined;
      for (const p of candidates) {
        const amps = this.periodLimit(p, at, txStart);
        if (amps !== undefined && (!best || p.stackLevel > best.level)) best = { level: p.stackLevel, amps };
      }
      return best?.amps;
    };
    const txLimit = tx ? top(this.profiles.filter((p) => p.purpose === 'Tx' && p.evseId === connectorId && (p.transactionId === undefined || p.transactionId === txId))) : undefined;
    const defaultLimit = txLimit ?? top(this.profiles.filter((p) => p.purpose === 'TxDefault' && p.evseId === connectorId))
      ?? top(this.profiles.filter((p) => p.purpose === 'TxDefault' && p.evseId === 0));
    const caps = [defaultLimit, top(this.profiles.filter((p) => p.purpose === 'StationMax')), top(this.profiles.filter((p) => p.purpose === 'External'))]
      .filter((v): v is number => v !== undefined);
    return caps.length === 0 ? undefined : Math.min(...caps);
  }

  /** The composite schedule of a connector (0: the station) over `durationS` from now, in A. */
  composite(connectorId: number, durationS: number): { start: number; periods: SchedulePeriod[] } {
    const start = this.clock.now().getTime();
    const end = start + durationS * 1000;
    const points = new Set<number>([start]);
    for (let t = this.nextBoundary(start); t !== undefined && t < end; t = this.nextBoundary(t)) points.add(t);
    const periods: SchedulePeriod[] = [];
    for (const t of [...points].sort((a, b) => a - b)) {
      const limit = connectorId === 0
        ? Math.min(...Array.from({ length: this.connectors }, (_, i) => this.limitAt(i + 1, t) ?? this.maxAmps)) // per-connector simplification
        : this.limitAt(connectorId, t) ?? this.maxAmps;
      const rounded = Math.round(limit * 10) / 10;
      if (periods.at(-1)?.limit !== rounded) periods.push({ startPeriod: Math.round((t - start) / 1000), limit: rounded, numberPhases: this.phases });
    }
    return { start, periods };
  }

  /** Pushes the limit in force into every connector and re-arms the timer for the next boundary. */
  apply(): void {
    const now = this.clock.now().getTime();
    for (let c = 1; c <= this.connectors; c++) {
      const amps = this.limitAt(c, now);
      const limit: ChargingLimit | undefined = amps === undefined ? undefined : { amps };
      const current = this.sessions.limitOn(c);
      if (current?.amps !== limit?.amps) this.sessions.setLimit(c, limit);
    }
    this.clock.clearTimeout(this.timer);
    const next = this.nextBoundary(now);
    this.timer = next === undefined ? undefined : this.clock.setTimeout(() => this.apply(), Math.max(1, next - now));
  }

  private toAmps(p: InstalledProfile, limit: number, numberPhases: number | undefined): number {
    return limitInAmps(limit, p.unit, numberPhases ?? this.phases);
  }

  private scheduleStart(p: InstalledProfile, at: number, txStart: number | undefined): number {
    if (p.kind === 'Relative') return txStart ?? p.installedAt;
    const base = p.startSchedule ?? p.validFrom ?? p.installedAt;
    if (p.kind !== 'Recurring') return base;
    const cycle = p.recurrency === 'Weekly' ? 7 * 86_400_000 : 86_400_000;
    return at < base ? base : base + Math.floor((at - base) / cycle) * cycle;
  }

  private periodLimit(p: InstalledProfile, at: number, txStart: number | undefined): number | undefined {
    if ((p.validFrom !== undefined && at < p.validFrom) || (p.validTo !== undefined && at >= p.validTo)) return undefined;
    const start = this.scheduleStart(p, at, txStart);
    const elapsed = (at - start) / 1000;
    if (elapsed < 0 || (p.duration !== undefined && elapsed >= p.duration)) return undefined;
    let period = p.periods[0]!;
    for (const candidate of p.periods) if (candidate.startPeriod <= elapsed) period = candidate;
    return this.toAmps(p, period.limit, period.numberPhases);
  }

  /** The earliest time after `after` at which some profile's limit may change. */
  private nextBoundary(after: number): number | undefined {
    let next: number | undefined;
    const consider = (t: number | undefined) => { if (t !== undefined && t > after && (next === undefined || t < next)) next = t; };
    for (const p of this.profiles) {
      consider(p.validFrom); consider(p.validTo);
      const txStart = this.sessions.transactionOn(p.evseId)?.startedAt.getTime();
      const start = this.scheduleStart(p, after, txStart);
      for (const period of p.periods) consider(start + period.startPeriod * 1000);
      if (p.duration !== undefined) consider(start + p.duration * 1000);
      if (p.kind === 'Recurring') consider(start + (p.recurrency === 'Weekly' ? 7 : 1) * 86_400_000);
    }
    return next;
  }
}

const books = new WeakMap<SessionEngine, ChargingProfileBook>();

/** The profile book of a station's session engine, created on first use. */
export function profileBookOf(sessions: SessionEngine, connectors: number): ChargingProfileBook {
  let book = books.get(sessions);
  if (!book) {
    const evse = sessions.evseProfile;
    book = new ChargingProfileBook(sessions, sessions.clock, connectors, evse.kind === 'AC' ? evse.phases : 3, evse.kind === 'AC' ? evse.maxAmps : Math.round((evse.maxKw * 1000) / (3 * NOMINAL_PHASE_VOLTAGE)));
    books.set(sessions, book);
  }
  return book;
}
