// `chargeops simulate`: a fleet of simulated stations against a running ChargeOps, until Ctrl-C.
import { parseArgs } from 'node:util';
import { isOcppVersion, type OcppVersion } from '../protocol/versions.js';
import type { EvseProfile } from './charging-model.js';
import { seededRandom } from './charging-model.js';
import { startFleet } from './fleet.js';
import { SessionTraffic } from './session-traffic.js';
import { describeOutcome, type SimulatedStation } from './simulated-station.js';
import { appendFileSync } from 'node:fs';
import { mixScenario, readScenario, runScenario } from './chaos/scenario.js'; // network health: fault injection (issue 6)

const USAGE = `Usage: chargeops simulate [options]
  --url URL            OCPP endpoint without the station id (default ws://localhost:8180/ocpp)
  --stations N         stations per OCPP version (default 3)
  --versions LIST      comma-separated: 1.6,2.0.1,2.1 (default all three)
  --connectors N|A-B   connectors per station, or a range spread over the fleet (default 2)
  --password SECRET    HTTP Basic password (security profile 1; username = station id)
  --prefix NAME        station id prefix: NAME-16-0001, NAME-201-0001, NAME-21-0001 (default SIM)
  --concurrency N      stations connecting at the same time (default 50)
  --heartbeat SECONDS  heartbeat period instead of the one the CSMS gives
Sessions (off unless --sessions is given):
  --sessions RATE      driver arrivals per station per hour (Poisson), e.g. 2 or 0.5
  --session-minutes N|A-B  charging time per session in minutes (default 20-90)
  --tags LIST          comma-separated RFID tags the drivers swipe (default SIM-TAG-1..5;
                       create them first: POST /api/v1/tokens)
  --power ac|dc|mixed  connectors: 22 kW AC (3 x 32 A), 150 kW DC, or alternating (default ac)
  --meter-interval S   sampled meter values every S seconds during a session (default 60)
  --seed N             repeat the same EVs and arrivals
Network health (issue 6):
  --chaos FILE|mix     inject faults: a scenario file ({ seed, faults: [{ station, atSeconds, fault }] }),
                       or "mix": 30 % of the stations get one fault class each (offline, flapping,
                       vendor error, stuck transaction, failed start, frozen meter, stuck Preparing) drawn
                       from --seed; stations with a fault get no simulated drivers
  --chaos-spread MIN   faults start within the first MIN minutes (default 5)
  --chaos-tags LIST    tokens the faults' transactions use, in turn (default: the first of --tags)
  --chaos-record FILE  append one JSON line per fault (station, kind, injectedAt, endedAt) for
                       \`chargeops chaos report\`
  --duration MIN       stop after MIN minutes instead of waiting for Ctrl-C`;

export function parseVersions(list: string): OcppVersion[] {
  return list.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    const version = item.startsWith('ocpp') ? item : `ocpp${item}`;
    if (!isOcppVersion(version)) throw new Error(`Unknown OCPP version "${item}": use 1.6, 2.0.1 or 2.1`);
    return version;
  });
}

function parseConnectors(text: string): number | [number, number] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || min < 1 || max < min) throw new Error(`--connectors wants N or A-B with 1 <= A <= B (got "${text}")`);
  return min === max ? min : [min, max];
}

function minutesRange(text: string): [number, number] {
  const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text.trim());
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || min <= 0 || max < min) throw new Error(`--session-minutes wants N or A-B with 0 < A <= B (got "${text}")`);
  return [min, max];
}

function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number (got "${text}")`);
  return value;
}

function evseProfiles(power: string): (index: number) => EvseProfile {
  const ac: EvseProfile = { kind: 'AC', phases: 3, maxAmps: 32 };
  const dc: EvseProfile = { kind: 'DC', maxKw: 150 };
  if (power === 'ac') return () => ac;
  if (power === 'dc') return () => dc;
  if (power === 'mixed') return (index) => (index % 2 === 0 ? ac : dc);
  throw new Error(`--power wants ac, dc or mixed (got "${power}")`);
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a positive integer (got "${text}")`);
  return value;
}

export async function runSimulateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string', default: 'ws://localhost:8180/ocpp' },
      stations: { type: 'string', default: '3' },
      versions: { type: 'string', default: '1.6,2.0.1,2.1' },
      connectors: { type: 'string', default: '2' },
      password: { type: 'string' },
      prefix: { type: 'string', default: 'SIM' },
      concurrency: { type: 'string', default: '50' },
      heartbeat: { type: 'string' },
      sessions: { type: 'string' },
      'session-minutes': { type: 'string', default: '20-90' },
      tags: { type: 'string', default: 'SIM-TAG-1,SIM-TAG-2,SIM-TAG-3,SIM-TAG-4,SIM-TAG-5' },
      power: { type: 'string', default: 'ac' },
      'meter-interval': { type: 'string', default: '60' },
      seed: { type: 'string' },
      chaos: { type: 'string' }, // network health: fault injection (issue 6)
      'chaos-spread': { type: 'string', default: '5' },
      'chaos-tags': { type: 'string' },
      'chaos-record': { type: 'string' },
      duration: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const perStation = positiveInteger('stations', values.stations);
  const arrivalsPerHour = values.sessions === undefined ? undefined : positiveNumber('sessions', values.sessions);
  const sessionMinutes = minutesRange(values['session-minutes']);
  const tags = values.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  if (tags.length === 0) throw new Error('--tags wants at least one tag');
  const evse = evseProfiles(values.power);
  const meterIntervalSeconds = positiveInteger('meter-interval', values['meter-interval']);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : positiveInteger('seed', values.seed);
  const random = seededRandom(seed);
  const versions = parseVersions(values.versions);
  const url = values.url.replace(/\/+$/, '');
  const perVersion = Object.fromEntries(versions.map((version) => [version, perStation]));
  const time = () => new Date().toISOString().slice(11, 19);
  let started = false;
  const watch = (station: SimulatedStation) => {
    const say = (text: string) => started && console.log(`${time()} ${station.stationId} ${text}`);
    station.on('registration', (status, interval) => say(`registration ${status} (interval ${interval}s)`));
    station.on('connected', () => say('connected'));
    station.on('closed', (code, reason) => say(`disconnected (${code}${reason ? ` ${reason}` : ''})`));
    station.on('callReceived', (action) => say(`<- ${action}`));
    station.on('callAnswered', (action, outcome) => {
      if (outcome.kind !== 'result') say(`${action} failed: ${describeOutcome(outcome)}`);
    });
  };

  const fleet = await startFleet({
    url,
    perVersion,
    connectors: parseConnectors(values.connectors),
    idPrefix: values.prefix,
    concurrency: positiveInteger('concurrency', values.concurrency),
    reconnect: true,
    onStation: watch,
    evse,
    meterIntervalSeconds,
    seed,
    ...(values.password !== undefined ? { password: values.password } : {}),
    ...(values.heartbeat !== undefined ? { heartbeatIntervalOverrideSeconds: positiveInteger('heartbeat', values.heartbeat) } : {}),
  });
  started = true;
  // Network health (issue 6): fault injection on the running fleet, reproducible from --seed.
  const chaosTags = values['chaos-tags']?.split(',').map((tag) => tag.trim()).filter(Boolean) ?? [tags[0]!];
  const scenario = values.chaos === undefined ? null
    : values.chaos === 'mix' ? mixScenario(fleet.stations.map((s) => s.stationId), seed, { idTokens: chaosTags, spreadSeconds: positiveNumber('chaos-spread', values['chaos-spread']) * 60 })
    : readScenario(values.chaos);
  const faulty = new Set(scenario?.faults.map((f) => f.station));
  const traffic = arrivalsPerHour === undefined ? [] : fleet.stations.filter((station) => !faulty.has(station.stationId)).map((station) => {
    const driving = new SessionTraffic(station, { arrivalsPerHour, sessionMinutes, tags, random, onEvent: (text) => console.log(`${time()} ${station.stationId} ${text}`) });
    driving.start();
    return driving;
  });
  // Network health (issue 6): fault injection on the running fleet, reproducible from --seed.
  if (scenario) {
    console.log(`Chaos: ${scenario.faults.length} faults (seed ${scenario.seed}) on ${faulty.size} stations.`);
    const recordFile = values['chaos-record'];
    void runScenario(scenario, fleet.stations, (text) => console.log(`${time()} ${text}`), undefined, recordFile ? (entry) => appendFileSync(recordFile, `${JSON.stringify(entry)}\n`) : undefined);
  }
  const { total, accepted, pending, rejected, failed } = fleet.summary;
  const names = versions.map((version) => version.replace('ocpp', '')).join(', ');
  console.log(`${total} simulated stations (${perStation} per version: ${names}) at ${url}: ${accepted} accepted, ${pending} pending, ${rejected} rejected, ${failed} failed. Ctrl-C stops.`);
  if (arrivalsPerHour !== undefined) {
    console.log(`Sessions: ${arrivalsPerHour} arrivals per station per hour, ${sessionMinutes.join('-')} minutes each, tags ${tags.join(', ')} (create them: POST /api/v1/tokens).`);
  }
  if (pending > 0) {
    console.log(`Hint: unknown stations are Pending by default. Start ChargeOps with CHARGEOPS_UNKNOWN_STATIONS=accept, or approve each one with POST /api/v1/stations/{id}/approve; Pending stations retry their boot at the interval the CSMS gave.`);
  }
  if (failed > 0) {
    const reasons = new Set(fleet.stations.map((s) => s.bootStatus).filter((b) => b?.status === 'failed').map((b) => (b as { reason: string }).reason));
    console.log(`Failed: ${[...reasons].slice(0, 3).join('; ')}. Is ChargeOps running at ${url}? Stations keep retrying.`);
  }

  // Station timers are unref'd; this keeps the process up while every station waits to reconnect.
  const keepAlive = setInterval(() => {}, 1 << 30);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(keepAlive);
      traffic.forEach((driving) => driving.stop());
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log('Stopping the simulated stations...');
      fleet.stop().then(resolve, (error: unknown) => {
        console.error(`Stopping failed: ${(error as Error).message}`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (values.duration !== undefined) setTimeout(stop, positiveNumber('duration', values.duration) * 60_000);
  });
  console.log('Stopped.');
}
