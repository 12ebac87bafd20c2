// The public /pay pages hardened (issue 8): a Content-Security-Policy with a fresh nonce, nothing of
// one tenant on another's charger page, an unknown EVSE indistinguishable from an unknown station,
// the driver's status answer carrying nothing personal, per-IP rate limits on starting payments,
// and the operator's QR codes and label sheet for the chargers (tenant-scoped).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { connectors, payments, sites, stations, tenants } from '../../src/infra/db/schema.js';
import { payPage } from '../../src/modules/payments/pages.js';
import { ApiClient, startTestServer } from '../../src/testing/test-server.js';
import { createTenantWithKey } from '../../src/testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const tariff = (id: string, price: number) => ({ id, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price, step_size: 1 }] }] });

describe('/pay hardening: CSP, no data across tenants and EVSEs, rate limits, QR labels', () => {
  let server: Server;
  let b: ApiClient;

  before(async () => {
    server = await startTestServer({ payments: { terminal: 'simulated', publicRateLimit: { startsPerIp: 2, readsPerIp: 10_000, windowSeconds: 600 } } });
    b = new ApiClient(server.baseUrl, (await createTenantWithKey(server.db, 'pay-b')).apiKey);
    await server.db.update(tenants).set({ displayName: 'Volt A', primaryColor: '#0a7d4f' }).where(eq(tenants.id, 'default'));
    await server.db.update(tenants).set({ displayName: 'Bolt <script>alert(1)</script>', primaryColor: '#aa0000' }).where(eq(tenants.id, 'pay-b'));
    await server.db.insert(sites).values([
      { id: 'SITE-A', tenantId: 'default', name: 'A depot', country: 'DE', timeZone: 'Europe/Berlin' },
      { id: 'SITE-B', tenantId: 'pay-b', name: 'B depot', country: 'NL', timeZone: 'Europe/Amsterdam' },
    ]);
    await server.db.insert(stations).values([
      { id: 'PAY-A', tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0, siteId: 'SITE-A', displayName: 'A1' },
      { id: 'PAY-B', tenantId: 'pay-b', registrationStatus: 'Accepted', securityProfile: 0, siteId: 'SITE-B' },
    ]);
    await server.db.insert(connectors).values([
      { tenantId: 'default', stationId: 'PAY-A', evseId: 1, connectorId: 1 }, { tenantId: 'default', stationId: 'PAY-A', evseId: 2, connectorId: 1 },
      { tenantId: 'pay-b', stationId: 'PAY-B', evseId: 1, connectorId: 1 },
    ]);
    for (const [client, t] of [[server.api, tariff('A-PUBLIC', 0.41)], [b, tariff('B-PUBLIC', 0.77)]] as const) {
      const created = await client.request('POST', '/api/v1/tariffs', { name: t.id, tariff: t });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await client.request('POST', `/api/v1/tariffs/${created.body.id}/assignments`, { scope: 'tenant', customerGroup: 'public', validFrom: '2026-01-01T00:00:00Z' })).status, 201);
    }
  });
  after(async () => { await server?.stop(); });

  it('the pay page has a CSP with a fresh nonce that its only script and style carry; nothing else may run or frame it', async () => {
    const pages = await Promise.all([1, 2].map(() => fetch(`${server.baseUrl}/pay/PAY-A/1`)));
    const policies = pages.map((p) => p.headers.get('content-security-policy')!);
    for (const [i, page] of pages.entries()) {
      const html = await page.text();
      const nonce = /script-src 'nonce-([^']+)'/.exec(policies[i]!)![1]!;
      assert.match(policies[i]!, /default-src 'none'/);
      assert.match(policies[i]!, /frame-ancestors 'none'/);
      assert.match(policies[i]!, /form-action 'self'/);
      assert.equal([...html.matchAll(/<script nonce="([^"]+)">/g)].map((m) => m[1]).join(), nonce, 'one script, with the nonce');
      assert.equal([...html.matchAll(/<style nonce="([^"]+)">/g)].map((m) => m[1]).join(), nonce);
      assert.doesNotMatch(html, / style="/, 'no inline style attribute (the CSP refuses them)');
    }
    assert.notEqual(policies[0], policies[1], 'a nonce per response');
  });

  it('a tenant\'s colour cannot inject CSS or markup into the page; names are escaped', async () => {
    const html = payPage({
      brand: { name: '<img src=x onerror=alert(1)>', logo: 'javascript:alert(1)', primaryColor: 'red}</style><script>alert(2)</script>' },
      stationId: 'S<1>', evseId: 1, provider: null, nonce: 'n',
      offer: { currency: 'EUR', holdAmount: '50.00', found: { tariff: { tariff: tariff('X', 0.4), currency: 'EUR' }, vat: { rate: '19' } } },
    });
    assert.doesNotMatch(html, /<script>alert|<img src=x|javascript:/);
    assert.match(html, /header\{background:#1f2937;/, 'an invalid colour falls back to the default');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('each charger page shows its own tenant only; an unknown EVSE answers exactly as an unknown station', async () => {
    const a = await (await fetch(`${server.baseUrl}/pay/PAY-A/1`)).text();
    const bPage = await (await fetch(`${server.baseUrl}/pay/PAY-B/1`)).text();
    assert.match(a, /Volt A/);
    assert.match(a, /0\.4879 EUR per kWh/); // 0.41 + 19 % (DE)
    assert.doesNotMatch(a, /Bolt|0\.77|0\.9317/);
    assert.match(bPage, /Bolt &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(bPage, /0\.9317 EUR per kWh/); // 0.77 + 21 % (NL)
    assert.doesNotMatch(bPage, /Volt A|0\.41|0\.4879|A depot/);
    const unknownEvse = await fetch(`${server.baseUrl}/pay/PAY-A/9`);
    const unknownStation = await fetch(`${server.baseUrl}/pay/NO-SUCH/1`);
    const otherTenantsEvse = await fetch(`${server.baseUrl}/pay/PAY-B/2`);
    assert.deepEqual([unknownEvse.status, unknownStation.status, otherTenantsEvse.status], [404, 404, 404]);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    assert.deepEqual(strip(await unknownEvse.json() as Record<string, unknown>), strip(await unknownStation.json() as Record<string, unknown>));
  });

  it('the driver\'s status answer carries nothing personal; a made-up payment id is a 404', async () => {
    const id = randomUUID();
    await server.db.insert(payments).values({
      id, tenantId: 'pay-b', provider: 'terminal', providerRef: 'ref-secret', status: 'authorised', currency: 'EUR', amountAuthorised: '50', stationId: 'PAY-B', evseId: 1, token: 'PAYSECRETTOKEN', email: 'private@example.test',
    });
    const status = await (await fetch(`${server.baseUrl}/pay/payments/${id}/status`)).json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(status).sort(), ['cost', 'currency', 'energyKwh', 'failure', 'held', 'receiptUrl', 'session', 'status']);
    assert.doesNotMatch(JSON.stringify(status), /private@|PAYSECRET|ref-secret|pay-b/);
    const page = await (await fetch(`${server.baseUrl}/pay/payments/${id}`)).text();
    assert.doesNotMatch(page, /private@|PAYSECRET|ref-secret/);
    assert.equal((await fetch(`${server.baseUrl}/pay/payments/${randomUUID()}/status`)).status, 404);
    assert.equal((await fetch(`${server.baseUrl}/pay/payments/${randomUUID()}/receipt.pdf`)).status, 404);
    assert.equal((await server.api.request('GET', `/api/v1/payments/${id}`)).status, 404, 'tenant A\'s API does not see B\'s payment');
  });

  it('starting payments is rate-limited per IP (429 with Retry-After); reading pages is not held by it', async () => {
    const start = () => fetch(`${server.baseUrl}/pay/PAY-A/1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'r@example.test' }) });
    const first = await start();
    const second = await start();
    assert.notEqual(first.status, 429);
    assert.notEqual(second.status, 429);
    const third = await start();
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) > 0);
    assert.equal(((await third.json()) as { code: string }).code, 'rate_limited');
    assert.equal((await fetch(`${server.baseUrl}/pay/PAY-A/1`)).status, 200);
  });

  it('QR codes of the /pay page per EVSE (PNG, SVG) and a printable label sheet per site, for the own tenant only', async () => {
    const png = await fetch(`${server.baseUrl}/api/v1/stations/PAY-A/evses/2/pay-qr`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.match(png.headers.get('x-pay-url')!, /\/pay\/PAY-A\/2$/);
    assert.equal(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString(), 'PNG');
    const svg = await fetch(`${server.baseUrl}/api/v1/stations/PAY-A/evses/1/pay-qr?format=svg`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox/);
    assert.equal((await b.request('GET', '/api/v1/stations/PAY-A/evses/1/pay-qr')).status, 404, 'not another tenant\'s charger');
    assert.equal((await server.api.request('GET', '/api/v1/stations/PAY-A/evses/9/pay-qr')).status, 404);
    const sheet = await fetch(`${server.baseUrl}/api/v1/sites/SITE-A/pay-labels`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    const html = await sheet.text();
    assert.equal(sheet.status, 200);
    assert.equal([...html.matchAll(/<figure class="label"/g)].length, 2);
    assert.match(html, /\/pay\/PAY-A\/1</);
    assert.match(html, /\/pay\/PAY-A\/2</);
    assert.equal([...html.matchAll(/<svg /g)].length, 2);
    assert.equal((await b.request('GET', '/api/v1/sites/SITE-A/pay-labels')).status, 404);
  });
});
