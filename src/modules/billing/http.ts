// REST API of CDRs: list, one CDR (OCPI object plus the full pricing explanation), credit.
import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { CdrService } from './cdr-service.js';
import type { CdrRow } from './cdr-store.js';
import { Decimal } from '../tariffs/pricing/money.js';
import { currencyRules } from '../tariffs/tax/currencies.js';

const Amount = Type.String({ pattern: '^\\d+(\\.\\d+)?$' });
/** Amounts in the currency's minor units ("7.90"), as on an invoice. */
const money = (value: string | null, currency: string) => (value === null ? null : new Decimal(value).toFixed(currencyRules(currency).minorUnits));
const toView = (row: CdrRow) => ({
  id: row.id, kind: row.kind, sessionId: row.sessionId, stationId: row.stationId, evseId: row.evseId,
  creditsCdrId: row.creditsCdrId, reason: row.reason, currency: row.currency,
  totalExclVat: money(row.totalExclVat, row.currency), totalInclVat: money(row.totalInclVat, row.currency), energyKwh: new Decimal(row.energyKwh).toFixed(),
  startedAt: row.startedAt.toISOString(), endedAt: row.endedAt.toISOString(), createdAt: row.createdAt.toISOString(),
  cdr: row.cdr,
});

export function registerCdrRoutes(app: ApiApp, deps: { cdrs: CdrService; defaultTenant: string }): void {
  const { cdrs } = deps;
  const tags = ['cdrs'];
  const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  // CDRs are finance data; /cdrs is not among the derived resource paths, so each route declares it.
  app.get('/api/v1/cdrs', {
    config: { permission: 'finance:read' },
    schema: {
      tags, summary: 'Charge detail records, newest first',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()), sessionId: Type.Optional(Type.String()) }),
    },
  }, async (request) => {
    const page = await cdrs.list(tenantOf(request, deps.defaultTenant), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/cdrs/:id', { config: { permission: 'finance:read' }, schema: { tags, summary: 'A CDR with the pricing explanation of every line', params: Id } },
    async (request) => {
      const row = await cdrs.get(tenantOf(request, deps.defaultTenant), request.params.id);
      return { ...toView(row), pricing: row.pricing };
    });

  app.post('/api/v1/cdrs/:id/credit', {
    config: { permission: 'finance:write' },
    schema: {
      tags, summary: 'Issue a credit CDR against a CDR (the whole remaining amount unless an amount is given); the CDR itself never changes',
      params: Id,
      body: Type.Object({
        reason: Type.String({ minLength: 1, maxLength: 500 }),
        amount: Type.Optional(Type.Object({ exclVat: Amount, inclVat: Type.Optional(Amount) }, { additionalProperties: false })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(toView(await cdrs.credit(tenantOf(request, deps.defaultTenant), request.params.id, request.body))));
}
