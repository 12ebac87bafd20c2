import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import type { MaintenanceScheduleService } from './schedule-service.js';
import { OPERATOR_CAUSES, type MaintenanceWindowService } from './window-service.js';
import { ATTACHMENT_TYPES, type WorkOrderService } from './work-order-service.js';
import { WORK_ORDER_STATUSES } from './domain/work-order.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Page = { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 200 })) };
const StatusEnum = Type.Union([Type.Literal('open'), Type.Literal('assigned'), Type.Literal('in-progress'), Type.Literal('done'), Type.Literal('cancelled')]);
const ScopeFields = { stationId: Type.Optional(Nullable(Id)), siteId: Type.Optional(Nullable(Id)), evseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))) };

const WorkOrderSchema = Type.Object({
  id: Type.String(), stationId: Type.String(), evseId: Nullable(Type.Integer()), incidentId: Nullable(Type.String()), scheduleId: Nullable(Type.String()),
  title: Type.String(), instructions: Type.String(), status: Type.String({ description: WORK_ORDER_STATUSES.join(' | ') }), technicianUserId: Nullable(Type.String()),
  checklist: Type.Array(Type.Object({ item: Type.String(), done: Type.Boolean() })),
  notes: Type.Array(Type.Object({ at: Type.String(), by: Type.String(), text: Type.String() })),
  dueAt: Nullable(DateTime), onSiteSince: Nullable(DateTime), onSiteMs: Type.Integer({ description: 'Time on site of finished visits' }),
  createdBy: Type.String(), createdAt: DateTime, updatedAt: DateTime, closedAt: Nullable(DateTime),
});
const WindowSchema = Type.Object({
  id: Type.String(), stationId: Nullable(Type.String()), siteId: Nullable(Type.String()), evseId: Nullable(Type.Integer()),
  startsAt: DateTime, endsAt: DateTime, reason: Type.String(), workOrderId: Nullable(Type.String()), createdBy: Type.String(), createdAt: DateTime,
});
const ExcludedSchema = Type.Object({
  id: Type.String(), stationId: Nullable(Type.String()), siteId: Nullable(Type.String()), evseId: Nullable(Type.Integer()),
  startsAt: DateTime, endsAt: DateTime, cause: Type.String(), note: Type.String(), recordedBy: Type.String(), createdAt: DateTime,
});
const ScheduleSchema = Type.Object({
  id: Type.String(), stationId: Nullable(Type.String()), siteId: Nullable(Type.String()), title: Type.String(), instructions: Type.String(),
  recurrence: Type.String(), checklist: Type.Array(Type.String()), technicianUserId: Nullable(Type.String()), leadMinutes: Type.Integer(),
  active: Type.Boolean(), lastGeneratedFor: Nullable(DateTime), createdAt: DateTime, updatedAt: DateTime,
});
const AttachmentSchema = Type.Object({ id: Type.String(), workOrderId: Type.String(), fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer(), uploadedBy: Type.String(), createdAt: DateTime });

type Wire<T> = { [K in Exclude<keyof T, 'tenantId'>]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** Dates to ISO strings, tenantId dropped: the wire form of a row. */
function view<T extends { tenantId: string }>(row: T): Wire<T> {
  const { tenantId: _t, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as Wire<T>;
}
const pageView = <T extends { tenantId: string }>(page: { items: T[]; nextCursor: string | null }) => ({ items: page.items.map(view), nextCursor: page.nextCursor });

function actorOf(request: FastifyRequest): string {
  const principal = request.principal;
  return principal ? (principal.userId ?? principal.keyId) : 'unknown';
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ApiError('validation_failed', `${name} is not a date-time`);
  return at;
}

export type MaintenanceRouteDeps = { workOrders: WorkOrderService; windows: MaintenanceWindowService; schedules: MaintenanceScheduleService; defaultTenant: string };

export function registerMaintenanceRoutes(app: ApiApp, deps: MaintenanceRouteDeps): void {
  const { workOrders, windows, schedules } = deps;
  const read = { permission: 'health:read' as const };
  const write = { permission: 'health:write' as const };
  const tags = ['maintenance'];
  const tenant = (request: FastifyRequest) => tenantOf(request, deps.defaultTenant);

  // Work orders ----------------------------------------------------------------------------------
  const WorkOrderList = Type.Object({ ...Page, stationId: Type.Optional(Id), status: Type.Optional(StatusEnum), technicianUserId: Type.Optional(Id), incidentId: Type.Optional(Id) }, { additionalProperties: false });
  app.get('/api/v1/work-orders', {
    config: read, schema: { tags, summary: 'Work orders, newest first', querystring: WorkOrderList, response: { 200: Type.Object({ items: Type.Array(WorkOrderSchema), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => pageView(await workOrders.list(tenant(request), request.query as Static<typeof WorkOrderList>)));

  const CreateWorkOrder = Type.Object({
    stationId: Id, evseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), incidentId: Type.Optional(Nullable(Id)),
    title: Type.String({ minLength: 1, maxLength: 200 }), instructions: Type.Optional(Type.String({ maxLength: 20_000 })),
    checklist: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 100 })),
    technicianUserId: Type.Optional(Nullable(Id)), dueAt: Type.Optional(Nullable(DateTime)),
  }, { additionalProperties: false });
  app.post('/api/v1/work-orders', {
    config: write, schema: { tags, summary: 'Open a work order (with an incidentId: moves the incident to technician-dispatched)', body: CreateWorkOrder, response: { 201: WorkOrderSchema } },
  }, async (request, reply) => {
    const body = request.body as Static<typeof CreateWorkOrder>;
    const order = await workOrders.create(tenant(request), {
      stationId: body.stationId, evseId: body.evseId ?? null, incidentId: body.incidentId ?? null, title: body.title, instructions: body.instructions ?? '',
      checklist: body.checklist ?? [], technicianUserId: body.technicianUserId ?? null, dueAt: date(body.dueAt ?? undefined, 'dueAt') ?? null,
    }, actorOf(request));
    return reply.code(201).send(view(order));
  });

  app.get('/api/v1/work-orders/:id', {
    config: read, schema: { tags, summary: 'A work order', params: IdParams, response: { 200: WorkOrderSchema } },
  }, async (request) => view(await workOrders.get(tenant(request), (request.params as Static<typeof IdParams>).id)));

  const PatchWorkOrder = Type.Object({
    status: Type.Optional(StatusEnum), technicianUserId: Type.Optional(Nullable(Id)), note: Type.Optional(Type.String({ minLength: 1, maxLength: 5_000 })),
    checklist: Type.Optional(Type.Array(Type.Object({ index: Type.Integer({ minimum: 0 }), done: Type.Boolean() }, { additionalProperties: false }), { maxItems: 100 })),
    dueAt: Type.Optional(Nullable(DateTime)),
  }, { additionalProperties: false, minProperties: 1 });
  app.patch('/api/v1/work-orders/:id', {
    config: write, schema: { tags, summary: 'Assign, tick checklist items, add a note, change status (done/cancelled close it)', params: IdParams, body: PatchWorkOrder, response: { 200: WorkOrderSchema } },
  }, async (request) => {
    const body = request.body as Static<typeof PatchWorkOrder>;
    const { dueAt, ...rest } = body;
    return view(await workOrders.update(tenant(request), (request.params as Static<typeof IdParams>).id, {
      ...rest, ...(dueAt === undefined ? {} : { dueAt: dueAt === null ? null : date(dueAt, 'dueAt')! }),
    }, actorOf(request)));
  });

  const OnSite = Type.Object({ action: Type.Union([Type.Literal('start'), Type.Literal('stop')]) }, { additionalProperties: false });
  app.post('/api/v1/work-orders/:id/on-site', {
    config: write, schema: { tags, summary: 'Start or stop time on site', params: IdParams, body: OnSite, response: { 200: WorkOrderSchema } },
  }, async (request) => view(await workOrders.onSite(tenant(request), (request.params as Static<typeof IdParams>).id, (request.body as Static<typeof OnSite>).action)));

  const NewAttachment = Type.Object({
    fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    contentType: Type.String({ enum: Object.keys(ATTACHMENT_TYPES) }),
    contentBase64: Type.String({ minLength: 1, maxLength: 700_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  }, { additionalProperties: false });
  app.post('/api/v1/work-orders/:id/attachments', {
    config: write, schema: { tags, summary: 'Attach a photo, PDF or text file (base64, at most 512 KiB)', params: IdParams, body: NewAttachment, response: { 201: AttachmentSchema } },
  }, async (request, reply) => {
    const body = request.body as Static<typeof NewAttachment>;
    const attachment = await workOrders.addAttachment(tenant(request), (request.params as Static<typeof IdParams>).id, {
      fileName: body.fileName, contentType: body.contentType, content: Buffer.from(body.contentBase64, 'base64'),
    }, actorOf(request));
    return reply.code(201).send(view(attachment));
  });

  app.get('/api/v1/work-orders/:id/attachments', {
    config: read, schema: { tags, summary: 'Attachments of a work order', params: IdParams, response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }) } },
  }, async (request) => ({ items: (await workOrders.attachments(tenant(request), (request.params as Static<typeof IdParams>).id)).map(view) }));

  const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });
  app.get('/api/v1/work-orders/:id/attachments/:attachmentId', {
    config: read, schema: { tags, summary: 'Download an attachment', params: AttachmentParams },
  }, async (request, reply) => {
    const params = request.params as Static<typeof AttachmentParams>;
    const file = await workOrders.attachment(tenant(request), params.id, params.attachmentId);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName.replace(/["\r\n]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff').send(Buffer.from(file.content));
  });

  // Maintenance windows ----------------------------------------------------------------------------
  const TimeList = Type.Object({ ...Page, stationId: Type.Optional(Id), siteId: Type.Optional(Id), from: Type.Optional(DateTime), to: Type.Optional(DateTime) }, { additionalProperties: false });
  const timeQuery = (q: Static<typeof TimeList>) => ({ ...q, from: date(q.from, 'from'), to: date(q.to, 'to') });
  const withoutUndefined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

  app.get('/api/v1/maintenance-windows', {
    config: read, schema: { tags, summary: 'Maintenance windows, newest first (from/to: overlapping that period)', querystring: TimeList, response: { 200: Type.Object({ items: Type.Array(WindowSchema), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => pageView(await windows.list(tenant(request), withoutUndefined(timeQuery(request.query as Static<typeof TimeList>)))));

  const CreateWindow = Type.Object({ ...ScopeFields, startsAt: DateTime, endsAt: DateTime, reason: Type.Optional(Type.String({ maxLength: 1_000 })), workOrderId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });
  app.post('/api/v1/maintenance-windows', {
    config: write, schema: { tags, summary: 'Plan a maintenance window for a station, one EVSE of it, or a site: downtime in it is excluded and alerts are held', body: CreateWindow, response: { 201: WindowSchema } },
  }, async (request, reply) => {
    const body = request.body as Static<typeof CreateWindow>;
    return reply.code(201).send(view(await windows.create(tenant(request), { ...body, startsAt: date(body.startsAt, 'startsAt')!, endsAt: date(body.endsAt, 'endsAt')! }, actorOf(request))));
  });

  app.get('/api/v1/maintenance-windows/:id', {
    config: read, schema: { tags, summary: 'A maintenance window', params: IdParams, response: { 200: WindowSchema } },
  }, async (request) => view(await windows.get(tenant(request), (request.params as Static<typeof IdParams>).id)));

  app.post('/api/v1/maintenance-windows/:id/end', {
    config: write, schema: { tags, summary: 'End a running window now (a window not started yet is cancelled)', params: IdParams, response: { 200: WindowSchema } },
  }, async (request) => view(await windows.end(tenant(request), (request.params as Static<typeof IdParams>).id)));

  // Excluded outage causes -------------------------------------------------------------------------
  app.get('/api/v1/excluded-outages', {
    config: read, schema: { tags, summary: 'Outages recorded as outside the operator\'s control (NEVI T_excluded), newest first', querystring: TimeList, response: { 200: Type.Object({ items: Type.Array(ExcludedSchema), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => pageView(await windows.listExcluded(tenant(request), withoutUndefined(timeQuery(request.query as Static<typeof TimeList>)))));

  const CreateExcluded = Type.Object({
    ...ScopeFields, startsAt: DateTime, endsAt: DateTime,
    cause: Type.String({ enum: [...OPERATOR_CAUSES], description: '23 CFR 680.116(b)(3) causes outside the operator\'s control' }),
    note: Type.Optional(Type.String({ maxLength: 2_000 })),
  }, { additionalProperties: false });
  app.post('/api/v1/excluded-outages', {
    config: write, schema: { tags, summary: 'Record an outage cause excluded from uptime (utility interruption, vehicle fault, vandalism, natural disaster, outside opening hours)', body: CreateExcluded, response: { 201: ExcludedSchema } },
  }, async (request, reply) => {
    const body = request.body as Static<typeof CreateExcluded>;
    return reply.code(201).send(view(await windows.recordExcluded(tenant(request), { ...body, startsAt: date(body.startsAt, 'startsAt')!, endsAt: date(body.endsAt, 'endsAt')! }, actorOf(request))));
  });

  app.delete('/api/v1/excluded-outages/:id', {
    config: write, schema: { tags, summary: 'Remove a recorded excluded outage', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await windows.removeExcluded(tenant(request), (request.params as Static<typeof IdParams>).id);
    return reply.code(204).send(null);
  });

  // Preventive maintenance schedules ---------------------------------------------------------------
  app.get('/api/v1/maintenance-schedules', {
    config: read, schema: { tags, summary: 'Preventive maintenance schedules', querystring: Type.Object(Page, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(ScheduleSchema), nextCursor: Nullable(Type.String()) }) } },
  }, async (request) => pageView(await schedules.list(tenant(request), request.query as { limit: number; cursor?: string })));

  const CreateSchedule = Type.Object({
    stationId: Type.Optional(Nullable(Id)), siteId: Type.Optional(Nullable(Id)), title: Type.String({ minLength: 1, maxLength: 200 }),
    instructions: Type.Optional(Type.String({ maxLength: 20_000 })),
    recurrence: Type.String({ minLength: 10, maxLength: 1_000, description: 'RFC 5545 DTSTART + RRULE, e.g. "DTSTART:20260101T080000Z\\nRRULE:FREQ=MONTHLY;INTERVAL=3"' }),
    checklist: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 100 })),
    technicianUserId: Type.Optional(Nullable(Id)), leadMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 43_200 })),
  }, { additionalProperties: false });
  app.post('/api/v1/maintenance-schedules', {
    config: write, schema: { tags, summary: 'Create a preventive maintenance schedule for a station or every station of a site', body: CreateSchedule, response: { 201: ScheduleSchema } },
  }, async (request, reply) => reply.code(201).send(view(await schedules.create(tenant(request), request.body as Static<typeof CreateSchedule>))));

  app.get('/api/v1/maintenance-schedules/:id', {
    config: read, schema: { tags, summary: 'A schedule with its next occurrences', params: IdParams, response: { 200: Type.Composite([ScheduleSchema, Type.Object({ upcoming: Type.Array(DateTime) })]) } },
  }, async (request) => {
    const { id } = request.params as Static<typeof IdParams>;
    const schedule = await schedules.get(tenant(request), id);
    return { ...view(schedule), upcoming: (await schedules.upcoming(tenant(request), id, 5)).map((d) => d.toISOString()) };
  });

  const PatchSchedule = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });
  app.patch('/api/v1/maintenance-schedules/:id', {
    config: write, schema: { tags, summary: 'Pause or resume a schedule', params: IdParams, body: PatchSchedule, response: { 200: ScheduleSchema } },
  }, async (request) => view(await schedules.setActive(tenant(request), (request.params as Static<typeof IdParams>).id, (request.body as Static<typeof PatchSchedule>).active)));

  app.delete('/api/v1/maintenance-schedules/:id', {
    config: write, schema: { tags, summary: 'Delete a schedule (its work orders stay)', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await schedules.remove(tenant(request), (request.params as Static<typeof IdParams>).id);
    return reply.code(204).send(null);
  });
}
