import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import {
  CreateWebhookBody, CreatedWebhookSchema, DeliverySchema, SIGNATURE_DOCS, UpdateWebhookBody, WebhookSchema, toDeliveryView, toWebhookView,
} from './http-schemas.js';
import type { WebhookService } from './service.js';
import { WEBHOOK_SORT } from './subscription-store.js';
import { sortParameter } from '../../api/sorting.js';
import { Nullable } from '../../api/schema-helpers.js';

const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DeliveryParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), deliveryId: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) });
const PageQuery = { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()) };
const Page = <T extends import('@sinclair/typebox').TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export function registerWebhookRoutes(app: ApiApp, deps: { webhooks: WebhookService; defaultTenant: string }): void {
  const { webhooks } = deps;
  const tags = ['webhooks'];

  app.post('/api/v1/webhooks', {
    schema: {
      tags, summary: 'Subscribe an endpoint to events (the signing secret is in this response only)', description: SIGNATURE_DOCS,
      body: CreateWebhookBody, response: { 201: CreatedWebhookSchema },
    },
  }, async (request, reply) => {
    const created = await webhooks.create(tenantOf(request, deps.defaultTenant), request.body);
    return reply.code(201).send({ ...toWebhookView(created), secret: created.secret });
  });

  app.get('/api/v1/webhooks', {
    schema: { tags, summary: 'Webhook subscriptions', querystring: Type.Object({ ...PageQuery, sort: sortParameter(WEBHOOK_SORT) }), response: { 200: Page(WebhookSchema) } },
  }, async (request) => {
    const page = await webhooks.list(tenantOf(request, deps.defaultTenant), request.query);
    return { items: page.items.map(toWebhookView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'A webhook subscription', params: WebhookParams, response: { 200: WebhookSchema } },
  }, async (request) => toWebhookView(await webhooks.get(tenantOf(request, deps.defaultTenant), request.params.id)));

  app.patch('/api/v1/webhooks/:id', {
    schema: {
      tags, summary: 'Change a webhook: URL, event types, description; enable or disable it',
      params: WebhookParams, body: UpdateWebhookBody, response: { 200: WebhookSchema },
    },
  }, async (request) => toWebhookView(await webhooks.update(tenantOf(request, deps.defaultTenant), request.params.id, request.body)));

  app.delete('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Remove a webhook and its delivery log', params: WebhookParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await webhooks.remove(tenantOf(request, deps.defaultTenant), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/webhooks/:id/deliveries', {
    schema: {
      tags, summary: 'Delivery log of a webhook (newest first): status, attempts, answers, errors', params: WebhookParams,
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')])) }),
      response: { 200: Page(DeliverySchema) },
    },
  }, async (request) => {
    const page = await webhooks.listDeliveries(tenantOf(request, deps.defaultTenant), request.params.id, request.query);
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver', {
    schema: {
      tags, summary: 'Send a delivery again now, whatever its status (a delivery whose attempts were used up gets one more)', params: DeliveryParams, response: { 202: DeliverySchema },
    },
  }, async (request, reply) => {
    const delivery = await webhooks.redeliver(tenantOf(request, deps.defaultTenant), request.params.id, BigInt(request.params.deliveryId));
    return reply.code(202).send(toDeliveryView(delivery));
  });
}
