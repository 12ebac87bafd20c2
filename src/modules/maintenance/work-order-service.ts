// Work orders: a technician's job at a station (checklist, notes, attachments, time on site),
// opened by an operator, by a preventive maintenance schedule, or by HEAL's playbooks through
// `open` (the WorkOrderOpener port of the health contract).
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { stations, workOrderAttachments, workOrders, type WorkOrderNote } from '../../infra/db/schema.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { ApiError } from '../../api/problem.js';
import { afterCursor, newId, pageOf } from './ids.js';
import type { IncidentDispatch } from './ports.js';
import { checklistOf, isFinal, startOnSite, stopOnSite, tickChecklist, transitionError, type WorkOrderStatus } from './domain/work-order.js';

export type WorkOrder = typeof workOrders.$inferSelect;
export type Attachment = Omit<typeof workOrderAttachments.$inferSelect, 'content'>;

export type OpenWorkOrder = {
  stationId: string; evseId: number | null; incidentId: string | null; title: string; instructions: string; checklist: string[];
};
export type NewWorkOrder = OpenWorkOrder & { technicianUserId?: string | null; dueAt?: Date | null; scheduleId?: string | null };
export type WorkOrderPatch = {
  status?: WorkOrderStatus; technicianUserId?: string | null; note?: string; checklist?: Array<{ index: number; done: boolean }>; dueAt?: Date | null;
};

/** Attachments: photos, PDFs and plain text up to 512 KiB, stored as bytea. */
export const ATTACHMENT_MAX_BYTES = 512 * 1024;
export const ATTACHMENT_TYPES: Readonly<Record<string, (bytes: Uint8Array) => boolean>> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'application/pdf': (b) => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-',
  'text/plain': (b) => !b.includes(0),
};

export class WorkOrderService {
  constructor(
    private readonly db: Executor,
    private readonly events: EventPublisher,
    private readonly incidents: IncidentDispatch | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The health contract's WorkOrderOpener: a playbook opens a work order for an incident. The
   * playbook moves the incident to technician-dispatched itself (with its own id as the actor).
   */
  async open(tenantId: string, order: OpenWorkOrder): Promise<{ id: string }> {
    const created = await this.create(tenantId, order, 'system:playbook', { dispatch: false });
    return { id: created.id };
  }

  /** With an incident (and `dispatch`, the default), moves the incident to technician-dispatched. */
  async create(tenantId: string, input: NewWorkOrder, actor: string, options: { dispatch: boolean } = { dispatch: true }): Promise<WorkOrder> {
    if (input.title.trim() === '') throw new ApiError('invalid_work_order', 'A work order needs a title');
    const [station] = await this.db.select({ id: stations.id }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, input.stationId)));
    if (!station) throw new ApiError('station_not_found', `Station ${input.stationId} not found`);
    // An unknown incident is refused before anything is written (the health module answers incident_not_found).
    const incident = input.incidentId && this.incidents ? await this.incidents.get(tenantId, input.incidentId) : null;
    const now = this.now();
    const technician = input.technicianUserId ?? null;
    const [row] = await this.db.insert(workOrders).values({
      id: newId('wo', now), tenantId, stationId: input.stationId, evseId: input.evseId, incidentId: input.incidentId, scheduleId: input.scheduleId ?? null,
      title: input.title, instructions: input.instructions, status: technician ? 'assigned' : 'open', technicianUserId: technician,
      checklist: checklistOf(input.checklist), notes: [], dueAt: input.dueAt ?? null, createdBy: actor, createdAt: now, updatedAt: now,
    }).returning();
    this.publish('work-order.opened', row!, now);
    if (options.dispatch && incident && !['technician-dispatched', 'resolved', 'auto-resolved'].includes(incident.status)) {
      await this.incidents!.transition(tenantId, input.incidentId!, 'technician-dispatched', actor, `Work order ${row!.id}`);
    }
    return row!;
  }

  async get(tenantId: string, id: string): Promise<WorkOrder> {
    const [row] = await this.db.select().from(workOrders).where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id)));
    if (!row) throw new ApiError('work_order_not_found', `Work order ${id} not found`);
    return row;
  }

  async list(tenantId: string, query: { limit: number; cursor?: string; stationId?: string; status?: string; technicianUserId?: string; incidentId?: string }): Promise<{ items: WorkOrder[]; nextCursor: string | null }> {
    const t = workOrders;
    const after = afterCursor(query.cursor);
    const rows = await this.db.select().from(t).where(and(
      eq(t.tenantId, tenantId),
      query.stationId === undefined ? undefined : eq(t.stationId, query.stationId),
      query.status === undefined ? undefined : eq(t.status, query.status),
      query.technicianUserId === undefined ? undefined : eq(t.technicianUserId, query.technicianUserId),
      query.incidentId === undefined ? undefined : eq(t.incidentId, query.incidentId),
      after === undefined ? undefined : lt(t.id, after),
    )).orderBy(desc(t.id)).limit(query.limit + 1);
    return pageOf(rows, query.limit);
  }

  async update(tenantId: string, id: string, patch: WorkOrderPatch, actor: string): Promise<WorkOrder> {
    const order = await this.get(tenantId, id);
    const status = order.status as WorkOrderStatus;
    if (isFinal(status)) throw new ApiError('invalid_work_order', `The work order is ${status}: it no longer changes`);
    const now = this.now();
    const set: Partial<typeof workOrders.$inferInsert> = { updatedAt: now };
    if (patch.technicianUserId !== undefined) set.technicianUserId = patch.technicianUserId;
    if (patch.dueAt !== undefined) set.dueAt = patch.dueAt;
    if (patch.checklist !== undefined) {
      const next = tickChecklist(order.checklist, patch.checklist);
      if (typeof next === 'string') throw new ApiError('invalid_work_order', next);
      set.checklist = next;
    }
    if (patch.note !== undefined) set.notes = [...order.notes, { at: now.toISOString(), by: actor, text: patch.note } satisfies WorkOrderNote];
    let nextStatus = patch.status ?? status;
    if (patch.status === undefined && patch.technicianUserId && status === 'open') nextStatus = 'assigned';
    const refused = transitionError(status, nextStatus);
    if (refused) throw new ApiError('invalid_work_order', refused);
    set.status = nextStatus;
    if (isFinal(nextStatus)) {
      set.closedAt = now;
      if (order.onSiteSince) Object.assign(set, stopOnSite(order, now));
    }
    const row = await this.save(tenantId, id, set);
    this.publish(isFinal(nextStatus) ? 'work-order.closed' : 'work-order.updated', row, now);
    return row;
  }

  /** Starts or stops a visit; starting moves an open or assigned order in progress. */
  async onSite(tenantId: string, id: string, action: 'start' | 'stop'): Promise<WorkOrder> {
    const order = await this.get(tenantId, id);
    if (isFinal(order.status as WorkOrderStatus)) throw new ApiError('invalid_work_order', `The work order is ${order.status}`);
    const now = this.now();
    const change = action === 'start' ? startOnSite(order, now) : stopOnSite(order, now);
    if (typeof change === 'string') throw new ApiError('invalid_work_order', change);
    const row = await this.save(tenantId, id, { ...change, ...(action === 'start' ? { status: 'in-progress' } : {}), updatedAt: now });
    this.publish('work-order.updated', row, now);
    return row;
  }

  async addAttachment(tenantId: string, id: string, file: { fileName: string; contentType: string; content: Uint8Array }, actor: string): Promise<Attachment> {
    await this.get(tenantId, id);
    const check = ATTACHMENT_TYPES[file.contentType];
    if (!check) throw new ApiError('invalid_attachment', `contentType must be one of ${Object.keys(ATTACHMENT_TYPES).join(', ')}`);
    if (file.content.length === 0 || file.content.length > ATTACHMENT_MAX_BYTES) throw new ApiError('invalid_attachment', `An attachment is 1 byte to ${ATTACHMENT_MAX_BYTES} bytes`);
    if (!check(file.content)) throw new ApiError('invalid_attachment', `The content is not ${file.contentType}`);
    const [row] = await this.db.insert(workOrderAttachments).values({
      id: newId('att', this.now()), tenantId, workOrderId: id, fileName: file.fileName, contentType: file.contentType,
      sizeBytes: file.content.length, content: file.content, uploadedBy: actor,
    }).returning();
    const { content: _content, ...meta } = row!;
    return meta;
  }

  async attachments(tenantId: string, id: string): Promise<Attachment[]> {
    await this.get(tenantId, id);
    const a = workOrderAttachments;
    return this.db.select({ id: a.id, tenantId: a.tenantId, workOrderId: a.workOrderId, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, uploadedBy: a.uploadedBy, createdAt: a.createdAt })
      .from(a).where(and(eq(a.tenantId, tenantId), eq(a.workOrderId, id))).orderBy(a.id);
  }

  async attachment(tenantId: string, id: string, attachmentId: string): Promise<Attachment & { content: Uint8Array }> {
    const a = workOrderAttachments;
    const [row] = await this.db.select().from(a).where(and(eq(a.tenantId, tenantId), eq(a.workOrderId, id), eq(a.id, attachmentId)));
    if (!row) throw new ApiError('attachment_not_found', `Attachment ${attachmentId} not found`);
    return row;
  }

  private async save(tenantId: string, id: string, set: Partial<typeof workOrders.$inferInsert>): Promise<WorkOrder> {
    const [row] = await this.db.update(workOrders).set(set).where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id))).returning();
    if (!row) throw new ApiError('work_order_not_found', `Work order ${id} not found`);
    return row;
  }

  private publish(type: 'work-order.opened' | 'work-order.updated' | 'work-order.closed', order: WorkOrder, at: Date): void {
    this.events.publish({ type, tenantId: order.tenantId, stationId: order.stationId, at, data: { workOrderId: order.id, incidentId: order.incidentId, status: order.status } });
  }
}
