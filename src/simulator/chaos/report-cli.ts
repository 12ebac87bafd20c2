// `chargeops chaos report`: reads what a chaos run injected (the --chaos-record file of
// `chargeops simulate`) and what a running ChargeOps made of it (REST API), and prints the report.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, renderReport, type ReportFigures, type ReportIncident, type ReportRun, type ReportWorkOrder } from './report.js';
import type { InjectionRecord } from './scenario.js';

const USAGE = `Usage: chargeops chaos report --record FILE --from ISO [--to ISO] [--url http://localhost:8180] [--api-key KEY]
  --record FILE   the JSON lines written by chargeops simulate --chaos ... --chaos-record FILE
  --from, --to    the period of the uptime and success-rate figures (default --to: now)
  --api-key KEY   an API key with health:read (default: CHARGEOPS_API_KEY)
Prints Markdown: per fault detected (latency), explained (knowledge base), auto-fixed or work order;
per fault class; then the network's uptime (NEVI) and charge success rate for the period.`;

type Page<T> = { items: T[]; nextCursor: string | null };

export async function runChaosCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'report') {
    console.log(USAGE);
    if (sub !== undefined && sub !== '--help' && sub !== '-h') process.exitCode = 2;
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: { record: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, url: { type: 'string', default: 'http://localhost:8180' }, 'api-key': { type: 'string' } },
    strict: true,
  });
  const apiKey = values['api-key'] ?? process.env['CHARGEOPS_API_KEY'];
  if (!values.record || !values.from || !apiKey) throw new Error(`--record, --from and an API key are needed\n\n${USAGE}`);
  const base = values.url.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const all = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Page<T> = await get<Page<T>>(`${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const records = readFileSync(values.record, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as InjectionRecord);
  const to = values.to ?? new Date().toISOString();
  const [incidents, runs, workOrders, stations, reliability] = await Promise.all([
    all<ReportIncident>('/api/v1/incidents'),
    all<ReportRun>('/api/v1/playbooks/runs'),
    all<ReportWorkOrder>('/api/v1/work-orders'),
    all<{ id: string }>('/api/v1/stations'),
    get<{ figures: ReportFigures }>(`/api/v1/reliability?scope=network&from=${encodeURIComponent(values.from)}&to=${encodeURIComponent(to)}`),
  ]);
  const report = buildReport({ records, incidents, runs, workOrders, stationIds: stations.map((s) => s.id) });
  console.log(renderReport(report, reliability.figures, { from: values.from, to }));
}
