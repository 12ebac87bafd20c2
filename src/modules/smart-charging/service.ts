// Smart-charging use cases behind the API: a site's energy configuration (topology, strategy,
// options), its meter readings, grid signals and the operator's profile library. Every change is
// checked as a whole, changes nothing when refused, and makes the load balancer re-allocate.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api/problem.js';
import type { Executor } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { ExternalCap, Strategy } from './allocator/types.js';
import {
  checkEnergyConfig, checkSignal, DEFAULT_OPTIONS, evseKey, type ConfigProblem, type ConfiguredEvse, type DispatchOptions, type EnergyConfig, type Signal, type SiteReadings,
} from './domain/energy-config.js';
import { LIBRARY_PROFILE_BASE, setChargingProfilePayload, type ProfileSpec } from './dispatch/profile-payloads.js';
import { measuredDraws } from './dispatch/measured-draw.js';
import type { LoadBalancer, ProfileSender } from './load-balancer.js';
import { measuredLoad } from './measured-load.js';
import type { LibraryProfile, SmartChargingStore } from './store.js';

export type EnergyConfigInput = {
  strategy: Strategy;
  voltageV?: number;
  circuits: EnergyConfig['circuits'];
  evses: ConfiguredEvse[];
  options?: Partial<DispatchOptions>;
};

export type LibraryProfileInput = Omit<ProfileSpec, 'id' | 'evseId' | 'transactionId'> & { name: string };
/** A PATCH: fields replace the stored ones; null removes an optional one. */
export type LibraryProfileChange = { [K in keyof LibraryProfileInput]?: LibraryProfileInput[K] | null };

/** A sample older than this is not what a circuit draws now (meters report every 1 to 15 minutes). */
const MEASURED_MAX_AGE_S = 900;

const invalid = (code: 'invalid_energy_config' | 'invalid_signal' | 'invalid_charging_profile', problems: ConfigProblem[]) =>
  new ApiError(code, problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), { problems });

export class SmartChargingService {
  constructor(
    private readonly db: Executor,
    private readonly store: SmartChargingStore,
    private readonly balancer: LoadBalancer,
    private readonly sender: ProfileSender,
    private readonly events: EventPublisher,
    private readonly siteExists: (tenantId: string, siteId: string) => Promise<boolean>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getConfig(tenantId: string, siteId: string): Promise<EnergyConfig> {
    const config = await this.store.getConfig(this.db, tenantId, siteId);
    if (!config) {
      if (!(await this.siteExists(tenantId, siteId))) throw new ApiError('site_not_found', `Site ${siteId} not found`);
      throw new ApiError('energy_config_not_found', `Site ${siteId} has no energy configuration`);
    }
    return config;
  }

  async putConfig(tenantId: string, siteId: string, input: EnergyConfigInput): Promise<EnergyConfig> {
    if (!(await this.siteExists(tenantId, siteId))) throw new ApiError('site_not_found', `Site ${siteId} not found`);
    const candidate = { voltageV: input.voltageV ?? 230, circuits: input.circuits, evses: input.evses, options: { ...DEFAULT_OPTIONS, ...input.options } };
    const problems = checkEnergyConfig(candidate);
    const keys = new Set<string>();
    input.evses.forEach((e, i) => {
      const key = evseKey(e.stationId, e.evseId);
      if (keys.has(key)) problems.push({ path: `evses[${i}]`, message: `EVSE ${key} is listed twice` });
      keys.add(key);
    });
    const stationIds = [...new Set(input.evses.map((e) => e.stationId))];
    const states = new Map((await this.store.stationStates(this.db, tenantId, stationIds)).map((s) => [s.id, s]));
    input.evses.forEach((e, i) => {
      const station = states.get(e.stationId);
      if (!station) problems.push({ path: `evses[${i}].stationId`, message: `unknown station "${e.stationId}"` });
      else if (station.siteId !== siteId) problems.push({ path: `evses[${i}].stationId`, message: `station "${e.stationId}" does not stand at this site (PUT /api/v1/stations/{id}/site first)` });
    });
    if (problems.length > 0) throw invalid('invalid_energy_config', problems);
    const saved = await this.store.putConfig(this.db, { tenantId, siteId, strategy: input.strategy, ...candidate }, this.now());
    this.balancer.configWritten(tenantId, siteId, stationIds);
    this.events.publish({ type: 'energy.config-changed', tenantId, at: this.now(), data: { siteId, strategy: saved.strategy, evses: saved.evses.length } });
    this.balancer.schedule(tenantId, siteId, 0, undefined);
    for (const stationId of stationIds) this.balancer.schedule(tenantId, siteId, 0, stationId);
    return saved;
  }

  async deleteConfig(tenantId: string, siteId: string): Promise<void> {
    if (!(await this.store.deleteConfig(this.db, tenantId, siteId))) throw new ApiError('energy_config_not_found', `Site ${siteId} has no energy configuration`);
    this.balancer.forget(tenantId, siteId);
  }

  async putReadings(tenantId: string, siteId: string, readings: SiteReadings): Promise<EnergyConfig> {
    const config = await this.getConfig(tenantId, siteId);
    const problems: ConfigProblem[] = [];
    if (readings.siteLoadCircuitId !== undefined && !config.circuits.some((c) => c.id === readings.siteLoadCircuitId)) problems.push({ path: 'siteLoadCircuitId', message: `unknown circuit "${readings.siteLoadCircuitId}"` });
    const b = readings.battery;
    if (b && (b.minSocPct ?? 0) > b.socPct) problems.push({ path: 'battery.minSocPct', message: 'is above the state of charge' });
    if (problems.length > 0) throw invalid('invalid_energy_config', problems);
    await this.store.setReadings(this.db, tenantId, siteId, readings, this.now());
    this.balancer.schedule(tenantId, siteId, config.options.debounceMs);
    return { ...config, readings, readingsAt: this.now() };
  }

  async listSignals(tenantId: string, siteId: string): Promise<Signal[]> {
    await this.getConfig(tenantId, siteId);
    return this.store.listSignals(this.db, tenantId, siteId);
  }

  async addSignal(tenantId: string, siteId: string, input: Omit<ExternalCap, 'id'>): Promise<Signal> {
    const config = await this.getConfig(tenantId, siteId);
    const signal: ExternalCap = { ...input, id: `sig_${randomUUID()}` };
    const problems = checkSignal(signal, config.circuits);
    if (problems.length > 0) throw invalid('invalid_signal', problems);
    const saved = await this.store.insertSignal(this.db, tenantId, siteId, signal);
    this.events.publish({ type: 'energy.signal-added', tenantId, at: this.now(), data: { siteId, signalId: saved.id, source: saved.source ?? null } });
    await this.balancer.runNow(tenantId, siteId);
    return saved;
  }

  async removeSignal(tenantId: string, siteId: string, signalId: string): Promise<void> {
    await this.getConfig(tenantId, siteId);
    if (!(await this.store.deleteSignal(this.db, tenantId, siteId, signalId))) throw new ApiError('signal_not_found', `Signal ${signalId} not found`);
    this.balancer.schedule(tenantId, siteId, 0);
  }

  /** The live view: each EVSE's limit and why, the constraints' cap vs load, what was dispatched. */
  async allocation(tenantId: string, siteId: string) {
    const config = await this.getConfig(tenantId, siteId);
    await this.balancer.settled(tenantId, siteId);
    if (!this.balancer.latestAllocation(tenantId, siteId)) await this.balancer.runNow(tenantId, siteId);
    const latest = this.balancer.latestAllocation(tenantId, siteId);
    const stationIds = [...new Set(config.evses.map((e) => e.stationId))];
    const [limits, stationMaxima, measured] = await Promise.all([
      this.store.listLimits(this.db, tenantId, siteId), this.store.stationMaxima(this.db, tenantId, stationIds), this.measured(tenantId, config, stationIds),
    ]);
    return { config, latest, limits, stationMaxima, measured };
  }

  /**
   * The latest measured draw of every charging EVSE (no older than MEASURED_MAX_AGE_S), per circuit
   * and site phase. Unlike the allocator's input, every latest sample counts, also one taken within
   * the EV's response time after a limit change: this shows what is drawn, it judges no one.
   */
  private async measured(tenantId: string, config: EnergyConfig, stationIds: string[]) {
    const now = this.now();
    const configured = new Map(config.evses.map((e) => [evseKey(e.stationId, e.evseId), e]));
    const sessionOf = new Map<string, { id: string; startedAt: Date }>();
    for (const s of await this.store.activeSessions(this.db, tenantId, stationIds)) {
      const key = evseKey(s.stationId, s.evseId);
      const other = sessionOf.get(key);
      if (configured.has(key) && (!other || other.startedAt < s.startedAt)) sessionOf.set(key, s);
    }
    const since = new Date(now.getTime() - MEASURED_MAX_AGE_S * 1000);
    const queries = [...sessionOf].map(([key, s]) => ({ sessionId: s.id, phases: configured.get(key)!.phases, voltageV: config.voltageV, since: s.startedAt > since ? s.startedAt : since }));
    const samples = await this.store.drawSamples(this.db, tenantId, queries.map((q) => q.sessionId), since);
    return measuredLoad(config, new Map([...sessionOf].map(([key, s]) => [key, s.id])), measuredDraws(samples, queries));
  }

  async reallocate(tenantId: string, siteId: string): Promise<void> {
    await this.getConfig(tenantId, siteId);
    await this.balancer.runNow(tenantId, siteId);
  }

  // --- profile library -------------------------------------------------------------------

  listProfiles(tenantId: string): Promise<LibraryProfile[]> {
    return this.store.listProfiles(this.db, tenantId);
  }

  async getProfile(tenantId: string, id: string): Promise<LibraryProfile> {
    const profile = await this.store.getProfile(this.db, tenantId, id);
    if (!profile) throw new ApiError('charging_profile_not_found', `Charging profile ${id} not found`);
    return profile;
  }

  async createProfile(tenantId: string, input: LibraryProfileInput): Promise<LibraryProfile> {
    checkLibraryProfile(input);
    const { name, ...profile } = input;
    const at = this.now();
    return this.store.insertProfile(this.db, { id: `cpr_${randomUUID()}`, tenantId, name, profile, createdAt: at, updatedAt: at });
  }

  /**
   * Changes a library profile: the fields given replace the stored ones (`startSchedule`,
   * `durationS`, `recurrencyKind`: null removes them) and the result is checked as a whole, as on
   * create. `matches(current)`: the caller's If-Match (412 precondition_failed when it does not
   * match). The write is a compare-and-set on the version read, so a change in between is a 412 too.
   * Profiles already sent to stations are not re-sent (apply it again: same profile id, replaced).
   */
  async updateProfile(tenantId: string, id: string, change: LibraryProfileChange, matches: (current: LibraryProfile) => boolean = () => true): Promise<LibraryProfile> {
    const current = await this.getProfile(tenantId, id);
    if (!matches(current)) throw new ApiError('precondition_failed', 'If-Match does not match the current ETag: read the profile again, then retry the change');
    const { name: newName, ...fields } = change;
    const merged: Record<string, unknown> = { ...current.profile };
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = value;
    }
    const candidate = { ...(merged as Omit<LibraryProfileInput, 'name'>), name: newName ?? current.name };
    checkLibraryProfile(candidate);
    const { name, ...profile } = candidate;
    // A new version even when the clock has not moved: the ETag must change with every write.
    const at = new Date(Math.max(this.now().getTime(), current.updatedAt.getTime() + 1));
    const saved = await this.store.updateProfile(this.db, tenantId, id, current.updatedAt, { name, profile, updatedAt: at });
    if (!saved) throw new ApiError('precondition_failed', 'The profile changed while this change was made: read it again, then retry');
    return saved;
  }

  async deleteProfile(tenantId: string, id: string): Promise<void> {
    if (!(await this.store.deleteProfile(this.db, tenantId, id))) throw new ApiError('charging_profile_not_found', `Charging profile ${id} not found`);
  }

  /** Sends a library profile to a station's EVSE (0: the station) as SetChargingProfile. */
  async applyProfile(tenantId: string, id: string, target: { stationId: string; evseId: number; requestedBy: string | null }) {
    const profile = await this.store.getProfile(this.db, tenantId, id);
    if (!profile) throw new ApiError('charging_profile_not_found', `Charging profile ${id} not found`);
    const [state] = await this.store.stationStates(this.db, tenantId, [target.stationId]);
    if (!state) throw new ApiError('station_not_found', `No station ${target.stationId}`);
    if (!state.ocppVersion) throw new ApiError('station_offline', `Station ${target.stationId} has never connected`);
    const spec = profile.profile as Omit<ProfileSpec, 'id' | 'evseId'>;
    // One id per library entry and station: re-applying replaces it (K01.FR.05).
    const number = LIBRARY_PROFILE_BASE + (parseInt(profile.id.replace(/[^0-9a-f]/g, '').slice(0, 6), 16) % 60_000);
    const payload = setChargingProfilePayload(state.ocppVersion as never, { ...spec, id: number, evseId: target.evseId });
    return this.sender.send({ tenantId, stationId: target.stationId, action: 'SetChargingProfile', payload, requestedBy: target.requestedBy });
  }
}

/** A library profile checked as a whole (create and update): invalid_charging_profile lists every problem. */
function checkLibraryProfile(input: LibraryProfileInput): void {
  const problems: ConfigProblem[] = [];
  if (input.name.trim() === '') problems.push({ path: 'name', message: 'must not be blank' });
  if (input.periods.length === 0 || input.periods[0]!.startPeriod !== 0) problems.push({ path: 'periods', message: 'the first period must start at 0' });
  if (input.periods.some((p, i) => i > 0 && p.startPeriod <= input.periods[i - 1]!.startPeriod)) problems.push({ path: 'periods', message: 'startPeriod must increase' });
  if (input.periods.some((p) => !(p.limit >= 0))) problems.push({ path: 'periods', message: 'limits must be >= 0' });
  if (input.kind === 'Recurring' && !input.recurrencyKind) problems.push({ path: 'recurrencyKind', message: 'a Recurring profile needs Daily or Weekly' });
  if (input.kind !== 'Recurring' && input.recurrencyKind) problems.push({ path: 'recurrencyKind', message: 'only a Recurring profile has one' });
  if (input.purpose === 'TxProfile') problems.push({ path: 'purpose', message: 'TxProfiles belong to one transaction: the load balancer sends them; store TxDefaultProfile or ChargePointMaxProfile' });
  if (problems.length > 0) throw invalid('invalid_charging_profile', problems);
}
