/**
 * Measures what docs/PERFORMANCE.md reports for the dashboard: the size of what the first page
 * load downloads, and the time from navigation to the overview's counts with 10,000 stations.
 *
 *   npm run build && flock /tmp/chargeops-bench.lock npx tsx test/e2e/dashboard/perf/overview-first-load.ts [--stations 10000] [--online 200] [--runs 5]
 *
 * Stations are inserted straight into the database (10,000 API calls would measure the API, not
 * the page). `--online` of them are marked online so the overview also reads their connector
 * statuses (one detail request each). Each run is a fresh browser context: nothing cached.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { startTestServer } from '../../../../src/testing/test-server.js';
import { launchBrowser } from '../browser.js';

const { values } = parseArgs({ options: { stations: { type: 'string', default: '10000' }, online: { type: 'string', default: '200' }, runs: { type: 'string', default: '5' } } });
const STATIONS = Number(values.stations);
const ONLINE = Number(values.online);
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

/**
 * Baseline, same server, same run: the API calls the overview makes, from Node without a browser
 * (every station page of 500, then one detail per online station, 6 at a time).
 */
async function apiBaseline(baseUrl: string, apiKey: string): Promise<{ list: number; details: number }> {
  const get = async (path: string) => {
    const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json() as Promise<{ items: Array<{ id: string; online: boolean }>; nextCursor: string | null }>;
  };
  const started = Date.now();
  const online: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await get(`/api/v1/stations?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    online.push(...page.items.filter((s) => s.online).map((s) => s.id));
    cursor = page.nextCursor;
  } while (cursor);
  const list = Date.now() - started;
  let next = 0;
  await Promise.all(Array.from({ length: 6 }, async () => { while (next < online.length) await get(`/api/v1/stations/${online[next++]}`); }));
  return { list, details: Date.now() - started - list };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const server = await startTestServer();
try {
  await server.db.execute(sql`
    insert into stations (id, tenant_id, registration_status, security_profile, vendor, model, ocpp_version, online)
    select 'PERF-' || lpad(g::text, 5, '0'), 'default', 'Accepted', 0, 'Acme', 'Fast 22', 'ocpp1.6', g <= ${ONLINE}
    from generate_series(1, ${STATIONS}) g`);
  const browser = await launchBrowser();
  const results: Array<{ domContentLoaded: number; counts: number; connectorCounts: number; apiList: number; apiDetails: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const baseline = await apiBaseline(server.baseUrl, server.api.apiKey);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((key) => sessionStorage.setItem('chargeops.apiKey', key), server.api.apiKey);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const started = Date.now();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('count-Offline').filter({ hasText: new RegExp(`^${STATIONS - ONLINE}$`) }).waitFor();
    const counts = Date.now() - started;
    await page.getByTestId('count-Available').filter({ hasNotText: '…' }).waitFor();
    const connectorCounts = Date.now() - started;
    const domContentLoaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    results.push({ domContentLoaded, counts, connectorCounts, apiList: baseline.list, apiDetails: baseline.details });
    await context.close();
  }
  await browser.close();
  const sizes = bundleSizes();
  console.log(JSON.stringify({
    stations: STATIONS, online: ONLINE, runs: RUNS,
    bundle: { initialRaw: kb(sizes.initial.raw), initialGzip: kb(sizes.initial.gzip), allRaw: kb(sizes.all.raw), allGzip: kb(sizes.all.gzip), initialFiles: sizes.files },
    medianMs: {
      domContentLoaded: Math.round(median(results.map((r) => r.domContentLoaded))), countsShown: median(results.map((r) => r.counts)), connectorCountsShown: median(results.map((r) => r.connectorCounts)),
      baselineApiList: median(results.map((r) => r.apiList)), baselineApiDetails: median(results.map((r) => r.apiDetails)),
    },
    loadAverage: loadavg().map((l) => l.toFixed(1)),
    runsMs: results,
  }, null, 2));
} finally {
  await server.stop();
}
