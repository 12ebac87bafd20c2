import type { ApiApp } from './http-server.js';

/**
 * What `/` shows until the dashboard (web/) is built into the server: where the API, its
 * documentation and the OCPP endpoint are. The dashboard replaces this route when it lands.
 */
export function registerLandingPage(app: ApiApp, version: string): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const host = request.headers.host ?? 'localhost';
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ChargeOps</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2733}
code{background:#eef2f6;padding:.1rem .3rem;border-radius:.2rem}</style></head>
<body><h1>ChargeOps ${escapeHtml(version)}</h1>
<p>The CSMS is running. The operator dashboard is not part of this build yet.</p>
<ul>
<li>REST API documentation: <a href="/api/docs">/api/docs</a></li>
<li>OCPP endpoint for chargers: <code>ws://${escapeHtml(host)}/ocpp/&lt;stationId&gt;</code> (ocpp1.6, ocpp2.0.1, ocpp2.1)</li>
<li>Health: <a href="/health">/health</a>, readiness: <a href="/ready">/ready</a></li>
</ul></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
