// `chargeops bench detection`: detection latency of network health (issue 6) with a fleet
// connected. One process: ChargeOps (in-memory PGlite) and lean OCPP 1.6 stations over real
// WebSockets. Measures (1) one sweep over every station with nothing wrong, (2) a Faulted
// StatusNotification sent -> health.alert-raised published, (3) a socket dropped -> offline alert,
// minus the tenant's offline window, and counts alerts on the stations left healthy (must be 0).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { WebSocket } from 'ws';
import { parseConfig } from '../config/load-config.js';
import type { DomainEvent } from '../infra/events/event-bus.js';
import { startChargeOps } from '../main.js';
import { runLoadStation, Slots } from './load-client.js';
import { LoadFleet } from './load-fleet.js';
import { describeMachine, describeSource } from './report.js';
import { summarizeLatencies, type LatencySummary } from './stats.js';

export type DetectionSettings = { stations: number; faults: number; offlineWindowSeconds: number; sweeps: number; concurrency: number };
export type DetectionMeasurements = {
  connected: number;
  connectSeconds: number;
  sweepMs: LatencySummary;
  faultedMs: LatencySummary;
  offlineBeyondWindowMs: LatencySummary;
  missed: { faulted: number; offline: number };
  falseAlerts: number;
  heapUsedMiB: number;
};

const ID = (i: number) => `DET-${String(i).padStart(5, '0')}`;
const WAIT_MS = 90_000;

export async function runDetection(settings: DetectionSettings, progress: (line: string) => void, logDir: string): Promise<DetectionMeasurements> {
  const config = parseConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', unknownStations: 'accept', ocpp: { heartbeatIntervalSeconds: 86_400 } });
  const running = await startChargeOps(config, { database: { inMemory: true } });
  let stopFleet = async () => {};
  try {
    await running.health.settings.update(config.defaultTenant, { rules: { offline: { windowSeconds: settings.offlineWindowSeconds } } });
    const raised = new Map<string, number>();
    running.events.subscribe((event: DomainEvent) => {
      if (event.type === 'health.alert-raised' && event.stationId) raised.set(`${event.stationId}/${String(event.data['rule'])}`, performance.now());
    });

    const started = performance.now();
    const url = `ws://127.0.0.1:${running.port}/ocpp`;
    // The healthy fleet runs in load generator processes (own event loops, own source addresses);
    // the stations that will fail are here, so faults are injected and timed in this process.
    const healthy = settings.stations - 2 * settings.faults;
    mkdirSync(logDir, { recursive: true });
    const fleet = await LoadFleet.start(2, join(logDir, 'detection-loadgen.log'));
    stopFleet = async () => { await fleet.close(); await fleet.stop(); };
    const round = await fleet.run({ url, idPrefix: 'DETOK', stations: healthy, versions: ['ocpp1.6'], connectors: 2, concurrency: settings.concurrency, timeoutMs: 300_000 });
    progress(`${round.accepted} of ${healthy} healthy stations connected (load generators) ${JSON.stringify(round.problems)}`);
    const slots = new Slots(settings.concurrency);
    const sockets: Array<{ id: string; socket: WebSocket }> = [];
    const failures = new Map<string, number>();
    const block = 201 + Math.floor(Math.random() * 50);
    const results = await Promise.all(Array.from({ length: 2 * settings.faults }, (_, i) =>
      runLoadStation(url, { id: ID(i), version: 'ocpp1.6', connectors: 2, localAddress: `127.0.${block}.${1 + (i % 16)}` }, 300_000, slots).then((r) => ({ ...r, id: ID(i) }))));
    for (const { result, socket, id } of results) {
      if (result.outcome === 'accepted') sockets.push({ id, socket });
      else failures.set(`${result.outcome} ${result.detail ?? ''}`, (failures.get(`${result.outcome} ${result.detail ?? ''}`) ?? 0) + 1);
    }
    if (failures.size > 0) progress(`not connected: ${JSON.stringify(Object.fromEntries(failures))}`);
    if (sockets.length < 2 * settings.faults) throw new Error(`only ${sockets.length} stations connected: too few to inject ${settings.faults} + ${settings.faults} faults`);
    const connectSeconds = (performance.now() - started) / 1000;
    progress(`${sockets.length} of ${settings.stations} stations connected in ${connectSeconds.toFixed(1)} s`);
    await running.health.detector.settled();

    const sweeps: number[] = [];
    for (let i = 0; i < settings.sweeps; i++) {
      const t0 = performance.now();
      await running.health.detector.sweep();
      sweeps.push(performance.now() - t0);
    }
    progress(`sweep over ${running.health.detector.stationCount()} stations: ${summarizeLatencies(sweeps).p50.toFixed(1)} ms (p50)`);

    // Faulted: the first `faults` stations report connector 1 Faulted.
    const faultedAt = new Map<string, number>();
    for (let i = 0; i < settings.faults; i++) {
      faultedAt.set(sockets[i]!.id, performance.now());
      sockets[i]!.socket.send(JSON.stringify([2, `f${i}`, 'StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted', timestamp: new Date().toISOString() }]));
    }
    await until(() => [...faultedAt.keys()].every((id) => raised.has(`${id}/faulted`)), WAIT_MS);
    const faultedMs = [...faultedAt].flatMap(([id, at]) => (raised.has(`${id}/faulted`) ? [raised.get(`${id}/faulted`)! - at] : []));
    progress(`faulted: ${faultedMs.length} of ${settings.faults} detected`);

    // Offline: the next `faults` stations drop their socket.
    const droppedAt = new Map<string, number>();
    for (let i = settings.faults; i < 2 * settings.faults; i++) {
      droppedAt.set(sockets[i]!.id, performance.now());
      sockets[i]!.socket.terminate();
    }
    await until(() => [...droppedAt.keys()].every((id) => raised.has(`${id}/offline`)), settings.offlineWindowSeconds * 1000 + WAIT_MS);
    const windowMs = settings.offlineWindowSeconds * 1000;
    const offlineMs = [...droppedAt].flatMap(([id, at]) => (raised.has(`${id}/offline`) ? [raised.get(`${id}/offline`)! - at - windowMs] : []));
    progress(`offline: ${offlineMs.length} of ${settings.faults} detected`);

    const injected = new Set([...faultedAt.keys(), ...droppedAt.keys()]);
    const falseAlerts = [...raised.keys()].filter((key) => !injected.has(key.split('/')[0]!)).length;
    progress(`sweep over ${running.health.detector.stationCount()} stations at the end`);
    for (const { socket } of sockets) socket.terminate();
    const measured: DetectionMeasurements = {
      connected: sockets.length + round.accepted, connectSeconds: Math.round(connectSeconds * 10) / 10,
      sweepMs: summarizeLatencies(sweeps), faultedMs: summarizeLatencies(faultedMs), offlineBeyondWindowMs: summarizeLatencies(offlineMs),
      missed: { faulted: settings.faults - faultedMs.length, offline: settings.faults - offlineMs.length },
      falseAlerts, heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    };
    // Reported before the shutdown: closing thousands of sockets takes a while on a busy machine.
    progress(`measurements: ${JSON.stringify(measured)}`);
    return measured;
  } finally {
    await stopFleet();
    await running.stop();
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

export function detectionMarkdown(s: DetectionSettings, m: DetectionMeasurements): string {
  const row = (name: string, l: LatencySummary) => `| ${name} | ${l.count} | ${l.p50.toFixed(0)} | ${l.p95.toFixed(0)} | ${l.max.toFixed(0)} |`;
  return [
    `${m.connected} stations connected (${m.connectSeconds} s), ${s.faults} faulted + ${s.faults} dropped, offline window ${s.offlineWindowSeconds} s, sweep every 5 s; ${m.falseAlerts} alerts on healthy stations; missed: ${m.missed.faulted} faulted, ${m.missed.offline} offline; heap ${m.heapUsedMiB} MiB (server and stations in one process)`,
    '',
    '| measure | n | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    row(`one sweep over ${m.connected} stations, nothing wrong`, m.sweepMs),
    row('Faulted StatusNotification sent -> alert published', m.faultedMs),
    row('socket dropped -> offline alert, minus the window', m.offlineBeyondWindowMs),
  ].join('\n');
}

/** Entry point of `chargeops bench detection [--stations N] [--faults N] [--window S] [--out DIR]`. */
export async function runDetectionCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    stations: { type: 'string', default: '5000' }, faults: { type: 'string', default: '100' }, window: { type: 'string', default: '10' },
    sweeps: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '50' }, out: { type: 'string', default: 'bench/results' },
  } });
  const number = (name: string, text: string, min: number) => {
    const v = Number(text);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} wants an integer >= ${min} (got "${text}")`);
    return v;
  };
  const settings: DetectionSettings = {
    stations: number('stations', values.stations, 2), faults: number('faults', values.faults, 1),
    offlineWindowSeconds: number('window', values.window, 10), sweeps: number('sweeps', values.sweeps, 1),
    concurrency: number('concurrency', values.concurrency, 1),
  };
  if (2 * settings.faults > settings.stations) throw new Error('--faults wants at most half of --stations (the rest stay healthy)');
  const machine = describeMachine();
  console.log(`chargeops bench detection: ${settings.stations} stations, ${settings.faults} faulted + ${settings.faults} dropped`);
  console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  const startedAt = new Date().toISOString();
  const dir = resolve(values.out);
  const m = await runDetection(settings, (line) => console.log(`  ${line}`), join(dir, 'logs'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `detection-${startedAt.slice(0, 19).replace(/:/g, '-')}Z.json`);
  writeFileSync(file, `${JSON.stringify({ scenario: 'detection', startedAt, finishedAt: new Date().toISOString(), source: describeSource(), machine, settings, measurements: m }, null, 2)}\n`);
  console.log(`\n${detectionMarkdown(settings, m)}\n\nresults: ${file}`);
}
