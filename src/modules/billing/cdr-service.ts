// Charge detail records: one immutable debit CDR per ended session, priced with the tariff that
// was in force for the driver at the start; corrections are credit CDRs against it.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ApiError } from '../../api/problem.js';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { Decimal } from '../tariffs/pricing/money.js';
import type { TariffService } from '../tariffs/service.js';
import { currencyRules } from '../tariffs/tax/currencies.js';
import type { CdrRow, CdrStore } from './cdr-store.js';
import { buildOcpiCdr, type SignedValue } from './ocpi-cdr.js';
import { timelineFromSession } from './session-timeline.js';
import { MAX_AGE_MS, tariffNeedsMeterSamples, type RunningContext } from './running-cost-context.js';
import { createTariffStore } from '../tariffs/store.js';
import { SessionTariffs, type Resolution } from './session-tariffs.js';

/** Far enough ahead for any session: the schedule of a running session is read once, up to here. */
const SCHEDULE_HORIZON_MS = 7 * 24 * 3_600_000;
/** How long ended sessions known to be without a tariff wait to be confirmed together (ADR 093). */
export const UNPRICED_CONFIRM_WINDOW_MS = 1_000;
/** Most ended sessions confirmed by one statement (a full batch goes at once). */
const UNPRICED_CONFIRM_MAX = 1_000;

/** An ended session that no tariff is known to apply to, until its station's assignments are read. */
type UnpricedEnd = { tenantId: string; stationId: string; sessionId: string; done: () => void };

export type CdrParty = { countryCode: string; partyId: string };

export class CdrService {
  /** Each session's tariff resolution, made once and shared by its running cost and its end (ADR 068). */
  private readonly resolutions: SessionTariffs;
  /** Stations known to have no tariff assignment that could apply (tenant, site, station, EVSE), when loaded (ADR 068). */
  private readonly unpricedStations = new Map<string, number>();
  /** Bumped by pricingInputsChanged: a read of the assignments that began before it is not remembered. */
  private unpricedGeneration = 0;
  private readonly pending = new Set<Promise<unknown>>();
  /** Ended sessions known to have no tariff, confirmed against the stored assignments together (ADR 093). */
  private unpricedEnds: UnpricedEnd[] = [];
  private unpricedTimer: NodeJS.Timeout | null = null;
  /** Whether an assignment could apply at a station (key stationKey): the checks of one turn share a statement. */
  private readonly assignmentChecks: BatchedLookup<boolean>;

  constructor(
    private readonly db: Executor,
    private readonly store: CdrStore,
    private readonly tariffs: TariffService,
    private readonly party: CdrParty,
    private readonly log: Logger,
    private readonly scheduleStore = createTariffStore(),
    private readonly resolutionMaxAgeMs = MAX_AGE_MS,
    private readonly unpricedConfirmWindowMs = UNPRICED_CONFIRM_WINDOW_MS,
  ) {
    this.resolutions = new SessionTariffs(resolutionMaxAgeMs);
    this.assignmentChecks = new BatchedLookup(async (keys) => {
      const priced = await this.store.stationsWithAssignments(this.db, keys.map(placeOf));
      return new Map(keys.map((key) => [key, priced.has(key)]));
    });
  }

  /** EventBus subscriber: a CDR for every ended session; failures are logged, never thrown at the bus. */
  observe(event: DomainEvent): void {
    // The customer group depends on tokens and ad-hoc payments: a change is resolved again (ADR 068).
    if (event.type.startsWith('token.') || event.type.startsWith('payment.')) this.resolutions.invalidate();
    if (event.type !== 'session.ended') return;
    const sessionId = event.data.sessionId;
    if (typeof sessionId !== 'string') return;
    this.resolutions.ended(sessionId);
    const work = this.ended(event.tenantId, sessionId, event.stationId)
      .catch((error: unknown) => this.log.error({ err: error, sessionId }, 'creating the CDR failed'));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /**
   * The CDR of a session that ended (session.ended). A session that no tariff is known to apply to
   * (its resolution, or its station remembered without assignments) reads nothing now: it waits,
   * with the others of the next second, for one statement that asks which of their stations have an
   * assignment as stored; only those are priced from the database (ADR 093). Any other session is
   * priced at once (createForSession).
   */
  private async ended(tenantId: string, sessionId: string, stationId: string | undefined): Promise<CdrRow | null> {
    if (stationId && (this.knownUnpriced(tenantId, stationId) || (await this.endedWithoutTariff(tenantId, sessionId)))) {
      await new Promise<void>((done) => this.confirmLater({ tenantId, stationId, sessionId, done }));
      return null;
    }
    return this.createForSession(tenantId, sessionId);
  }

  private confirmLater(end: UnpricedEnd): void {
    this.unpricedEnds.push(end);
    if (this.unpricedEnds.length >= UNPRICED_CONFIRM_MAX) {
      void this.confirmUnpriced();
      return;
    }
    if (this.unpricedTimer) return;
    this.unpricedTimer = setTimeout(() => void this.confirmUnpriced(), this.unpricedConfirmWindowMs);
    this.unpricedTimer.unref();
  }

  /**
   * "No tariff" remembered never loses a CDR (ADR 068): the sessions waiting are checked against the
   * assignments as stored now, after their end, in one statement for all their stations. A station
   * without any is remembered again (confirmed by this read); a session at a station with one (made
   * through another node, or for another group or time) is resolved again and priced from the database.
   */
  private async confirmUnpriced(): Promise<void> {
    if (this.unpricedTimer) clearTimeout(this.unpricedTimer);
    this.unpricedTimer = null;
    const batch = this.unpricedEnds;
    this.unpricedEnds = [];
    if (batch.length === 0) return;
    try {
      const stations = new Map<string, { tenantId: string; stationId: string }>();
      for (const end of batch) stations.set(stationKey(end.tenantId, end.stationId), { tenantId: end.tenantId, stationId: end.stationId });
      const generation = this.unpricedGeneration;
      const readAt = Date.now();
      const priced = await this.store.stationsWithAssignments(this.db, [...stations.values()]);
      for (const key of stations.keys()) {
        if (priced.has(key)) this.unpricedStations.delete(key);
        else if (generation === this.unpricedGeneration) this.rememberUnpriced(key, readAt);
      }
      const unpriced: string[] = [];
      await Promise.all(batch.map(async (end) => {
        if (!priced.has(stationKey(end.tenantId, end.stationId))) {
          unpriced.push(end.sessionId);
          return;
        }
        this.resolutions.forget(end.sessionId);
        await this.createFromDatabase(end.tenantId, end.sessionId)
          .catch((error: unknown) => this.log.error({ err: error, sessionId: end.sessionId }, 'creating the CDR failed'));
      }));
      if (unpriced.length > 0) this.log.warn({ sessions: unpriced.length, sessionIds: unpriced.slice(0, 20) }, 'no tariff applies: no CDR');
    } catch (error) {
      this.log.error({ err: error, sessionIds: batch.map((end) => end.sessionId) }, 'creating the CDR failed');
    } finally {
      for (const end of batch) end.done();
    }
  }

  /** Resolves when the CDRs under way are made (tests); the ended sessions waiting are confirmed now. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) {
      if (this.unpricedEnds.length > 0) void this.confirmUnpriced();
      await Promise.race([Promise.allSettled([...this.pending]), new Promise((resolve) => setImmediate(resolve))]);
    }
  }

  /** A tariff, assignment, schedule, station's site, site, token or payment changed: sessions' tariffs are resolved again. */
  pricingInputsChanged(): void {
    this.resolutions.invalidate();
    this.unpricedStations.clear();
    this.unpricedGeneration += 1;
  }

  private rememberUnpriced(key: string, loadedAt: number): void {
    if (this.unpricedStations.size >= 100_000) this.unpricedStations.clear();
    this.unpricedStations.set(key, loadedAt);
  }

  /** True when the station is known (cached, fresh) to have no assignment that could price a session there. */
  private knownUnpriced(tenantId: string, stationId: string, now = Date.now()): boolean {
    const loadedAt = this.unpricedStations.get(stationKey(tenantId, stationId));
    return loadedAt !== undefined && now - loadedAt < this.resolutionMaxAgeMs;
  }

  /** Whether an assignment could apply at the station: one statement, remembered when none can (until a change or the age). */
  private async stationHasAssignments(tenantId: string, stationId: string, now = Date.now()): Promise<boolean> {
    if (this.knownUnpriced(tenantId, stationId, now)) return false;
    const generation = this.unpricedGeneration;
    const has = (await this.assignmentChecks.find(stationKey(tenantId, stationId))) === true;
    // A read that raced a change (pricingInputsChanged) is answered but not remembered.
    if (!has && generation === this.unpricedGeneration) this.rememberUnpriced(stationKey(tenantId, stationId), now);
    return has;
  }

  /**
   * The session's customer group and the tariff in force for it at its start, resolved once per
   * session (ADR 068): token, ad-hoc payment, station + site and assignments are read at its first
   * pricing only, whether that is its running cost, its Ended answer, its FinalCost or its CDR.
   */
  private resolution(tenantId: string, session: { id: string; stationId: string; evseId: number; idToken: string | null; startedAt: Date }, now = Date.now(), stationChecked = false): Promise<Resolution> {
    return this.resolutions.resolve(tenantId, session.id, now, async () => {
      // No assignment at the station's places: no tariff, whatever the token (the steady bench, a site without billing).
      if (!stationChecked && !(await this.stationHasAssignments(tenantId, session.stationId, now))) return 'no_tariff';
      const group = session.idToken && (await this.store.isKnownToken(this.db, tenantId, session.idToken)) ? 'members' : 'public';
      try {
        return { group, found: await this.tariffs.tariffAt(tenantId, session.stationId, session.evseId, group, null, session.startedAt) };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'no_tariff') return 'no_tariff';
        throw error;
      }
    });
  }

  /** True when this session is known, without a read, to have ended with no tariff applying to it. */
  private async endedWithoutTariff(tenantId: string, sessionId: string): Promise<boolean> {
    const known = this.resolutions.known(tenantId, sessionId, Date.now());
    return known !== null && known.ended && (await known.resolution.catch(() => null)) === 'no_tariff';
  }

  /**
   * Prices a session as recorded: an ended one to its end, a running one to its latest meter
   * reading (else `until`), with the tariff in force for its driver at the start. Null when no
   * tariff applies.
   */
  async priceRecorded(tenantId: string, sessionId: string, until?: Date) {
    // An ended session known to have no tariff: nothing to read (ADR 068).
    if (await this.endedWithoutTariff(tenantId, sessionId)) return null;
    const session = await this.store.session(this.db, tenantId, sessionId);
    if (!session) throw new ApiError('session_not_found');
    return this.priceSession(tenantId, session, until);
  }

  private async priceSession(tenantId: string, session: NonNullable<Awaited<ReturnType<CdrStore['session']>>>, until?: Date) {
    const sessionId = session.id;
    const endedAt = session.endedAt ?? session.lastMeterAt ?? until;
    if (!endedAt || endedAt <= session.startedAt) return null;
    const resolved = await this.resolution(tenantId, session);
    if (session.endedAt) this.resolutions.ended(sessionId);
    if (resolved === 'no_tariff') return null;
    const { group, found } = resolved;
    const meters = await this.store.meterRows(this.db, tenantId, sessionId);
    const { timeline, notes } = timelineFromSession(
      { startedAt: session.startedAt, endedAt, meterStartWh: session.meterStartWh, energyWh: session.energyWh },
      meters, found.place.timeZone,
    );
    const { priced } = await this.tariffs.price(tenantId, found.tariff, timeline, found.place);
    return { session: { ...session, endedAt }, group, found, meters, timeline, notes, priced };
  }

  /**
   * Everything the running cost of an active session needs, read once (ADR 062): the reads of
   * priceRecorded plus the tariff's price schedule for the week ahead. Null when the session is
   * not active; 'no_tariff' when no tariff applies (remembered too: a session without a tariff
   * must not read on every meter update either).
   */
  async runningContext(tenantId: string, sessionId: string, ocppVersion: string, now: Date, stationId?: string): Promise<RunningContext | 'no_tariff' | null> {
    // A station known, or found, to have no assignment: nothing else to read (the CDR at the end
    // checks again, ADR 068, 093). A session not resolved yet asks its station before it is read
    // (the checks of one turn share a statement).
    const checkStation = stationId !== undefined && this.resolutions.known(tenantId, sessionId, now.getTime()) === null;
    if (stationId && (this.knownUnpriced(tenantId, stationId, now.getTime()) || (checkStation && !(await this.stationHasAssignments(tenantId, stationId, now.getTime()))))) {
      // remembered for the session too, so that its Ended answer and FinalCost read nothing either
      await this.resolutions.resolve(tenantId, sessionId, now.getTime(), async () => 'no_tariff');
      return 'no_tariff';
    }
    const session = await this.store.session(this.db, tenantId, sessionId);
    if (!session || session.endedAt) return null;
    // A station just found to have assignments (above) is not asked again.
    const resolved = await this.resolution(tenantId, session, now.getTime(), checkStation && stationId === session.stationId);
    if (resolved === 'no_tariff') return 'no_tariff';
    const { found } = resolved;
    const [meters, schedule] = await Promise.all([
      this.store.meterRows(this.db, tenantId, sessionId),
      this.scheduleStore.scheduleBetween(this.db, tenantId, found.tariff.id, session.startedAt, new Date(now.getTime() + SCHEDULE_HORIZON_MS)),
    ]);
    const firstRegister = meters.find((m) => m.measurand === 'Energy.Active.Import.Register' && !m.phase && m.unit === 'Wh');
    return {
      tenantId, stationId: session.stationId, ocppVersion, startedAt: session.startedAt,
      origin: new Decimal(session.meterStartWh ?? firstRegister?.value ?? 0),
      found, schedule, meters, needsMeterSamples: tariffNeedsMeterSamples(found.tariff.tariff), loadedAt: now.getTime(),
    };
  }

  /** The meter rows of a session (a running cost under a power or current restriction reads them each time). */
  meterRows(tenantId: string, sessionId: string) {
    return this.store.meterRows(this.db, tenantId, sessionId);
  }

  /** The total incl. VAT (excl. when VAT is unknown) of a session as recorded, as OCPP's totalCost; undefined when no tariff applies. */
  async finalTotalCost(tenantId: string, sessionId: string): Promise<number | undefined> {
    const result = await this.priceRecorded(tenantId, sessionId);
    return result ? Number(result.priced.totalCost.incl_vat ?? result.priced.totalCost.excl_vat) : undefined;
  }

  /** Idempotent: a second call returns the CDR made by the first. Null when no tariff applies. */
  async createForSession(tenantId: string, sessionId: string): Promise<CdrRow | null> {
    const recorded = await this.store.session(this.db, tenantId, sessionId);
    if (!recorded || !recorded.endedAt) throw new ApiError('session_not_found', `session ${sessionId} has not ended`);
    // A CDR is never lost to a cache: "no tariff" remembered is checked against the assignments as stored now.
    if (this.knownUnpriced(tenantId, recorded.stationId) || (await this.endedWithoutTariff(tenantId, sessionId))) {
      if (!(await this.store.stationHasAssignments(this.db, tenantId, recorded.stationId))) {
        this.log.warn({ sessionId, stationId: recorded.stationId }, 'no tariff applies: no CDR');
        return null;
      }
      // Assignments exist (now, or for another group or time): this session is resolved again from the database.
      this.resolutions.forget(sessionId);
      this.unpricedStations.delete(stationKey(tenantId, recorded.stationId));
    }
    return this.createFrom(tenantId, recorded);
  }

  /** The CDR of an ended session whose station has an assignment as stored: resolved and priced from the database. */
  private async createFromDatabase(tenantId: string, sessionId: string): Promise<CdrRow | null> {
    const recorded = await this.store.session(this.db, tenantId, sessionId);
    if (!recorded || !recorded.endedAt) throw new ApiError('session_not_found', `session ${sessionId} has not ended`);
    return this.createFrom(tenantId, recorded);
  }

  private async createFrom(tenantId: string, recorded: NonNullable<Awaited<ReturnType<CdrStore['session']>>>): Promise<CdrRow | null> {
    const sessionId = recorded.id;
    const result = await this.priceSession(tenantId, recorded);
    if (!result) {
      this.log.warn({ sessionId, stationId: recorded.stationId }, 'no tariff applies: no CDR');
      return null;
    }
    const { session, group, found, meters, timeline, notes, priced } = result;
    const cdrId = randomUUID();
    const signed: SignedValue[] = meters.filter((m) => m.signed !== null)
      .map((m) => ({ nature: m.context ?? 'Sample.Periodic', plain_data: m.value, signed_data: JSON.stringify(m.signed) }));
    const cdr = buildOcpiCdr({
      cdrId, party: partyOf(found.tariff.tariff, this.party), session, place: found.place, tariff: found.tariff.tariff, priced, signed, now: new Date(),
    });
    const { row, created } = await this.store.insertDebit(this.db, {
      id: cdrId, tenantId, kind: 'debit', sessionId, stationId: session.stationId, evseId: session.evseId,
      currency: priced.currency, totalExclVat: priced.totalCost.excl_vat, totalInclVat: priced.totalCost.incl_vat,
      energyKwh: new Decimal(priced.totalEnergyKwh).toDecimalPlaces(6).toFixed(), startedAt: session.startedAt, endedAt: session.endedAt, cdr,
      pricing: {
        ...priced, customerGroup: group, assignmentReason: found.reason, tariffId: found.tariff.id, tariffVersion: found.tariff.version,
        jurisdictionVat: found.vat, timelineNotes: notes, timeline,
      } as unknown as Record<string, unknown>,
    });
    if (created) this.log.info({ cdrId: row.id, sessionId, total: row.totalExclVat }, 'CDR created');
    return row;
  }

  async get(tenantId: string, id: string): Promise<CdrRow> {
    const row = await this.store.get(this.db, tenantId, id);
    if (!row) throw new ApiError('cdr_not_found');
    return row;
  }

  list(tenantId: string, query: { limit: number; cursor?: string; sessionId?: string }) {
    return this.store.list(this.db, tenantId, query);
  }

  /**
   * A credit CDR against a debit CDR: the whole remaining amount, or a part of it. Serialised per
   * debit CDR by a row lock, so concurrent credits can never exceed what was charged.
   */
  async credit(tenantId: string, id: string, input: { reason: string; amount?: { exclVat: string; inclVat?: string } }): Promise<CdrRow> {
    return this.db.transaction(async (txn) => {
      const tx = txn as unknown as Executor;
      const debit = await this.store.get(tx, tenantId, id, true);
      if (!debit) throw new ApiError('cdr_not_found');
      if (debit.kind !== 'debit') throw new ApiError('invalid_credit', 'only a debit CDR can be credited');
      const minor = currencyRules(debit.currency).minorUnits;
      const already = await this.store.creditedAgainst(tx, tenantId, id);
      const remainingExcl = new Decimal(debit.totalExclVat).plus(already.excl);
      const remainingIncl = debit.totalInclVat === null ? null : new Decimal(debit.totalInclVat).plus(already.incl ?? 0);
      const excl = input.amount ? new Decimal(input.amount.exclVat) : remainingExcl;
      const incl = input.amount
        ? (input.amount.inclVat !== undefined ? new Decimal(input.amount.inclVat) : null)
        : remainingIncl;
      if (excl.decimalPlaces() > minor || (incl && incl.decimalPlaces() > minor)) throw new ApiError('invalid_credit', `amounts have at most ${minor} decimals in ${debit.currency}`);
      if (excl.lessThanOrEqualTo(0)) throw new ApiError('invalid_credit', 'nothing left to credit');
      if (excl.greaterThan(remainingExcl) || (incl && remainingIncl && incl.greaterThan(remainingIncl))) {
        throw new ApiError('invalid_credit', `at most ${remainingExcl.toFixed(minor)} excl. VAT is left to credit`);
      }
      if (remainingIncl !== null && incl === null) throw new ApiError('invalid_credit', 'amount.inclVat is required: the CDR has a total incl. VAT');
      const creditId = randomUUID();
      const cdr = {
        ...debit.cdr, id: creditId, credit: true, credit_reference_id: debit.id,
        total_cost: { excl_vat: -excl.toNumber(), ...(incl ? { incl_vat: -incl.toNumber() } : {}) },
        last_updated: new Date().toISOString(),
      };
      return this.store.insertCredit(tx, {
        id: creditId, tenantId, kind: 'credit', sessionId: debit.sessionId, stationId: debit.stationId, evseId: debit.evseId,
        creditsCdrId: debit.id, reason: input.reason, currency: debit.currency,
        totalExclVat: excl.negated().toFixed(), totalInclVat: incl ? incl.negated().toFixed() : null,
        energyKwh: '0', startedAt: debit.startedAt, endedAt: debit.endedAt, cdr, pricing: { credits: debit.id, reason: input.reason },
      });
    });
  }
}

const stationKey = (tenantId: string, stationId: string) => `${tenantId}\u0000${stationId}`;
const placeOf = (key: string) => {
  const cut = key.indexOf('\u0000');
  return { tenantId: key.slice(0, cut), stationId: key.slice(cut + 1) };
};

/** The CPO identity of the CDR: the tariff's OCPI country_code/party_id, else the configured one. */
function partyOf(tariff: Record<string, unknown>, fallback: CdrParty): CdrParty {
  const countryCode = typeof tariff.country_code === 'string' ? tariff.country_code : fallback.countryCode;
  const partyId = typeof tariff.party_id === 'string' ? tariff.party_id : fallback.partyId;
  return { countryCode, partyId };
}
