// The operator's QR codes for the /pay labels: one EVSE's code as PNG or SVG (stations:read,
// derived from the path), and a printable sheet of every EVSE of a site (sites:read).
import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import type { Brand } from './pages.js';
import { labelSheet, payUrl, qrPng, qrSvg } from './pay-labels.js';
import type { PaymentService } from './service.js';

export function registerPayLabelRoutes(app: ApiApp, deps: { payments: PaymentService; defaultTenant: string; publicUrl: () => string; brand: (tenantId: string) => Promise<Brand> }): void {
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  app.get('/api/v1/stations/:id/evses/:evseId/pay-qr', {
    schema: {
      tags: ['payments'], summary: 'QR code of the EVSE\'s ad-hoc payment page (/pay/{stationId}/{evseId}) for its label',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), evseId: Type.Integer({ minimum: 1, maximum: 999 }) }),
      querystring: Type.Object({ format: Type.Union([Type.Literal('png'), Type.Literal('svg')], { default: 'png' }), size: Type.Integer({ minimum: 64, maximum: 2048, default: 512 }) }),
      produces: ['image/png', 'image/svg+xml'],
    },
  }, async (request, reply) => {
    const { id, evseId } = request.params;
    if (!(await deps.payments.evsesOf(tenant(request), id)).includes(evseId)) throw new ApiError('station_not_found', `no EVSE ${evseId} at station ${id}`);
    const url = payUrl(deps.publicUrl(), id, evseId);
    reply.header('x-pay-url', url);
    if (request.query.format === 'svg') return reply.type('image/svg+xml').send(await qrSvg(url));
    return reply.type('image/png').send(await qrPng(url, request.query.size));
  });
  app.get('/api/v1/sites/:id/pay-labels', {
    schema: { tags: ['payments'], summary: 'A printable sheet of /pay QR labels, one per EVSE of the site (HTML)', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }), produces: ['text/html'] },
  }, async (request, reply) => {
    const tenantId = tenant(request);
    const { site, evses } = await deps.payments.siteEvses(tenantId, request.params.id);
    const sheet = await labelSheet({ siteName: site.name, brandName: (await deps.brand(tenantId)).name, publicUrl: deps.publicUrl(), evses });
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:").send(sheet);
  });
}
