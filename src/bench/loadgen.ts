// Child process: the load generator. On 'run' it connects its share of the stations (handshakes
// bounded by `concurrency`, everything else as fast as the server answers), reports what happened,
// and keeps the sockets open until 'close'. It runs apart from the server under test, so the two
// never share an event loop.
import { closeSockets } from './close-sockets.js';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import type { OcppVersion } from '../protocol/versions.js';
import { onParentMessage, sendToParent } from './child-runtime.js';
import { runLoadStation, Slots, type LoadStationResult } from './load-client.js';

export type LoadRunCommand = {
  type: 'run';
  url: string;
  idPrefix: string;
  /** Station indexes [offset, offset + count) of the whole fleet belong to this generator. */
  offset: number;
  count: number;
  versions: OcppVersion[];
  connectors: number;
  concurrency: number;
  timeoutMs: number;
  /** Source addresses 127.0.<addressBlock>.1..<addresses>, so no run waits for ports in TIME_WAIT. */
  addressBlock: number;
  addresses: number;
};

export type LoadRunReport = {
  stations: number;
  outcomes: Record<string, number>;
  /** outcome:detail -> count, for everything not accepted. */
  problems: Record<string, number>;
  durationMs: number;
  bootMs: number[];
  totalMs: number[];
  /** Pending answers received, and stations that got at least one. */
  pendingAnswers: number;
  stationsPending: number;
  connectMs: number[];
  cpuSeconds: number;
};

const sockets: WebSocket[] = [];

export const loadStationId = (prefix: string, index: number): string => `${prefix}-${String(index).padStart(6, '0')}`;

async function run(command: LoadRunCommand): Promise<LoadRunReport> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const slots = new Slots(command.concurrency);
  const pending: Array<Promise<LoadStationResult>> = [];
  for (let i = 0; i < command.count; i++) {
    const index = command.offset + i;
    const spec = {
      id: loadStationId(command.idPrefix, index),
      version: command.versions[index % command.versions.length]!,
      connectors: command.connectors,
      localAddress: `127.0.${command.addressBlock}.${1 + (i % command.addresses)}`,
    };
    await slots.acquire();
    pending.push(runLoadStation(command.url, spec, command.timeoutMs, slots).then(({ result, socket }) => {
      sockets.push(socket);
      return result;
    }));
  }
  const results = await Promise.all(pending);
  const durationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const report: LoadRunReport = {
    stations: results.length, outcomes: {}, problems: {}, durationMs, bootMs: [], totalMs: [], connectMs: [], pendingAnswers: 0, stationsPending: 0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  for (const result of results) {
    report.outcomes[result.outcome] = (report.outcomes[result.outcome] ?? 0) + 1;
    if (result.outcome !== 'accepted') {
      const key = `${result.outcome}: ${result.detail ?? ''}`;
      report.problems[key] = (report.problems[key] ?? 0) + 1;
    }
    for (const ms of result.bootMs) report.bootMs.push(round(ms));
    report.pendingAnswers += result.pendingAnswers;
    if (result.pendingAnswers > 0) report.stationsPending += 1;
    if (result.totalMs !== undefined) report.totalMs.push(round(result.totalMs));
    if (result.connectMs !== undefined) report.connectMs.push(round(result.connectMs));
  }
  return report;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function closeAll(): Promise<number> {
  const open = sockets.splice(0);
  return closeSockets(open);
}

onParentMessage({
  run: async (message) => sendToParent({ type: 'run-done', report: await run(message as unknown as LoadRunCommand) }),
  close: async () => sendToParent({ type: 'closed', count: await closeAll() }),
  stop: () => process.exit(0),
});
sendToParent({ type: 'ready' });
