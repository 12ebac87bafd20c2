// Result figures, targets and markdown of the steady and latency scenarios.
import type { DatabaseKind } from './databases.js';
import type { TargetCheck } from './report.js';
import type { LatencyMeasurements } from './scenarios/latency.js';
import { SESSION_TARGETS, type MeasuredStep } from './scenarios/session-load.js';
import type { SteadyMeasurements } from './scenarios/steady.js';
import { round } from './stats.js';

const ratio = (a: number, b: number) => round(a / Math.max(1, b), 3);

export function steadyRatios(m: SteadyMeasurements) {
  const best = m.best?.messagesPerSecond ?? 0;
  const most = Math.max(0, ...m.steps.map((step) => step.messagesPerSecond));
  return {
    bestVsBareWs: ratio(best, m.bareWs.messagesPerSecond),
    mostAnsweredVsBareWs: ratio(most, m.bareWs.messagesPerSecond),
    /** Messages/s against meter-value rows/s the database takes alone (a message writes 2-4 rows). */
    bestVsStorageCeilingRows: ratio(best, m.storageCeiling.rowsPerSecond),
  };
}

export function steadyTargets(m: SteadyMeasurements, db: DatabaseKind): TargetCheck[] {
  const best = m.best;
  const share = SESSION_TARGETS.steadyShareOfBareWs;
  const needed = round(m.bareWs.messagesPerSecond * share, 0);
  const checks: TargetCheck[] = [{
    criterion: `persisted msg/s at p99 < ${SESSION_TARGETS.steadyP99Ms} ms vs bare ws in the same run`,
    target: `>= ${share * 100} % of ${m.bareWs.messagesPerSecond} = ${needed}`,
    measured: best ? `${best.messagesPerSecond} (${(steadyRatios(m).bestVsBareWs * 100).toFixed(1)} %, p99 ${best.latencyMs.p99} ms, ${best.activeStations} stations)` : 'no step met the p99 bar',
    met: best !== null && best.messagesPerSecond >= needed,
  }];
  if (db === 'postgres') {
    checks.push({
      criterion: 'persisted msg/s on PostgreSQL (absolute, this machine)', target: `>= ${SESSION_TARGETS.steadyPostgresMessagesPerSecond}`,
      measured: String(best?.messagesPerSecond ?? 0), met: (best?.messagesPerSecond ?? 0) >= SESSION_TARGETS.steadyPostgresMessagesPerSecond,
    });
  }
  const errors = m.steps.reduce((sum, step) => sum + step.errors + step.notAccepted, 0);
  checks.push({ criterion: 'errors, timeouts, tokens not accepted (all steps)', target: '0', measured: String(errors), met: errors === 0 });
  return checks;
}

export function latencyTargets(m: LatencyMeasurements): TargetCheck[] {
  const c = m.chargeops;
  const authorize = c.byAction['Authorize'];
  return [
    { criterion: `p99, all messages, at ${m.offeredPerSecond} CALLs/s offered`, target: `< ${SESSION_TARGETS.latencyP99Ms} ms`, measured: `${c.latencyMs.p99} ms`, met: c.latencyMs.p99 < SESSION_TARGETS.latencyP99Ms },
    { criterion: 'Authorize p99', target: `< ${SESSION_TARGETS.authorizeP99Ms} ms`, measured: authorize ? `${authorize.p99} ms` : 'none sent', met: authorize !== undefined && authorize.p99 < SESSION_TARGETS.authorizeP99Ms },
    { criterion: 'offered load answered', target: `${m.offeredPerSecond} msg/s`, measured: `${c.messagesPerSecond} msg/s`, met: c.messagesPerSecond >= m.offeredPerSecond * 0.97 },
    { criterion: 'errors, timeouts, tokens not accepted', target: '0', measured: String(c.errors + c.notAccepted), met: c.errors + c.notAccepted === 0 },
  ];
}

const stepRow = (name: string, s: MeasuredStep, ceiling: number) =>
  `| ${name} | ${s.activeStations} | ${s.offeredPerSecond ?? 'closed'} | ${s.messagesPerSecond} | ${round(s.messagesPerSecond / Math.max(1, ceiling), 2)}x | `
  + `${s.latencyMs.p50} / ${s.latencyMs.p95} / ${s.latencyMs.p99} / ${s.latencyMs.max} | ${s.errors} / ${s.timeouts} / ${s.notAccepted} | `
  + `${s.serverCpuSeconds} | ${s.postgresCpuSeconds} | ${s.loadgenCpuSeconds} | ${(s.machineBusyShare * 100).toFixed(0)} % |`;

const STEP_HEADER = [
  '| server | active stations | offered/s | answered msg/s | vs bare ws | p50 / p95 / p99 / max (ms) | errors / timeouts / not accepted | server CPU (s) | PostgreSQL CPU (s) | load gen CPU (s) | machine busy |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];

export function actionsMarkdown(step: MeasuredStep): string {
  return [
    '| action | msg/s | p50 / p95 / p99 / max (ms) | errors | not accepted |',
    '|---|---|---|---|---|',
    ...Object.entries(step.byAction).map(([label, a]) => `| ${label} | ${a.perSecond} | ${a.p50} / ${a.p95} / ${a.p99} / ${a.max} | ${a.errors} | ${a.notAccepted} |`),
  ].join('\n');
}

export function steadyMarkdown(m: SteadyMeasurements, db: DatabaseKind): string {
  const ceiling = m.bareWs.messagesPerSecond;
  const s = m.storageCeiling;
  return [
    `Storage ceiling (${db}, ${s.inFlight} batch(es) of ${s.batchRows} rows in flight): ${s.rowsPerSecond} rows/s, ${s.batchesPerSecond} commits/s, `
      + `commit p50 / p99 ${s.commitMs.p50} / ${s.commitMs.p99} ms, PostgreSQL CPU ${s.postgresCpuSeconds} s, machine ${(s.machineBusyShare * 100).toFixed(0)} % busy`,
    '',
    ...STEP_HEADER,
    stepRow('bare ws (ceiling)', m.bareWs, ceiling),
    ...m.steps.map((step) => stepRow(`ChargeOps ${db}${step === m.best ? ' (best)' : ''}`, step, ceiling)),
    '',
    m.best ? `Per action at the best step (${m.best.activeStations} stations):\n\n${actionsMarkdown(m.best)}` : '',
  ].join('\n');
}

export function latencyMarkdown(m: LatencyMeasurements, db: DatabaseKind): string {
  const ceiling = m.bareWs.messagesPerSecond;
  return [
    m.steadyMaximum === null ? `Offered load given: ${m.offeredPerSecond}/s` : `Steady maximum found in this run: ${m.steadyMaximum} msg/s -> offered ${m.offeredPerSecond}/s`,
    '',
    ...STEP_HEADER,
    ...m.search.map((step) => stepRow(`ChargeOps ${db}, search`, step, ceiling)),
    stepRow('bare ws, same offered load', m.bareWs, ceiling),
    stepRow(`ChargeOps ${db}, open loop`, m.chargeops, ceiling),
    '',
    `Per action, ChargeOps open loop:\n\n${actionsMarkdown(m.chargeops)}`,
  ].join('\n');
}
