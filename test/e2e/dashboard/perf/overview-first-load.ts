/**
 * Measures what docs/PERFORMANCE.md reports for the dashboard: the size of what the first page
 * load downloads, and the time from navigation to the overview's counts with 10,000 stations.
 *
 *   npx vite build web && flock /tmp/chargeops-bench.lock npx tsx test/e2e/dashboard/perf/overview-first-load.ts [--stations 10000] [--online 5000] [--sites 100] [--runs 5]
 *
 * Stations are inserted straight into the database (10,000 API calls would measure the API, not
 * the page), spread over `--sites` sites; `--online` of them are online with two connectors each
 * in mixed states. The overview reads everything from GET /api/v1/network-summary (aggregates).
 * Each run is a fresh browser context: nothing cached.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { startTestServer } from '../../../../src/testing/test-server.js';
import { launchBrowser } from '../browser.js';

const { values } = parseArgs({ options: {
  stations: { type: 'string', default: '10000' }, online: { type: 'string', default: '5000' }, sites: { type: 'string', default: '100' }, runs: { type: 'string', default: '5' },
} });
const STATIONS = Number(values.stations);
const ONLINE = Number(values.online);
const SITES = Number(values.sites);
const RUNS = Number(values.runs);

function bundleSizes(): { initial: { raw: number; gzip: number }; all: { raw: number; gzip: number }; files: string[] } {
  const dist = 'web/dist';
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialFiles = ['index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!)];
  const size = (files: string[]) => files.reduce((sum, file) => {
    const content = readFileSync(join(dist, file));
    return { raw: sum.raw + content.length, gzip: sum.gzip + gzipSync(content).length };
  }, { raw: 0, gzip: 0 });
  const allFiles = ['index.html', ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)].filter((f) => statSync(join(dist, f)).isFile());
  return { initial: size(initialFiles), all: size(allFiles), files: initialFiles };
}

/** Baseline, same server, same run: the one API call the overview makes, from Node without a browser. */
async function apiBaseline(baseUrl: string, apiKey: string): Promise<number> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}/api/v1/network-summary`, { headers: { authorization: `Bearer ${apiKey}` } });
  if (!response.ok) throw new Error(`network-summary: HTTP ${response.status}`);
  await response.json();
  return Date.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const STATES = ['Available', 'Available', 'Available', 'Occupied', 'Faulted', 'Unavailable'];

const server = await startTestServer();
try {
  await server.db.execute(sql`
    insert into sites (id, tenant_id, name, country, time_zone, latitude, longitude)
    select 'perf-site-' || g, 'default', 'Perf site ' || g, 'NL', 'Europe/Amsterdam', 50.8 + (g % 10) * 0.25, 3.4 + (g / 10) * 0.35
    from generate_series(1, ${SITES}) g`);
  await server.db.execute(sql`
    insert into stations (id, tenant_id, site_id, registration_status, security_profile, vendor, model, ocpp_version, online)
    select 'PERF-' || lpad(g::text, 5, '0'), 'default', 'perf-site-' || (1 + g % ${SITES}), 'Accepted', 0, 'Acme', 'Fast 22', 'ocpp1.6', g <= ${ONLINE}
    from generate_series(1, ${STATIONS}) g`);
  await server.db.execute(sql`
    insert into connector_status (tenant_id, station_id, evse_id, connector_id, occupancy, charging_state, raw_status, reported_at, received_at)
    select 'default', 'PERF-' || lpad(g::text, 5, '0'), e, 1,
      (array[${sql.raw(STATES.map((state) => `'${state}'`).join(','))}])[1 + (g + e) % ${STATES.length}],
      case when (g + e) % ${STATES.length} = 3 and g % 2 = 0 then 'Charging' else null end, 'x', now(), now()
    from generate_series(1, ${STATIONS}) g, generate_series(1, 2) e`);
  const browser = await launchBrowser();
  const results: Array<{ domContentLoaded: number; counts: number; apiSummary: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const apiSummary = await apiBaseline(server.baseUrl, server.api.apiKey);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((key) => sessionStorage.setItem('chargeops.apiKey', key), server.api.apiKey);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const started = Date.now();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('count-Offline').filter({ hasText: new RegExp(`^${STATIONS - ONLINE}$`) }).waitFor();
    await page.getByTestId('count-Available').filter({ hasNotText: '…' }).waitFor();
    const counts = Date.now() - started;
    const domContentLoaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    results.push({ domContentLoaded, counts, apiSummary });
    await context.close();
  }
  await browser.close();
  const sizes = bundleSizes();
  console.log(JSON.stringify({
    stations: STATIONS, online: ONLINE, sites: SITES, runs: RUNS,
    bundle: { initialRaw: kb(sizes.initial.raw), initialGzip: kb(sizes.initial.gzip), allRaw: kb(sizes.all.raw), allGzip: kb(sizes.all.gzip), initialFiles: sizes.files },
    medianMs: {
      domContentLoaded: Math.round(median(results.map((r) => r.domContentLoaded))), countsShown: median(results.map((r) => r.counts)),
      baselineApiSummary: median(results.map((r) => r.apiSummary)),
    },
    loadAverage: loadavg().map((l) => l.toFixed(1)),
    runsMs: results,
  }, null, 2));
} finally {
  await server.stop();
}
