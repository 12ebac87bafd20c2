// Child process: the load generator of the steady and latency scenarios. 'connect' boots its share
// of the stations (the storm client, one connector each); 'drive' runs charging sessions on the
// first `active` of them, closed loop (next CALL as soon as the answer arrives) or open loop (CALLs
// on a fixed schedule, latency counted from the scheduled time so a slow server cannot hide its
// queueing: no coordinated omission), records a window and reports the samples.
import { closeSockets } from './close-sockets.js';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import type { OcppVersion } from '../protocol/versions.js';
import { onParentMessage, sendToParent } from './child-runtime.js';
import { runLoadStation, Slots } from './load-client.js';
import { SessionStation, type SessionSamples, type SessionScript } from './session-station.js';

export type SessionConnectCommand = {
  type: 'connect';
  url: string;
  idPrefix: string;
  offset: number;
  count: number;
  versions: OcppVersion[];
  concurrency: number;
  timeoutMs: number;
  addressBlock: number;
  addresses: number;
  script: SessionScript;
};

export type SessionDriveCommand = {
  type: 'drive';
  /** How many of this generator's stations run sessions (the first ones). */
  active: number;
  /** Open loop: CALLs per second offered by this generator (spread evenly over its active stations). */
  ratePerSecond?: number;
  warmupMs: number;
  durationMs: number;
  timeoutMs: number;
};

export type SessionDriveReport = {
  samples: SessionSamples;
  /** The recording window, ms. */
  windowMs: number;
  /** CALLs still unanswered when the drive ended (after waiting up to the timeout). */
  unanswered: number;
  cpuSeconds: number;
};

// Same ids as the storm's load generator (whose module cannot be imported: it is a child's entry point).
const loadStationId = (prefix: string, index: number): string => `${prefix}-${String(index).padStart(6, '0')}`;

const stations: SessionStation[] = [];
const sockets: WebSocket[] = [];
let idleWaiter: (() => void) | null = null;

async function connect(command: SessionConnectCommand): Promise<{ accepted: number; problems: Record<string, number> }> {
  const slots = new Slots(command.concurrency);
  const problems: Record<string, number> = {};
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < command.count; i++) {
    const index = command.offset + i;
    const spec = {
      id: loadStationId(command.idPrefix, index), version: command.versions[index % command.versions.length]!, connectors: 1,
      localAddress: `127.0.${command.addressBlock}.${1 + (i % command.addresses)}`,
    };
    await slots.acquire();
    pending.push(runLoadStation(command.url, spec, command.timeoutMs, slots).then(({ result, socket }) => {
      sockets.push(socket);
      if (result.outcome === 'accepted') stations.push(new SessionStation(spec.id, spec.version, socket, command.script, () => idleWaiter?.()));
      else problems[`${result.outcome}: ${result.detail ?? ''}`] = (problems[`${result.outcome}: ${result.detail ?? ''}`] ?? 0) + 1;
    }));
  }
  await Promise.all(pending);
  // Stations in index order, so 'the first N active' means the same stations in every step.
  stations.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { accepted: stations.length, problems };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function drive(command: SessionDriveCommand): Promise<SessionDriveReport> {
  const active = stations.slice(0, Math.min(command.active, stations.length));
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now() + 20;
  const periodMs = command.ratePerSecond ? (active.length / command.ratePerSecond) * 1000 : 0;
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const station of active) station.expire(now, command.timeoutMs);
  }, 1000);
  active.forEach((station, i) => station.start(
    periodMs > 0 ? { mode: 'open', periodMs, firstAt: t0 + (i / active.length) * periodMs } : { mode: 'closed' },
    null,
  ));
  await sleep(command.warmupMs);
  const samples: SessionSamples = {};
  for (const station of active) station.record(samples);
  const windowStart = performance.now();
  await sleep(command.durationMs);
  for (const station of active) station.record(null);
  const windowMs = performance.now() - windowStart;
  for (const station of active) station.pause();
  // Let the outstanding CALLs finish (they are not recorded), so the next step starts clean.
  const deadline = performance.now() + command.timeoutMs;
  while (active.some((station) => station.busy) && performance.now() < deadline) {
    await new Promise<void>((resolve) => {
      idleWaiter = resolve;
      setTimeout(resolve, 200);
    });
  }
  idleWaiter = null;
  clearInterval(sweep);
  const cpu = process.cpuUsage(cpuBefore);
  return { samples, windowMs, unanswered: active.filter((station) => station.busy).length, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

async function closeAll(): Promise<number> {
  const open = sockets.splice(0);
  stations.splice(0);
  return closeSockets(open);
}

onParentMessage({
  connect: async (message) => sendToParent({ type: 'connect-done', ...(await connect(message as unknown as SessionConnectCommand)) }),
  drive: async (message) => sendToParent({ type: 'drive-done', report: await drive(message as unknown as SessionDriveCommand) }),
  close: async () => sendToParent({ type: 'closed', count: await closeAll() }),
  stop: () => process.exit(0),
});
sendToParent({ type: 'ready' });
