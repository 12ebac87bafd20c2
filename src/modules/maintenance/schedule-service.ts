// Preventive maintenance schedules: an RRULE per station or site; `generateDue` opens a work order
// per station for every occurrence that came due (lead time before it), once.
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { maintenanceSchedules, sites, stations } from '../../infra/db/schema.js';
import { ApiError } from '../../api/problem.js';
import { afterCursor, newId, pageOf } from './ids.js';
import { checkRecurrence, occurrencesBetween } from './domain/recurrence.js';
import type { WorkOrderService } from './work-order-service.js';

export type MaintenanceSchedule = typeof maintenanceSchedules.$inferSelect;
export type ScheduleInput = {
  stationId?: string | null; siteId?: string | null; title: string; instructions?: string; recurrence: string;
  checklist?: string[]; technicianUserId?: string | null; leadMinutes?: number;
};

export class MaintenanceScheduleService {
  constructor(private readonly db: Executor, private readonly workOrders: WorkOrderService, private readonly now: () => Date = () => new Date()) {}

  async create(tenantId: string, input: ScheduleInput): Promise<MaintenanceSchedule> {
    if ((input.stationId ?? null) === null === ((input.siteId ?? null) === null)) throw new ApiError('invalid_maintenance_schedule', 'Give exactly one of stationId and siteId');
    const refused = checkRecurrence(input.recurrence);
    if (refused) throw new ApiError('invalid_maintenance_schedule', refused);
    if (input.stationId) {
      const [row] = await this.db.select({ id: stations.id }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, input.stationId)));
      if (!row) throw new ApiError('station_not_found', `Station ${input.stationId} not found`);
    } else {
      const [row] = await this.db.select({ id: sites.id }).from(sites).where(and(eq(sites.tenantId, tenantId), eq(sites.id, input.siteId!)));
      if (!row) throw new ApiError('site_not_found', `Site ${input.siteId} not found`);
    }
    const now = this.now();
    const [row] = await this.db.insert(maintenanceSchedules).values({
      id: newId('ms', now), tenantId, stationId: input.stationId ?? null, siteId: input.siteId ?? null, title: input.title,
      instructions: input.instructions ?? '', recurrence: input.recurrence, checklist: input.checklist ?? [],
      technicianUserId: input.technicianUserId ?? null, leadMinutes: input.leadMinutes ?? 0, lastGeneratedFor: now, createdAt: now, updatedAt: now,
    }).returning();
    return row!;
  }

  async get(tenantId: string, id: string): Promise<MaintenanceSchedule> {
    const [row] = await this.db.select().from(maintenanceSchedules).where(and(eq(maintenanceSchedules.tenantId, tenantId), eq(maintenanceSchedules.id, id)));
    if (!row) throw new ApiError('maintenance_schedule_not_found', `Maintenance schedule ${id} not found`);
    return row;
  }

  async list(tenantId: string, query: { limit: number; cursor?: string }): Promise<{ items: MaintenanceSchedule[]; nextCursor: string | null }> {
    const after = afterCursor(query.cursor);
    const rows = await this.db.select().from(maintenanceSchedules)
      .where(and(eq(maintenanceSchedules.tenantId, tenantId), after === undefined ? undefined : lt(maintenanceSchedules.id, after)))
      .orderBy(desc(maintenanceSchedules.id)).limit(query.limit + 1);
    return pageOf(rows, query.limit);
  }

  async setActive(tenantId: string, id: string, active: boolean): Promise<MaintenanceSchedule> {
    await this.get(tenantId, id);
    const now = this.now();
    // Re-activating does not open the occurrences missed while paused.
    const [row] = await this.db.update(maintenanceSchedules).set({ active, updatedAt: now, ...(active ? { lastGeneratedFor: now } : {}) })
      .where(and(eq(maintenanceSchedules.tenantId, tenantId), eq(maintenanceSchedules.id, id))).returning();
    return row!;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    await this.db.delete(maintenanceSchedules).where(and(eq(maintenanceSchedules.tenantId, tenantId), eq(maintenanceSchedules.id, id)));
  }

  /** The next occurrences of a schedule (for the dashboard). */
  async upcoming(tenantId: string, id: string, count: number): Promise<Date[]> {
    const schedule = await this.get(tenantId, id);
    const now = this.now();
    return occurrencesBetween(schedule.recurrence, now, new Date(now.getTime() + 5 * 366 * 86_400_000), count);
  }

  /** Opens the work orders of every occurrence now due (all tenants); returns how many were opened. */
  async generateDue(): Promise<number> {
    const now = this.now();
    const schedules = await this.db.select().from(maintenanceSchedules).where(eq(maintenanceSchedules.active, true)).orderBy(asc(maintenanceSchedules.id));
    let opened = 0;
    for (const schedule of schedules) {
      const from = schedule.lastGeneratedFor ?? schedule.createdAt;
      const horizon = new Date(now.getTime() + schedule.leadMinutes * 60_000);
      const due = occurrencesBetween(schedule.recurrence, new Date(from.getTime() + 1), new Date(horizon.getTime() + 1), 50);
      if (due.length === 0) continue;
      const stationIds = schedule.stationId ? [schedule.stationId]
        : (await this.db.select({ id: stations.id }).from(stations).where(and(eq(stations.tenantId, schedule.tenantId), eq(stations.siteId, schedule.siteId!)))).map((r) => r.id);
      for (const occurrence of due) {
        for (const stationId of stationIds) {
          await this.workOrders.create(schedule.tenantId, {
            stationId, evseId: null, incidentId: null, scheduleId: schedule.id, title: schedule.title, instructions: schedule.instructions,
            checklist: schedule.checklist, technicianUserId: schedule.technicianUserId, dueAt: occurrence,
          }, `system:maintenance-schedule:${schedule.id}`);
          opened++;
        }
      }
      await this.db.update(maintenanceSchedules).set({ lastGeneratedFor: due[due.length - 1]! }).where(eq(maintenanceSchedules.id, schedule.id));
    }
    return opened;
  }
}
