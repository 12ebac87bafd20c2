// Turning measurements into the result file and the markdown summary.
import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import type { DatabaseKind } from './databases.js';
import { readOpenFileLimit } from './proc.js';
import type { IdleMeasurements } from './scenarios/idle.js';
import type { MeasuredRound, StormMeasurements } from './scenarios/storm.js';
import { TARGETS } from './settings.js';
import { round } from './stats.js';

export type TargetCheck = { criterion: string; target: string; measured: string; met: boolean };

/** The commit measured, and whether the working tree had changes on top of it. */
export function describeSource(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}

export function describeMachine() {
  const cpuList = cpus();
  const limit = readOpenFileLimit();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    kernel: release(),
    node: process.version,
    openFileLimit: { soft: limit.soft, hard: limit.hard },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function stormTargets(m: StormMeasurements, db: DatabaseKind): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [label, r] of [['reconnect', m.reconnect], ['first contact', m.firstContact]] as Array<[string, MeasuredRound]>) {
    const limitS = TARGETS.stormSeconds[db];
    checks.push({ criterion: `${label}: all accepted within ${limitS} s`, target: `${r.stations} in <= ${limitS} s`, measured: `${r.accepted} in ${seconds(r.durationMs)}`, met: r.accepted === r.stations && r.durationMs <= limitS * 1000 });
    if (db === 'postgres') {
      checks.push({ criterion: `${label}: boots/s`, target: `>= ${TARGETS.stormBootsPerSecondPostgres}`, measured: String(r.bootsPerSecond), met: r.bootsPerSecond >= TARGETS.stormBootsPerSecondPostgres });
    }
    checks.push({ criterion: `${label}: boot latency p99`, target: `< ${TARGETS.stormP99Ms} ms`, measured: `${r.bootLatencyMs.p99} ms`, met: r.bootLatencyMs.p99 < TARGETS.stormP99Ms });
    const failures = r.errors + r.timeouts + r.notAccepted;
    checks.push({ criterion: `${label}: errors, timeouts, not accepted`, target: '0', measured: `${r.errors} / ${r.timeouts} / ${r.notAccepted}`, met: failures === 0 });
  }
  return checks;
}

export function stormRatios(m: StormMeasurements) {
  const ratio = (r: MeasuredRound) => round(r.bootsPerSecond / Math.max(1, m.baseline.bootsPerSecond), 3);
  return { reconnectBootsPerSecondVsBareWs: ratio(m.reconnect), firstContactBootsPerSecondVsBareWs: ratio(m.firstContact) };
}

export function idleTargets(m: IdleMeasurements): TargetCheck[] {
  const ratio = idleRatio(m);
  return [
    { criterion: 'JS heap per station vs bare-ws floor (for reference)', target: `<= ${TARGETS.idleRssRatio}x`, measured: `${idleHeapRatio(m)}x (${m.chargeops.heapPerStationKiB} vs ${m.baseline.heapPerStationKiB} KiB)`, met: idleHeapRatio(m) <= TARGETS.idleRssRatio },
    { criterion: 'RSS per station vs bare-ws floor', target: `<= ${TARGETS.idleRssRatio}x`, measured: `${ratio}x (${m.chargeops.rssPerStationKiB} vs ${m.baseline.rssPerStationKiB} KiB)`, met: ratio <= TARGETS.idleRssRatio },
    { criterion: 'stations held by one server process', target: `>= ${TARGETS.idleStations}`, measured: String(m.chargeops.connect.accepted), met: m.chargeops.connect.accepted >= TARGETS.idleStations },
  ];
}

export const idleRatio = (m: IdleMeasurements) => round(m.chargeops.rssPerStationKiB / Math.max(0.1, m.baseline.rssPerStationKiB), 2);
export const idleHeapRatio = (m: IdleMeasurements) => round(m.chargeops.heapPerStationKiB / Math.max(0.1, m.baseline.heapPerStationKiB), 2);

export function stormMarkdown(m: StormMeasurements, db: DatabaseKind): string {
  const row = (name: string, r: MeasuredRound) => {
    const vs = round(r.bootsPerSecond / Math.max(1, m.baseline.bootsPerSecond), 2);
    const b = r.bootLatencyMs;
    return `| ${name} | ${r.stations} | ${r.accepted} | ${r.errors} / ${r.timeouts} / ${r.notAccepted} | ${r.stationsPending ?? 0} | ${seconds(r.durationMs)} | ${r.bootsPerSecond} | ${vs}x | ${b.p50} / ${b.p95} / ${b.p99} | ${r.stationLatencyMs.p99} | ${r.serverCpuSeconds} | ${r.serverRssAfterMiB} |`;
  };
  return [
    '| server | stations | accepted | errors / timeouts / not accepted | answered Pending first (retried) | time to all accepted | boots/s | vs bare ws | boot latency p50 / p95 / p99 (ms) | station p99 (ms) | server CPU (s) | server RSS after (MiB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    row('bare ws (baseline)', m.baseline),
    row(`ChargeOps ${db}, first contact`, m.firstContact),
    row(`ChargeOps ${db}, reconnect`, m.reconnect),
  ].join('\n');
}

export function idleMarkdown(m: IdleMeasurements, db: DatabaseKind): string {
  const row = (name: string, x: IdleMeasurements['baseline'], ratio: string) =>
    `| ${name} | ${x.connect.accepted} / ${x.connect.stations} | ${x.rssBeforeMiB} -> ${x.rssMiddleMiB} -> ${x.rssAfterMiB} | ${x.rssPerStationKiB} | ${x.heapPerStationKiB} | ${ratio} | ${(x.idleCpuShare * 100).toFixed(1)} % |`;
  return [
    '| server | stations connected | RSS before -> half -> all (MiB) | RSS per station, 2nd half (KiB) | JS heap per station, 2nd half (KiB) | RSS vs floor | CPU while idle |',
    '|---|---|---|---|---|---|---|',
    row('bare ws (floor)', m.baseline, '1x'),
    row(`ChargeOps ${db}`, m.chargeops, `${idleRatio(m)}x`),
  ].join('\n');
}

export function targetsMarkdown(checks: TargetCheck[]): string {
  return [
    '| criterion | target | measured | met |',
    '|---|---|---|---|',
    ...checks.map((c) => `| ${c.criterion} | ${c.target} | ${c.measured} | ${c.met ? 'yes' : 'NO'} |`),
  ].join('\n');
}
