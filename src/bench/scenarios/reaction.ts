// `chargeops bench reaction`: smart charging's reaction end to end on a 200-EVSE site (issue 7:
// "end to end within 1 s"). In-process ChargeOps on in-memory PGlite, 100 simulated stations
// (1.6 and 2.0.1 alternating, two EVSEs each) over real WebSockets, one site (400 A grid connection) whose cap
// binds from the second session on (every start re-divides it). Measured per session start: from the station's StartTransaction / TransactionEvent
// Started leaving the station until the last station whose TxProfile changes has received its
// SetChargingProfile (every affected station, not just the first). The default debounce (200 ms)
// is part of the figure.
import { loadavg } from 'node:os';
import { parseConfig } from '../../config/load-config.js';
import { startChargeOps } from '../../main.js';
import type { EvProfile } from '../../simulator/charging-model.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { summarizeLatencies } from '../stats.js';

const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };

export type ReactionSettings = { stations: number; starts: number; gridA: number };

export async function runReaction(settings: ReactionSettings, progress: (line: string) => void) {
  const server = await startChargeOps(parseConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', unknownStations: 'accept', ocpp: { callTimeoutSeconds: 30 } }), { database: { inMemory: true } });
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(server.baseUrl + path, { method, headers: { authorization: `Bearer ${server.generatedApiKey}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const stations: SimulatedStation[] = [];
  try {
    const siteId = (await api('POST', '/api/v1/sites', { name: 'Reaction', country: 'NL' })).id;
    for (let i = 0; i < settings.starts; i++) await api('POST', '/api/v1/tokens', { idToken: `RX-${i}`, type: 'ISO14443' });
    for (let i = 0; i < settings.stations; i++) {
      const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: `RX-${i}`, version: i % 2 === 0 ? 'ocpp1.6' : 'ocpp2.0.1', connectors: 2, seed: i, meterIntervalSeconds: 3600, callTimeoutMs: 60_000 });
      stations.push(s);
      await s.start();
      await api('PUT', `/api/v1/stations/RX-${i}/site`, { siteId });
    }
    await api('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: settings.gridA }],
      evses: stations.flatMap((_, i) => [1, 2].map((evseId) => ({ stationId: `RX-${i}`, evseId, circuitId: 'grid', phases: 3, maxCurrentA: 32 }))),
    });
    const profiled: Array<{ stationId: string; at: number }> = [];
    // The first allocation (fallbacks and maxima to every station) is over when no profile came for 3 s.
    let lastProfileAt = performance.now();
    stations.forEach((s) => s.on('callReceived', (action: string) => { if (action === 'SetChargingProfile') lastProfileAt = performance.now(); }));
    while (performance.now() - lastProfileAt < 3000) await new Promise((r) => setTimeout(r, 100));
    stations.forEach((s, i) => s.on('callReceived', (action: string, payload: unknown) => {
      const p = payload as { csChargingProfiles?: { chargingProfilePurpose?: string }; chargingProfile?: { chargingProfilePurpose?: string } };
      if (action === 'SetChargingProfile' && (p.csChargingProfiles ?? p.chargingProfile)?.chargingProfilePurpose === 'TxProfile') profiled.push({ stationId: `RX-${i}`, at: performance.now() });
    }));
    const reactionMs: number[] = [];
    const affected: number[] = [];
    for (let n = 0; n < settings.starts; n++) {
      const station = stations[(n * 37) % stations.length]!;
      const connector = 1 + (Math.floor((n * 37) / stations.length) % 2);
      profiled.length = 0;
      await station.sessions.plugIn(connector, EV);
      const t0 = performance.now();
      await station.sessions.swipe(connector, `RX-${n}`);
      // Quiet for 1.5 s after the last profile (or 10 s with none): the wave is over.
      const started = performance.now();
      while (performance.now() - (profiled.at(-1)?.at ?? started) < (profiled.length === 0 ? 10_000 : 1_500)) await new Promise((r) => setTimeout(r, 20));
      const stationsReached = new Set(profiled.map((p) => p.stationId)).size;
      if (profiled.length > 0) { reactionMs.push(Math.round((profiled.at(-1)!.at - t0) * 10) / 10); affected.push(stationsReached); }
      progress(`start ${n + 1}: ${profiled.length} TxProfiles to ${stationsReached} stations, last after ${reactionMs.at(-1)} ms (load ${loadavg()[0]!.toFixed(1)})`);
    }
    return { evses: settings.stations * 2, gridA: settings.gridA, reactionMs: summarizeLatencies(reactionMs), stationsAffected: { min: Math.min(...affected), max: Math.max(...affected) }, samples: reactionMs };
  } finally {
    await Promise.all(stations.map((s) => s.stop().catch(() => {})));
    await server.stop();
  }
}

/** Entry point of `chargeops bench reaction [--stations 100] [--starts 20] [--grid-a 100]`. */
export async function runReactionCommand(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { describeMachine, describeSource } = await import('../report.js');
  const { values } = parseArgs({ args: argv, options: {
    stations: { type: 'string', default: '100' }, starts: { type: 'string', default: '20' }, 'grid-a': { type: 'string', default: '100' }, out: { type: 'string', default: 'bench/results' },
  } });
  const settings: ReactionSettings = { stations: Number(values.stations), starts: Number(values.starts), gridA: Number(values['grid-a']) };
  const loadBefore = loadavg()[0]!;
  console.log(`chargeops bench reaction: ${settings.stations * 2} EVSEs, ${settings.starts} session starts, grid ${settings.gridA} A; load average ${loadBefore.toFixed(1)}`);
  const startedAt = new Date().toISOString();
  const m = await runReaction(settings, (line) => console.log(`  ${line}`));
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `reaction-${startedAt.slice(0, 19).replace(/:/g, '-')}Z.json`);
  writeFileSync(file, `${JSON.stringify({ scenario: 'reaction', startedAt, source: describeSource(), machine: describeMachine(), loadAverage: { before: loadBefore, after: loadavg()[0] }, settings, measurements: m }, null, 2)}\n`);
  console.log(`\nsession start -> TxProfiles at every affected station: p50 ${m.reactionMs.p50} ms, p95 ${m.reactionMs.p95} ms, p99 ${m.reactionMs.p99} ms, max ${m.reactionMs.max} ms; stations affected per start ${m.stationsAffected.min}-${m.stationsAffected.max}\nresults: ${file}`);
}
