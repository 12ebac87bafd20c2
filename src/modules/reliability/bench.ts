// Reliability computation bench (issue 6): the in-memory part of GET /api/v1/reliability for a
// network of N stations x 2 ports over a month, from a seeded synthetic history (drops, faults,
// sessions, a maintenance window a week, nightly closed hours). The database reads are one query
// per input kind (store.ts) and are not in this figure.
//   node --import tsx src/modules/reliability/bench.ts [stations=10000] [days=30]
import { seededRandom } from '../../simulator/charging-model.js';
import { aggregate, computePortRows, rankFaultProne, type StationInput } from './domain/figures.js';
import { closedSpans } from './domain/opening-hours.js';
import type { SessionFact } from './domain/success-rate.js';

const stationsCount = Number(process.argv[2] ?? 10_000);
const days = Number(process.argv[3] ?? 30);
const from = Date.UTC(2026, 2, 1);
const to = from + days * 86_400_000;
const random = seededRandom(6);
const at = () => from + Math.floor(random() * (to - from));

const closed = closedSpans({ regular: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, begin: '06:00', end: '23:00' })) }, 'Europe/Amsterdam', from, to);
const stations: StationInput[] = [];
const sessions: SessionFact[] = [];
let statusRows = 0;
for (let i = 0; i < stationsCount; i++) {
  const stationId = `BENCH-${String(i).padStart(5, '0')}`;
  const connections: Array<{ at: number; kind: 'connected' | 'disconnected' }> = [{ at: from - 86_400_000, kind: 'connected' }];
  for (let d = 0; d < 3; d++) {
    const down = at();
    connections.push({ at: down, kind: 'disconnected' }, { at: down + Math.floor(random() * 3_600_000), kind: 'connected' });
  }
  connections.sort((a, b) => a.at - b.at);
  const statuses = [];
  for (const evseId of [1, 2]) {
    statuses.push({ at: from - 1000, evseId, connectorId: 1, occupancy: 'Available' });
    for (let s = 0; s < 60; s++) {
      const start = at();
      const minutes = 20 + Math.floor(random() * 70);
      statuses.push({ at: start, evseId, connectorId: 1, occupancy: 'Occupied' }, { at: start + minutes * 60_000, evseId, connectorId: 1, occupancy: 'Available' });
      sessions.push({ stationId, evseId, startedAt: start, endedAt: start + minutes * 60_000, energyWh: random() < 0.95 ? String(1000 + Math.floor(random() * 40_000)) : '0', authorizationStatus: 'Accepted' });
    }
    for (let f = 0; f < 2; f++) {
      const start = at();
      statuses.push({ at: start, evseId, connectorId: 1, occupancy: 'Faulted' }, { at: start + Math.floor(random() * 7_200_000), evseId, connectorId: 1, occupancy: 'Available' });
    }
  }
  statuses.sort((a, b) => a.at - b.at);
  statusRows += statuses.length;
  const maintenance = Array.from({ length: Math.ceil(days / 7) }, (_, w) => ({ start: from + w * 7 * 86_400_000, end: from + w * 7 * 86_400_000 + 3_600_000, cause: 'maintenance' as const, evseId: null }));
  stations.push({
    stationId, siteId: `SITE-${i % 500}`, vendor: 'Bench', model: `M${i % 7}`, ports: [1, 2], commissionedAt: from - 86_400_000, connections, statuses,
    excluded: [...maintenance, ...closed.map((c) => ({ ...c, cause: 'outside-operating-hours' as const, evseId: null }))],
  });
}

const times: number[] = [];
let uptime: number | null = null;
for (let run = 0; run < 5; run++) {
  const started = process.hrtime.bigint();
  const rows = computePortRows({ start: from, end: to }, stations, sessions);
  const figures = aggregate(rows, { start: from, end: to }, null);
  rankFaultProne(rows, 20);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  uptime = figures.uptimePercent;
}
times.sort((a, b) => a - b);
const [load1, load5] = (await import('node:os')).loadavg();
console.log(JSON.stringify({
  stations: stationsCount, ports: stationsCount * 2, days, statusChanges: statusRows, sessions: sessions.length,
  computeMs: { min: Math.round(times[0]!), median: Math.round(times[2]!), max: Math.round(times[4]!) }, uptimePercent: uptime,
  loadAverage: [load1!.toFixed(2), load5!.toFixed(2)],
}));
