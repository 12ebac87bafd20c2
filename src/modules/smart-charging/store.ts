// Smart-charging queries (Drizzle; PGlite and node-postgres alike). Every query takes the tenant id.
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { chargingProfileLibrary, meterSamples, sessions, siteEnergyConfigs, siteEnergyLimits, siteEnergySignals, siteEnergyStationMaxima, stations } from '../../infra/db/schema.js';
import type { CircuitSpec, ExternalCap, Strategy } from './allocator/types.js';
import type { DrawSample } from './dispatch/measured-draw.js';
import { DEFAULT_OPTIONS, type ConfiguredEvse, type DispatchOptions, type EnergyConfig, type Signal, type SiteReadings } from './domain/energy-config.js';

type ConfigRow = typeof siteEnergyConfigs.$inferSelect;
const toConfig = (row: ConfigRow): EnergyConfig => ({
  tenantId: row.tenantId, siteId: row.siteId, strategy: row.strategy as Strategy, voltageV: row.voltageV,
  circuits: row.circuits as CircuitSpec[], evses: row.evses as ConfiguredEvse[],
  options: { ...DEFAULT_OPTIONS, ...(row.options as Partial<DispatchOptions>) },
  readings: (row.readings ?? null) as SiteReadings | null, readingsAt: row.readingsAt, updatedAt: row.updatedAt,
});

type SignalRow = typeof siteEnergySignals.$inferSelect;
const toSignal = (row: SignalRow): Signal => ({
  id: row.id, siteId: row.siteId, createdAt: row.createdAt,
  ...(row.source !== null ? { source: row.source } : {}), ...(row.circuitId !== null ? { circuitId: row.circuitId } : {}),
  ...(row.validFrom !== null ? { validFrom: row.validFrom.toISOString() } : {}), ...(row.validUntil !== null ? { validUntil: row.validUntil.toISOString() } : {}),
  ...(row.maxCurrentA !== null ? { maxCurrentA: row.maxCurrentA as ExternalCap['maxCurrentA'] } : {}),
  ...(row.maxPowerKw !== null ? { maxPowerKw: row.maxPowerKw } : {}),
  ...(row.schedule !== null ? { schedule: row.schedule as NonNullable<ExternalCap['schedule']> } : {}),
});

export type DispatchedLimit = typeof siteEnergyLimits.$inferSelect;
export type LibraryProfile = typeof chargingProfileLibrary.$inferSelect;
export type StationMaximum = typeof siteEnergyStationMaxima.$inferSelect;
export type ActiveSession = { id: string; stationId: string; evseId: number; externalId: string; ocppVersion: string; startedAt: Date };
export type StationState = { id: string; online: boolean; ocppVersion: string | null; siteId: string | null };

export function createSmartChargingStore() {
  return {
    async getConfig(ex: Executor, tenantId: string, siteId: string): Promise<EnergyConfig | null> {
      const [row] = await ex.select().from(siteEnergyConfigs).where(and(eq(siteEnergyConfigs.tenantId, tenantId), eq(siteEnergyConfigs.siteId, siteId)));
      return row ? toConfig(row) : null;
    },

    async putConfig(ex: Executor, c: Omit<EnergyConfig, 'readings' | 'readingsAt' | 'updatedAt'>, at: Date): Promise<EnergyConfig> {
      const values = { strategy: c.strategy, voltageV: c.voltageV, circuits: c.circuits, evses: c.evses, options: c.options, updatedAt: at };
      const [row] = await ex.insert(siteEnergyConfigs).values({ tenantId: c.tenantId, siteId: c.siteId, ...values })
        .onConflictDoUpdate({ target: [siteEnergyConfigs.tenantId, siteEnergyConfigs.siteId], set: values }).returning();
      return toConfig(row!);
    },

    async deleteConfig(ex: Executor, tenantId: string, siteId: string): Promise<boolean> {
      const rows = await ex.delete(siteEnergyConfigs).where(and(eq(siteEnergyConfigs.tenantId, tenantId), eq(siteEnergyConfigs.siteId, siteId))).returning({ siteId: siteEnergyConfigs.siteId });
      await ex.delete(siteEnergyLimits).where(and(eq(siteEnergyLimits.tenantId, tenantId), eq(siteEnergyLimits.siteId, siteId)));
      return rows.length > 0;
    },

    async setReadings(ex: Executor, tenantId: string, siteId: string, readings: SiteReadings, at: Date): Promise<boolean> {
      const rows = await ex.update(siteEnergyConfigs).set({ readings, readingsAt: at })
        .where(and(eq(siteEnergyConfigs.tenantId, tenantId), eq(siteEnergyConfigs.siteId, siteId))).returning({ siteId: siteEnergyConfigs.siteId });
      return rows.length > 0;
    },

    /** Sites whose configuration names the station (jsonb containment). */
    async sitesOfStation(ex: Executor, tenantId: string, stationId: string): Promise<string[]> {
      const rows = await ex.select({ siteId: siteEnergyConfigs.siteId }).from(siteEnergyConfigs)
        .where(and(eq(siteEnergyConfigs.tenantId, tenantId), sql`${siteEnergyConfigs.evses} @> ${JSON.stringify([{ stationId }])}::jsonb`));
      return rows.map((r) => r.siteId);
    },

    /** Every configuration's stations (the in-memory station -> sites index, station-site-index.ts). */
    async configStations(ex: Executor): Promise<Array<{ tenantId: string; siteId: string; stationIds: string[] }>> {
      const rows = await ex.select({ tenantId: siteEnergyConfigs.tenantId, siteId: siteEnergyConfigs.siteId, evses: siteEnergyConfigs.evses }).from(siteEnergyConfigs);
      return rows.map((r) => ({ tenantId: r.tenantId, siteId: r.siteId, stationIds: [...new Set((r.evses as ConfiguredEvse[]).map((e) => e.stationId))] }));
    },

    async allConfigs(ex: Executor): Promise<Array<{ tenantId: string; siteId: string }>> {
      return ex.select({ tenantId: siteEnergyConfigs.tenantId, siteId: siteEnergyConfigs.siteId }).from(siteEnergyConfigs);
    },

    async insertSignal(ex: Executor, tenantId: string, siteId: string, s: ExternalCap): Promise<Signal> {
      const [row] = await ex.insert(siteEnergySignals).values({
        id: s.id, tenantId, siteId, source: s.source ?? null, circuitId: s.circuitId ?? null,
        validFrom: s.validFrom === undefined ? null : new Date(s.validFrom), validUntil: s.validUntil === undefined ? null : new Date(s.validUntil),
        maxCurrentA: s.maxCurrentA === undefined ? null : (s.maxCurrentA as number | number[]), maxPowerKw: s.maxPowerKw ?? null,
        schedule: s.schedule === undefined ? null : [...s.schedule],
      }).returning();
      return toSignal(row!);
    },

    async listSignals(ex: Executor, tenantId: string, siteId: string): Promise<Signal[]> {
      const rows = await ex.select().from(siteEnergySignals).where(and(eq(siteEnergySignals.tenantId, tenantId), eq(siteEnergySignals.siteId, siteId))).orderBy(asc(siteEnergySignals.id));
      return rows.map(toSignal);
    },

    async deleteSignal(ex: Executor, tenantId: string, siteId: string, id: string): Promise<boolean> {
      const rows = await ex.delete(siteEnergySignals).where(and(eq(siteEnergySignals.tenantId, tenantId), eq(siteEnergySignals.siteId, siteId), eq(siteEnergySignals.id, id))).returning({ id: siteEnergySignals.id });
      return rows.length > 0;
    },

    async listLimits(ex: Executor, tenantId: string, siteId: string): Promise<DispatchedLimit[]> {
      return ex.select().from(siteEnergyLimits).where(and(eq(siteEnergyLimits.tenantId, tenantId), eq(siteEnergyLimits.siteId, siteId))).orderBy(asc(siteEnergyLimits.evseKey));
    },

    async upsertLimits(ex: Executor, rows: Array<typeof siteEnergyLimits.$inferInsert>): Promise<void> {
      if (rows.length === 0) return;
      await ex.insert(siteEnergyLimits).values(rows).onConflictDoUpdate({
        target: [siteEnergyLimits.tenantId, siteEnergyLimits.siteId, siteEnergyLimits.evseKey],
        set: {
          stationId: sql`excluded.station_id`, sessionId: sql`excluded.session_id`, limitA: sql`excluded.limit_a`, fallbackA: sql`excluded.fallback_a`,
          reason: sql`excluded.reason`, chargingProfileId: sql`excluded.charging_profile_id`, status: sql`excluded.status`, appliedA: sql`excluded.applied_a`, updatedAt: sql`excluded.updated_at`,
        },
      });
    },

    /** TxProfiles a station does not hold as accepted (reconciliation): counted at their last limit and sent again. */
    async markUnconfirmed(ex: Executor, tenantId: string, siteId: string, evseKeys: string[]): Promise<void> {
      if (evseKeys.length === 0) return;
      await ex.update(siteEnergyLimits).set({ status: 'failed' })
        .where(and(eq(siteEnergyLimits.tenantId, tenantId), eq(siteEnergyLimits.siteId, siteId), inArray(siteEnergyLimits.evseKey, evseKeys)));
    },

    async activeSessions(ex: Executor, tenantId: string, stationIds: string[]): Promise<ActiveSession[]> {
      if (stationIds.length === 0) return [];
      return ex.select({ id: sessions.id, stationId: sessions.stationId, evseId: sessions.evseId, externalId: sessions.externalId, ocppVersion: sessions.ocppVersion, startedAt: sessions.startedAt })
        .from(sessions).where(and(eq(sessions.tenantId, tenantId), inArray(sessions.stationId, stationIds), eq(sessions.status, 'active')));
    },

    /** Current.Import / Power.Active.Import samples of these sessions since `since`, newest first (each branch of meter_samples by its session index). */
    async drawSamples(ex: Executor, tenantId: string, sessionIds: string[], since: Date): Promise<DrawSample[]> {
      if (sessionIds.length === 0) return [];
      const rows = await ex.select({ sessionId: meterSamples.sessionId, sampledAt: meterSamples.sampledAt, measurand: meterSamples.measurand, phase: meterSamples.phase, value: meterSamples.value })
        .from(meterSamples)
        .where(and(eq(meterSamples.tenantId, tenantId), inArray(meterSamples.sessionId, sessionIds), gte(meterSamples.sampledAt, since), inArray(meterSamples.measurand, ['Current.Import', 'Power.Active.Import'])))
        .orderBy(desc(meterSamples.sampledAt));
      return rows.map((r) => ({ sessionId: r.sessionId!, sampledAt: r.sampledAt, measurand: r.measurand, phase: r.phase, value: Number(r.value) }));
    },

    async stationStates(ex: Executor, tenantId: string, stationIds: string[]): Promise<StationState[]> {
      if (stationIds.length === 0) return [];
      return ex.select({ id: stations.id, online: stations.online, ocppVersion: stations.ocppVersion, siteId: stations.siteId })
        .from(stations).where(and(eq(stations.tenantId, tenantId), inArray(stations.id, stationIds)));
    },

    /** Every station maximum a station accepted (loaded once at start, station-maxima.ts). */
    async allStationMaxima(ex: Executor): Promise<StationMaximum[]> {
      return ex.select().from(siteEnergyStationMaxima);
    },

    async stationMaxima(ex: Executor, tenantId: string, stationIds: string[]): Promise<StationMaximum[]> {
      if (stationIds.length === 0) return [];
      return ex.select().from(siteEnergyStationMaxima).where(and(eq(siteEnergyStationMaxima.tenantId, tenantId), inArray(siteEnergyStationMaxima.stationId, stationIds)));
    },

    async putStationMaximum(ex: Executor, m: StationMaximum): Promise<void> {
      await ex.insert(siteEnergyStationMaxima).values(m)
        .onConflictDoUpdate({ target: siteEnergyStationMaxima.stationId, set: { tenantId: m.tenantId, limitA: m.limitA, acceptedAt: m.acceptedAt } });
    },

    async deleteStationMaximum(ex: Executor, tenantId: string, stationId: string): Promise<void> {
      await ex.delete(siteEnergyStationMaxima).where(and(eq(siteEnergyStationMaxima.tenantId, tenantId), eq(siteEnergyStationMaxima.stationId, stationId)));
    },

    async insertProfile(ex: Executor, row: typeof chargingProfileLibrary.$inferInsert): Promise<LibraryProfile> {
      const [inserted] = await ex.insert(chargingProfileLibrary).values(row).returning();
      return inserted!;
    },

    async listProfiles(ex: Executor, tenantId: string): Promise<LibraryProfile[]> {
      return ex.select().from(chargingProfileLibrary).where(eq(chargingProfileLibrary.tenantId, tenantId)).orderBy(asc(chargingProfileLibrary.id));
    },

    async getProfile(ex: Executor, tenantId: string, id: string): Promise<LibraryProfile | null> {
      const [row] = await ex.select().from(chargingProfileLibrary).where(and(eq(chargingProfileLibrary.tenantId, tenantId), eq(chargingProfileLibrary.id, id)));
      return row ?? null;
    },

    /** Compare-and-set on `updatedAt`: null when the profile is gone or changed since `expectedUpdatedAt`. */
    async updateProfile(ex: Executor, tenantId: string, id: string, expectedUpdatedAt: Date, change: { name: string; profile: Record<string, unknown>; updatedAt: Date }): Promise<LibraryProfile | null> {
      const [row] = await ex.update(chargingProfileLibrary).set(change)
        .where(and(eq(chargingProfileLibrary.tenantId, tenantId), eq(chargingProfileLibrary.id, id), eq(chargingProfileLibrary.updatedAt, expectedUpdatedAt))).returning();
      return row ?? null;
    },

    async deleteProfile(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const rows = await ex.delete(chargingProfileLibrary).where(and(eq(chargingProfileLibrary.tenantId, tenantId), eq(chargingProfileLibrary.id, id))).returning({ id: chargingProfileLibrary.id });
      return rows.length > 0;
    },
  };
}

export type SmartChargingStore = ReturnType<typeof createSmartChargingStore>;
