// `chargeops bench allocate`: the load-balancing recomputation for one site with 1,000 active
// EVSEs (design/PERFORMANCE.md: < 10 ms). Runs in this process, no server: the allocator is a pure
// function. Each recomputation gets fresh measured draws (as after a round of meter values), and
// the baseline, the trivial equal split (connection cap / number of sessions, capped at each EVSE
// maximum, no phases, no tree, no provenance), is timed in the same run on the same inputs.
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { allocateSiteLimits } from '../../modules/smart-charging/allocator/allocate.js';
import { applyMinimumChange } from '../../modules/smart-charging/allocator/hysteresis.js';
import { seededRandom } from '../../modules/smart-charging/allocator/random-site.js';
import type { AllocationInput, CircuitSpec, EvseSpec, PhaseRotation, SessionInput, Strategy } from '../../modules/smart-charging/allocator/types.js';
import { findOverloads } from '../../modules/smart-charging/allocator/verify.js';
import { summarizeLatencies, type LatencySummary } from '../stats.js';

export type AllocateSettings = { evses: number; iterations: number; warmup: number; seed: number };

export type AllocateMeasurements = {
  site: { evses: number; circuits: number; sessions: number; constraints: number };
  strategies: {
    strategy: Strategy; allocatorMs: LatencySummary; minimumChangeMs: LatencySummary; baselineMs: LatencySummary; p50VsBaseline: number; overloads: number;
    /** The GC tail: pauses during the measured recomputations, and the allocator's p99 without and with one. */
    gc: GcTail;
  }[];
};

export type GcTail = { pauses: number; pauseMs: number; maxPauseMs: number; runsWithPause: number; p99WithoutPauseMs: number | null; p99WithPauseMs: number | null };

/** Correlates the GC pauses V8 reported with the timed allocator calls they fell into. */
function gcTail(pauses: readonly PerformanceEntry[], calls: readonly { start: number; ms: number }[]): GcTail {
  const hit = calls.map((c) => pauses.some((g) => g.startTime < c.start + c.ms && g.startTime + g.duration > c.start));
  const inCalls = pauses.filter((g) => calls.some((c) => g.startTime < c.start + c.ms && g.startTime + g.duration > c.start));
  const p99 = (xs: number[]) => (xs.length === 0 ? null : summarizeLatencies(xs.map(ms3)).p99);
  return {
    pauses: inCalls.length, pauseMs: ms3(inCalls.reduce((sum, g) => sum + g.duration, 0)), maxPauseMs: ms3(Math.max(0, ...inCalls.map((g) => g.duration))),
    runsWithPause: hit.filter(Boolean).length, p99WithoutPauseMs: p99(calls.filter((_, i) => !hit[i]).map((c) => c.ms)), p99WithPauseMs: p99(calls.filter((_, i) => hit[i]).map((c) => c.ms)),
  };
}

const ROTATIONS: PhaseRotation[] = ['RST', 'STR', 'TRS'];

/** Grid connection -> 10 feeders -> 5 panels each -> EVSEs spread over the 50 panels. */
export function benchSite(evseCount: number, seed: number): AllocationInput {
  const rnd = seededRandom(seed);
  const circuits: CircuitSpec[] = [{ id: 'grid', parentId: null, maxCurrentA: 2500, maxPowerKw: 1600 }];
  for (let f = 0; f < 10; f++) {
    circuits.push({ id: `feeder-${f}`, parentId: 'grid', maxCurrentA: 400 });
    for (let p = 0; p < 5; p++) circuits.push({ id: `panel-${f}-${p}`, parentId: `feeder-${f}`, maxCurrentA: 160 });
  }
  const now = Date.parse('2026-06-01T17:00:00Z');
  const evses: EvseSpec[] = [];
  const sessions: SessionInput[] = [];
  for (let i = 0; i < evseCount; i++) {
    const single = i % 4 === 0;
    const evse: EvseSpec = { id: `cp${Math.floor(i / 2)}/${(i % 2) + 1}`, circuitId: `panel-${i % 10}-${Math.floor(i / 10) % 5}`, phases: single ? 1 : 3, phaseRotation: ROTATIONS[i % 3]!, maxCurrentA: 32 };
    if (i % 97 === 0) { evse.online = false; evse.lastKnownLimitA = 10; }
    evses.push(evse);
    sessions.push({
      sessionId: `s${i}`, evseId: evse.id, startedAt: new Date(now - (1 + (i % 300)) * 60_000).toISOString(),
      priority: i % 10 === 0 ? 1 : 0,
      departureAt: new Date(now + (30 + Math.floor(rnd() * 720)) * 60_000).toISOString(), energyNeededKwh: 5 + Math.floor(rnd() * 50),
      previousLimitA: 12,
    });
  }
  return {
    now: new Date(now).toISOString(), strategy: 'equal-share', topology: { voltageV: 230, circuits, evses }, sessions,
    siteLoads: [{ currentA: [120, 90, 100] }], pv: [{ productionKw: 80 }],
    battery: { capacityKwh: 200, socPct: 60, minSocPct: 20, maxDischargeKw: 100, maxChargeKw: 100 },
    externalCaps: [{ id: 'evening-peak', maxPowerKw: 1200, validFrom: '2026-06-01T16:00:00Z', validUntil: '2026-06-01T20:00:00Z' }],
    prices: Array.from({ length: 24 }, (_, h) => ({ from: new Date(now + h * 3_600_000).toISOString(), to: new Date(now + (h + 1) * 3_600_000).toISOString(), pricePerKwh: h < 5 ? 0.35 : 0.12 })),
  };
}

/** Fresh meter values: most EVs draw near their limit, some taper, a few overdraw. */
function withFreshDraws(input: AllocationInput, rnd: () => number): AllocationInput {
  return {
    ...input,
    sessions: input.sessions.map((s) => {
      const r = rnd();
      const draw = r < 0.02 ? 15 : r < 0.2 ? 3 + rnd() * 5 : 11 + rnd();
      const phases = input.topology.evses[Number(s.sessionId.slice(1))]!.phases;
      return { ...s, measuredA: [draw, phases > 1 ? draw : 0, phases > 2 ? draw : 0] };
    }),
  };
}

/** The baseline: what a naive balancer does. */
function equalSplit(input: AllocationInput): Map<string, number> {
  const cap = input.topology.circuits[0]!.maxCurrentA as number;
  const share = cap / Math.max(1, input.sessions.length);
  const max = new Map(input.topology.evses.map((e) => [e.id, e.maxCurrentA]));
  return new Map(input.sessions.map((s) => [s.evseId, Math.min(max.get(s.evseId)!, share)]));
}

export async function runAllocate(settings: AllocateSettings, progress: (line: string) => void): Promise<AllocateMeasurements> {
  const base = benchSite(settings.evses, settings.seed);
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => { pauses.push(...list.getEntries()); });
  observer.observe({ entryTypes: ['gc'] });
  const first = allocateSiteLimits(base);
  const strategies: AllocateMeasurements['strategies'] = [];
  for (const strategy of ['equal-share', 'priority', 'earliest-departure', 'cost-aware'] as Strategy[]) {
    const rnd = seededRandom(settings.seed + strategy.length);
    const inputs = Array.from({ length: settings.warmup + settings.iterations }, () => withFreshDraws({ ...base, strategy }, rnd));
    const allocatorMs: number[] = [];
    const minimumChangeMs: number[] = [];
    const baselineMs: number[] = [];
    const calls: { start: number; ms: number }[] = [];
    let overloads = 0;
    let previous = new Map(first.evses.map((e) => [e.evseId, e.limitA]));
    inputs.forEach((input, n) => {
      const t0 = performance.now();
      const result = allocateSiteLimits(input);
      const t1 = performance.now();
      const held = applyMinimumChange(input, result, previous, { minChangeA: 1 });
      const t2 = performance.now();
      equalSplit(input);
      const t3 = performance.now();
      previous = new Map(held.evses.map((e) => [e.evseId, e.limitA]));
      if (n < settings.warmup) return;
      allocatorMs.push(t1 - t0); minimumChangeMs.push(t2 - t1); baselineMs.push(t3 - t2); calls.push({ start: t0, ms: t1 - t0 });
      if (n === settings.warmup) overloads = findOverloads(input, held).length; // correctness spot check, not timed
    });
    // GC entries arrive asynchronously: let them in before correlating.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const allocator = summarizeLatencies(allocatorMs.map(ms3));
    const baseline = summarizeLatencies(baselineMs.map(ms3));
    const gc = gcTail(pauses, calls);
    pauses.length = 0;
    strategies.push({ strategy, allocatorMs: allocator, minimumChangeMs: summarizeLatencies(minimumChangeMs.map(ms3)), baselineMs: baseline, p50VsBaseline: Math.round((allocator.p50 / Math.max(0.001, baseline.p50)) * 10) / 10, overloads, gc });
    progress(`${strategy}: allocator p50 ${allocator.p50} ms, p99 ${allocator.p99} ms (equal split p99 ${baseline.p99} ms); ${gc.runsWithPause} of ${calls.length} runs hit a GC pause, p99 without ${gc.p99WithoutPauseMs} ms`);
  }
  observer.disconnect();
  return {
    site: { evses: settings.evses, circuits: base.topology.circuits.length, sessions: base.sessions.length, constraints: first.constraints.length },
    strategies,
  };
}

const ms3 = (ms: number) => Math.round(ms * 1000) / 1000;

export function allocateMarkdown(m: AllocateMeasurements): string {
  const rows = m.strategies.map((s) => `| ${s.strategy} | ${s.allocatorMs.p50} | ${s.allocatorMs.p99} | ${s.allocatorMs.max} | ${s.minimumChangeMs.p50} / ${s.minimumChangeMs.p99} | ${s.baselineMs.p50} / ${s.baselineMs.p99} | ${s.p50VsBaseline}x | ${s.gc.runsWithPause} (${s.gc.pauseMs} ms) | ${s.gc.p99WithoutPauseMs ?? '-'} / ${s.gc.p99WithPauseMs ?? '-'} | ${s.allocatorMs.p99 < 10 ? 'met' : 'MISSED'} | ${s.overloads} |`);
  return [
    `${m.site.evses} EVSEs (${m.site.sessions} sessions), ${m.site.circuits} circuits, ${m.site.constraints} constraints`,
    '',
    '| strategy | allocator p50 ms | p99 ms | max ms | minimum-change step p50 / p99 ms | equal split (baseline) p50 / p99 ms | p50 vs baseline | runs with a GC pause (pause ms) | p99 without / with a GC pause ms | target p99 < 10 ms | overloads |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Entry point of `chargeops bench allocate [--evses N] [--iterations N] [--out DIR]`. */
export async function runAllocateCommand(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { describeMachine, describeSource } = await import('../report.js');
  const { values } = parseArgs({ args: argv, options: {
    evses: { type: 'string', default: '1000' }, iterations: { type: 'string', default: '300' }, warmup: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' }, out: { type: 'string', default: 'bench/results' },
  } });
  const number = (name: string, text: string) => {
    const v = Number(text);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} wants a positive integer (got "${text}")`);
    return v;
  };
  const settings: AllocateSettings = { evses: number('evses', values.evses), iterations: number('iterations', values.iterations), warmup: number('warmup', values.warmup), seed: number('seed', values.seed) };
  const machine = describeMachine();
  console.log(`chargeops bench allocate: ${settings.evses} active EVSEs, ${settings.iterations} recomputations per strategy after ${settings.warmup} warm-up`);
  console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  const startedAt = new Date().toISOString();
  const loadBefore = (await import('node:os')).loadavg()[0]!;
  const m = await runAllocate(settings, (line) => console.log(`  ${line}`));
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `allocate-${startedAt.slice(0, 19).replace(/:/g, '-')}Z.json`);
  writeFileSync(file, `${JSON.stringify({ scenario: 'allocate', startedAt, finishedAt: new Date().toISOString(), source: describeSource(), machine, loadAverage: { before: loadBefore, after: (await import('node:os')).loadavg()[0] }, settings, measurements: m }, null, 2)}\n`);
  console.log(`\n${allocateMarkdown(m)}\n\nresults: ${file}`);
}
