import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { KbContentFields, KbKeyFields } from './domain/entry-schema.js';
import type { KnowledgeBaseService, ListedEntry } from './service.js';
import type { UnknownCode } from './store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


const EntrySchema = Type.Object({
  id: Type.String(),
  origin: Type.Union([Type.Literal('seed'), Type.Literal('tenant')], { description: 'seed: shipped with ChargeOps (read-only); tenant: yours' }),
  ...KbKeyFields,
  ...KbContentFields,
  createdAt: Nullable(DateTime),
  updatedAt: Nullable(DateTime),
});
const OptionalKey = Type.Partial(Type.Object(KbKeyFields)).properties;
const CreateBody = Type.Object({ ...OptionalKey, ...KbContentFields }, { additionalProperties: false });
const UpdateBody = Type.Object({ ...OptionalKey, ...Type.Partial(Type.Object(KbContentFields)).properties }, { additionalProperties: false, minProperties: 1 });

const ExplanationSchema = Type.Object({ entryId: Type.String(), ...KbContentFields });

const UnknownSchema = Type.Object({
  fingerprint: Type.String(),
  vendor: Nullable(Type.String()), model: Nullable(Type.String()), firmware: Nullable(Type.String({ description: 'The latest firmware it was seen with' })),
  ocppVersion: Type.String(),
  errorCode: Nullable(Type.String()), vendorId: Nullable(Type.String()), vendorErrorCode: Nullable(Type.String()),
  component: Nullable(Type.String()), variable: Nullable(Type.String()), eventCode: Nullable(Type.String()),
  count: Type.Integer(), stations: Type.Integer({ description: 'Distinct stations that sent it' }),
  firstSeenAt: DateTime, lastSeenAt: DateTime,
});

const KEY_DEFAULTS = { vendor: null, modelPattern: null, firmwareMin: null, firmwareMax: null, ocppVersion: null, errorCode: null, vendorId: null, vendorErrorCode: null, component: null, variable: null, eventCode: null };

function toView(entry: ListedEntry) {
  return { ...entry, createdAt: entry.createdAt?.toISOString() ?? null, updatedAt: entry.updatedAt?.toISOString() ?? null };
}
const unknownView = (u: UnknownCode) => ({ ...u, firstSeenAt: u.firstSeenAt.toISOString(), lastSeenAt: u.lastSeenAt.toISOString() });

export function registerKnowledgeBaseRoutes(app: ApiApp, deps: { kb: KnowledgeBaseService; defaultTenant: string }): void {
  const { kb } = deps;
  const tags = ['knowledge-base'];
  const read = { permission: 'health:read' as const };
  const write = { permission: 'health:write' as const };
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

  app.get('/api/v1/knowledge-base/entries', {
    config: read,
    schema: {
      tags, summary: 'Knowledge base entries, seed and the tenant\'s own (by id)',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), cursor: Type.Optional(Type.String()),
        origin: Type.Optional(Type.Union([Type.Literal('seed'), Type.Literal('tenant')])),
        vendor: Type.Optional(Type.String({ maxLength: 100 })), errorCode: Type.Optional(Type.String({ maxLength: 50 })),
        vendorErrorCode: Type.Optional(Type.String({ maxLength: 50 })), component: Type.Optional(Type.String({ maxLength: 50 })),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Text in the id, meaning or probable cause' })),
      }),
      response: { 200: Type.Object({ items: Type.Array(EntrySchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await kb.list(tenant(request), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/knowledge-base/entries', {
    config: write,
    schema: { tags, summary: 'Add a tenant entry (it beats seed entries for the same fault)', body: CreateBody, response: { 201: EntrySchema } },
  }, async (request, reply) => reply.code(201).send(toView(await kb.create(tenant(request), { ...KEY_DEFAULTS, ...request.body }))));

  app.get('/api/v1/knowledge-base/entries/:id', {
    config: read,
    schema: { tags, summary: 'A knowledge base entry', params: Params, response: { 200: EntrySchema } },
  }, async (request) => toView(await kb.get(tenant(request), request.params.id)));

  app.patch('/api/v1/knowledge-base/entries/:id', {
    config: write,
    schema: { tags, summary: 'Change a tenant entry (If-Match supported; seed entries are read-only)', params: Params, body: UpdateBody, response: { 200: EntrySchema } },
  }, async (request) => toView(await kb.update(tenant(request), request.params.id, request.body)));

  app.delete('/api/v1/knowledge-base/entries/:id', {
    config: write,
    schema: { tags, summary: 'Delete a tenant entry', params: Params, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await kb.remove(tenant(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/knowledge-base/explain', {
    config: read,
    schema: {
      tags, summary: 'What the knowledge base says about a fault (the entry that would explain it; not counted as a sighting)',
      querystring: Type.Object({
        ocppVersion: Type.String({ pattern: '^ocpp(1\\.6|2\\.0\\.1|2\\.1)$', default: 'ocpp1.6' }),
        vendor: Type.Optional(Type.String({ maxLength: 100 })), model: Type.Optional(Type.String({ maxLength: 100 })), firmware: Type.Optional(Type.String({ maxLength: 50 })),
        errorCode: Type.Optional(Type.String({ maxLength: 50 })), vendorId: Type.Optional(Type.String({ maxLength: 255 })), vendorErrorCode: Type.Optional(Type.String({ maxLength: 50 })),
        component: Type.Optional(Type.String({ maxLength: 50 })), variable: Type.Optional(Type.String({ maxLength: 50 })), eventCode: Type.Optional(Type.String({ maxLength: 50 })),
      }),
      response: { 200: Type.Object({ explanation: Nullable(ExplanationSchema) }) },
    },
  }, async (request) => {
    const q = request.query;
    const fault = {
      ocppVersion: q.ocppVersion, vendor: q.vendor ?? null, model: q.model ?? null, firmware: q.firmware ?? null, errorCode: q.errorCode ?? null, vendorId: q.vendorId ?? null,
      vendorErrorCode: q.vendorErrorCode ?? null, component: q.component ?? null, variable: q.variable ?? null, eventCode: q.eventCode ?? null,
    };
    return { explanation: await kb.explain(tenant(request), fault, { count: false }) };
  });

  app.get('/api/v1/knowledge-base/unknown-codes', {
    config: read,
    schema: {
      tags, summary: 'Codes stations sent that no entry explains, most frequent first',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()),
        vendor: Type.Optional(Type.String({ maxLength: 100 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(UnknownSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await kb.unknownCodes(tenant(request), request.query);
    return { items: page.items.map(unknownView), nextCursor: page.nextCursor };
  });
}
