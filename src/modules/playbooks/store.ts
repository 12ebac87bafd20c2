// Playbooks, their per-tenant seeding and their runs (Drizzle; PGlite and node-postgres alike).
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { playbookRuns, playbooks, playbookSeeds, sessions } from '../../infra/db/schema.js';
import type { Playbook, PlaybookFields, PlaybookStep, PlaybookStepRecord, PlaybookTrigger, RunStatus } from './domain/playbook.js';

type PlaybookRow = typeof playbooks.$inferSelect;
type RunRow = typeof playbookRuns.$inferSelect;

export type PlaybookRun = Omit<RunRow, 'steps' | 'status'> & { status: RunStatus; steps: PlaybookStepRecord[] };
export type NewRun = Omit<PlaybookRun, 'finishedAt' | 'reason' | 'workOrderId'> & Partial<Pick<PlaybookRun, 'finishedAt' | 'reason' | 'workOrderId'>>;

const toPlaybook = (row: PlaybookRow): Playbook => ({ ...row, trigger: row.trigger as PlaybookTrigger, steps: row.steps as PlaybookStep[] });
const toRun = (row: RunRow): PlaybookRun => ({ ...row, status: row.status as RunStatus, steps: row.steps as PlaybookStepRecord[] });

export function createPlaybookStore() {
  return {
    async all(ex: Executor, tenantId: string): Promise<Playbook[]> {
      return (await ex.select().from(playbooks).where(eq(playbooks.tenantId, tenantId)).orderBy(asc(playbooks.id))).map(toPlaybook);
    },

    async get(ex: Executor, tenantId: string, id: string): Promise<Playbook | null> {
      const [row] = await ex.select().from(playbooks).where(and(eq(playbooks.tenantId, tenantId), eq(playbooks.id, id)));
      return row ? toPlaybook(row) : null;
    },

    async insert(ex: Executor, tenantId: string, id: string, fields: PlaybookFields, seedKey: string | null, at: Date): Promise<Playbook> {
      const [row] = await ex.insert(playbooks).values({ ...fields, tenantId, id, seedKey, createdAt: at, updatedAt: at }).returning();
      return toPlaybook(row!);
    },

    async update(ex: Executor, tenantId: string, id: string, fields: PlaybookFields, at: Date): Promise<Playbook | null> {
      const [row] = await ex.update(playbooks).set({ ...fields, updatedAt: at }).where(and(eq(playbooks.tenantId, tenantId), eq(playbooks.id, id))).returning();
      return row ? toPlaybook(row) : null;
    },

    async delete(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      return (await ex.delete(playbooks).where(and(eq(playbooks.tenantId, tenantId), eq(playbooks.id, id))).returning({ id: playbooks.id })).length > 0;
    },

    /** True the first time for a tenant (the caller then inserts the defaults in the same transaction). */
    async claimSeed(ex: Executor, tenantId: string, at: Date): Promise<boolean> {
      return (await ex.insert(playbookSeeds).values({ tenantId, seededAt: at }).onConflictDoNothing().returning({ tenantId: playbookSeeds.tenantId })).length > 0;
    },

    async insertRun(ex: Executor, run: NewRun): Promise<void> {
      await ex.insert(playbookRuns).values(run);
    },

    async saveRun(ex: Executor, run: PlaybookRun): Promise<void> {
      const { tenantId, id, ...rest } = run;
      await ex.update(playbookRuns).set(rest).where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.id, id)));
    },

    async getRun(ex: Executor, tenantId: string, id: string): Promise<PlaybookRun | null> {
      const [row] = await ex.select().from(playbookRuns).where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.id, id)));
      return row ? toRun(row) : null;
    },

    /** Newest first, by id (ids sort by start time); `limit + 1` rows. */
    async listRuns(ex: Executor, tenantId: string, query: { limit: number; before?: string; stationId?: string; incidentId?: string; playbookId?: string; status?: string }): Promise<PlaybookRun[]> {
      const rows = await ex.select().from(playbookRuns).where(and(
        eq(playbookRuns.tenantId, tenantId),
        query.before === undefined ? undefined : lt(playbookRuns.id, query.before),
        query.stationId === undefined ? undefined : eq(playbookRuns.stationId, query.stationId),
        query.incidentId === undefined ? undefined : eq(playbookRuns.incidentId, query.incidentId),
        query.playbookId === undefined ? undefined : eq(playbookRuns.playbookId, query.playbookId),
        query.status === undefined ? undefined : eq(playbookRuns.status, query.status),
      )).orderBy(desc(playbookRuns.id)).limit(query.limit + 1);
      return rows.map(toRun);
    },

    /** Start times of the runs (not skipped) of a playbook for one station + EVSE since `since`. */
    async startsSince(ex: Executor, tenantId: string, playbookId: string, stationId: string, evseId: number | null, since: Date): Promise<Date[]> {
      const rows = await ex.select({ startedAt: playbookRuns.startedAt }).from(playbookRuns).where(and(
        eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.stationId, stationId), eq(playbookRuns.playbookId, playbookId),
        sql`coalesce(${playbookRuns.evseId}, 0) = ${evseId ?? 0}`, sql`${playbookRuns.status} <> 'skipped'`, gte(playbookRuns.startedAt, since),
      ));
      return rows.map((r) => r.startedAt);
    },

    async runsBetween(ex: Executor, tenantId: string, from: Date, to: Date): Promise<Array<{ incidentId: string; status: RunStatus; startedAt: Date }>> {
      const rows = await ex.select({ incidentId: playbookRuns.incidentId, status: playbookRuns.status, startedAt: playbookRuns.startedAt }).from(playbookRuns)
        .where(and(eq(playbookRuns.tenantId, tenantId), gte(playbookRuns.startedAt, from), lt(playbookRuns.startedAt, to)));
      return rows.map((r) => ({ ...r, status: r.status as RunStatus }));
    },

    /** Runs a stopped process left running: they end `interrupted` (their timers are gone). */
    async interruptRunning(ex: Executor, at: Date): Promise<number> {
      return (await ex.update(playbookRuns).set({ status: 'interrupted', reason: 'ChargeOps restarted during the run', finishedAt: at })
        .where(eq(playbookRuns.status, 'running')).returning({ id: playbookRuns.id })).length;
    },
  };
}

export type PlaybookStore = ReturnType<typeof createPlaybookStore>;

/** The sessions table's running sessions at a station (read-only). */
export function createRunningSessions(db: Executor) {
  return {
    async at(tenantId: string, stationId: string): Promise<Array<{ id: string; evseId: number }>> {
      return db.select({ id: sessions.id, evseId: sessions.evseId }).from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.stationId, stationId), eq(sessions.status, 'active')));
    },
  };
}
