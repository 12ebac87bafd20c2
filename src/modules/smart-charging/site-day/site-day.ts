// The simulated 24-hour site day (issue 7 proof): a whole ChargeOps in-process, simulated 1.6 and
// 2.0.1 stations over real WebSockets on two panels under a grid connection, EVs arriving on a
// workplace-and-evening pattern (fleet-plan.ts), a grid operator's throttling signal in the
// afternoon (announced at noon), all on an accelerated clock shared by the stations and the load
// balancer. A sampler checks, every simulated minute and at every limit change any station
// applies, what every station could draw without ChargeOps (TxProfile, else TxDefault, under its
// station maximum) and what the EVs really draw, per circuit and site phase, against the caps.
// The report: samples above a cap (must be 0), capacity utilisation, and the energy delivered
// compared with unlimited charging of the same EVs over the same stays.
import { parseConfig } from '../../../config/load-config.js';
import { startChargeOps, type RunningChargeOps } from '../../../main.js';
import { ChargingModel, type EvseProfile } from '../../../simulator/charging-model.js';
import { profileBookOf } from '../../../simulator/charging-profiles.js';
import { SimulatedStation } from '../../../simulator/simulated-station.js';
import { sitePhaseIndexes } from '../allocator/phases.js';
import type { PhaseRotation } from '../allocator/types.js';
import { AcceleratedClock } from './accelerated-clock.js';
import { planFleet, type PlannedEv } from './fleet-plan.js';
import { SiteDayMeter, type SiteDayReadings } from './site-day-meter.js';

export type SiteDayOptions = {
  stations: number; evs: number; factor: number; seed: number;
  gridA: number; panelA: number; signalA: number; signalFromHour: number; signalToHour: number;
  strategy?: 'equal-share' | 'priority' | 'earliest-departure' | 'cost-aware';
  progress?: (line: string) => void;
};

export const FULL_SITE_DAY: SiteDayOptions = { stations: 20, evs: 50, factor: 240, seed: 2026, gridA: 125, panelA: 80, signalA: 60, signalFromHour: 14, signalToHour: 17 };

export type SiteDayReport = SiteDayReadings & {
  options: Omit<SiteDayOptions, 'progress'>;
  simulatedDay: string;
  wallSeconds: number;
  sessions: number;
  turnedAway: number;
  /** From the sessions ChargeOps recorded (meter values). */
  energyDeliveredKwh: number;
  /** From the EVs' state of charge (the simulator's side), a cross-check. */
  energyIntoEvsKwh: number;
  energyUnlimitedKwh: number;
  reallocations: number;
  profilesSent: number;
};

const EVSE: EvseProfile = { kind: 'AC', phases: 3, maxAmps: 32 };
const ROTATIONS: PhaseRotation[] = ['RST', 'STR', 'TRS'];
const HOUR_MS = 3_600_000;

export async function runSiteDay(o: SiteDayOptions): Promise<SiteDayReport> {
  const wallStart = performance.now();
  const say = o.progress ?? (() => {});
  const today = new Date();
  const simStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  const clock = new AcceleratedClock(simStart, o.factor);
  const server = await startChargeOps(
    parseConfig({ port: 0, host: '127.0.0.1', logLevel: process.env['CHARGEOPS_SITE_DAY_LOG'] ?? 'silent', unknownStations: 'accept', ocpp: { callTimeoutSeconds: 20 } }),
    { database: { inMemory: true }, smartChargingNow: clock.now },
  );
  const api = apiOf(server);
  const stations: SimulatedStation[] = [];
  try {
    const siteId = (await api('POST', '/api/v1/sites', { name: 'Simulated site day', country: 'DE' })).id as string;
    for (let i = 0; i < o.evs; i++) await api('POST', '/api/v1/tokens', { idToken: `DAY-${i}`, type: 'ISO14443' });
    const panelOf = (i: number) => (i < o.stations / 2 ? 'panel-1' : 'panel-2');
    for (let i = 0; i < o.stations; i++) {
      const station = new SimulatedStation({
        url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: `DAY-${i}`, version: i % 2 === 0 ? 'ocpp1.6' : 'ocpp2.0.1', connectors: 2,
        seed: o.seed + i, clock, meterIntervalSeconds: 300, evse: EVSE, callTimeoutMs: 30_000,
      });
      stations.push(station);
      const boot = await station.start();
      if (boot.status !== 'Accepted') throw new Error(`station DAY-${i} not accepted: ${boot.status}`);
      await api('PUT', `/api/v1/stations/DAY-${i}/site`, { siteId });
    }
    const rotationOf = (i: number) => ROTATIONS[i % ROTATIONS.length]!;
    await api('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: o.strategy ?? 'equal-share',
      circuits: [{ id: 'grid', parentId: null, maxCurrentA: o.gridA }, { id: 'panel-1', parentId: 'grid', maxCurrentA: o.panelA }, { id: 'panel-2', parentId: 'grid', maxCurrentA: o.panelA }],
      evses: stations.flatMap((_, i) => [1, 2].map((evseId) => ({ stationId: `DAY-${i}`, evseId, circuitId: panelOf(i), phases: 3, phaseRotation: rotationOf(i), maxCurrentA: 32 }))),
      // A lease of 4 simulated hours: at 240x it is 60 s of wall time, longer than a re-allocation on a loaded machine.
      options: { debounceMs: 50, tickSeconds: 1, leaseSeconds: 4 * 3600, minChangeA: 1 },
    });
    const booted = Date.now();
    while (!stations.every((s) => profileBookOf(s.sessions, 2).list().filter((p) => p.purpose === 'TxDefault').length === 2)) {
      if (Date.now() - booted > 60_000) throw new Error('fallback profiles not installed within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    let reallocations = 0;
    let profilesSent = 0;
    server.events.subscribe((e) => { if (e.type === 'energy.allocated') { reallocations++; profilesSent += Number(e.data['profilesSent']) || 0; } });

    const signal = { fromMs: simStart + o.signalFromHour * HOUR_MS, toMs: simStart + o.signalToHour * HOUR_MS };
    const meter = new SiteDayMeter({
      clock, stations, gridA: o.gridA, panelA: o.panelA, signalA: o.signalA, signal, panelOf,
      sitePhasesOf: (i) => sitePhaseIndexes(rotationOf(i)),
    });
    meter.watchLimitChanges();
    const fleet = planFleet(o.evs, o.seed);
    const stays = await driveDay({ clock, stations, fleet, simStart, meter, say, announceSignal: async () => {
      await api('POST', `/api/v1/sites/${siteId}/energy/signals`, {
        source: 'DSO afternoon throttling', maxCurrentA: o.signalA, validFrom: new Date(signal.fromMs).toISOString(), validUntil: new Date(signal.toMs).toISOString(),
      });
      say(`12:00 signal announced: ${o.signalA} A from ${o.signalFromHour}:00 to ${o.signalToHour}:00`);
    } });
    await Promise.all(stations.map((s) => s.transactionsDelivered()));

    let energyWh = 0;
    let sessions = 0;
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await api('GET', `/api/v1/sessions?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const s of page.items as Array<{ energyWh: string | number }>) { energyWh += Number(s.energyWh); sessions++; }
      cursor = page.nextCursor as string | null;
    }
    // The same EVs over the same stays, each alone with the whole EVSE (no cap).
    const unlimitedWh = stays.map((s) => new ChargingModel(EVSE, s.plan.ev).advance((s.unpluggedMs - s.pluggedMs) / 1000)).reduce((a, b) => a + b, 0);
    const { progress: _p, ...options } = o;
    return {
      options, simulatedDay: new Date(simStart).toISOString().slice(0, 10), wallSeconds: Math.round((performance.now() - wallStart) / 100) / 10,
      ...meter.readings(), sessions, turnedAway: o.evs - stays.length,
      energyDeliveredKwh: Math.round(energyWh / 100) / 10, energyIntoEvsKwh: Math.round(stays.reduce((a, s) => a + s.evKwh, 0) * 10) / 10, energyUnlimitedKwh: Math.round(unlimitedWh / 100) / 10, reallocations, profilesSent,
    };
  } finally {
    await Promise.all(stations.map((s) => s.stop().catch(() => {})));
    await server.stop();
  }
}

type Stay = { plan: PlannedEv; pluggedMs: number; unpluggedMs: number; evKwh: number };

/** Arrivals take a free EVSE (or wait for one until their departure), swipe and leave on time. */
async function driveDay(d: {
  clock: AcceleratedClock; stations: SimulatedStation[]; fleet: PlannedEv[]; simStart: number; meter: SiteDayMeter;
  say: (line: string) => void; announceSignal: () => Promise<void>;
}): Promise<Stay[]> {
  const { clock, stations, simStart } = d;
  const free = stations.flatMap((s) => [1, 2].map((c) => ({ s, c })));
  const waiting: PlannedEv[] = [];
  const stays: Stay[] = [];
  const running: Promise<void>[] = [];
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const arrive = (plan: PlannedEv) => {
    const spot = free.shift();
    if (!spot) { waiting.push(plan); return; }
    running.push((async () => {
      await spot.s.sessions.plugIn(spot.c, plan.ev);
      const pluggedMs = clock.nowMs();
      const answer = await spot.s.sessions.swipe(spot.c, `DAY-${plan.index}`);
      if (answer !== 'started') throw new Error(`EV ${plan.index} not started: ${answer}`);
      await clock.until(simStart + plan.departS * 1000);
      const soc = spot.s.sessions.evOn(spot.c)?.socPercent ?? plan.ev.socPercent;
      await spot.s.sessions.unplug(spot.c);
      stays.push({ plan, pluggedMs, unpluggedMs: clock.nowMs(), evKwh: ((soc - plan.ev.socPercent) / 100) * plan.ev.batteryKwh });
      free.push(spot);
      // The first EV still waiting and not yet gone takes the EVSE.
      while (waiting.length > 0) {
        const next = waiting.shift()!;
        if (simStart + next.departS * 1000 > clock.nowMs() + 15 * 60_000) { arrive(next); break; }
      }
    })());
  };
  for (const plan of d.fleet) clock.setTimeout(() => arrive(plan), simStart + plan.arriveS * 1000 - clock.nowMs());
  await clock.until(simStart + 12 * HOUR_MS);
  await d.announceSignal();
  for (let hour = 13; hour <= 24; hour++) {
    await clock.until(simStart + hour * HOUR_MS);
    d.say(`${hour === 24 ? '24:00' : hhmm(clock.nowMs())} ${stays.length} stays done, ${d.meter.violations.length} samples above a cap`);
  }
  await Promise.all(running);
  return stays;
}

function apiOf(server: RunningChargeOps) {
  return async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(server.baseUrl + path, {
      method, headers: { authorization: `Bearer ${server.generatedApiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}
