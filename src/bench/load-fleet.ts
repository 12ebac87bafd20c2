// The parent's handle on the load generator processes: splits a round of stations over them and
// merges what they report.
import type { OcppVersion } from '../protocol/versions.js';
import { BenchChild, siblingModule } from './child.js';
import type { LoadRunCommand, LoadRunReport } from './loadgen.js';
import { round, summarizeLatencies, type LatencySummary } from './stats.js';

export type RoundParams = {
  url: string;
  idPrefix: string;
  stations: number;
  versions: OcppVersion[];
  connectors: number;
  concurrency: number;
  timeoutMs: number;
};

export type RoundResult = {
  stations: number;
  accepted: number;
  notAccepted: number;
  errors: number;
  timeouts: number;
  /** Pending answers (a CSMS shedding load), each retried after its interval, and stations that got one. */
  pendingAnswers: number;
  stationsPending: number;
  /** "outcome: detail" -> count for every station that was not accepted. */
  problems: Record<string, number>;
  /** First socket opened -> last station settled (accepted after any retries, or failed), across all generators. */
  durationMs: number;
  bootsPerSecond: number;
  messagesPerSecond: number;
  /** Every BootNotification answer, Pending ones included. */
  bootLatencyMs: LatencySummary;
  stationLatencyMs: LatencySummary;
  connectLatencyMs: LatencySummary;
  loadgenCpuSeconds: number;
};

/** Each run uses fresh source addresses (127.0.<block>.x): ports of the last run may sit in TIME_WAIT. */
let addressBlock = 1 + Math.floor(Math.random() * 200);

export class LoadFleet {
  private constructor(private readonly generators: BenchChild[]) {}

  static async start(count: number, logFile: string): Promise<LoadFleet> {
    const module = siblingModule('./loadgen.ts', import.meta.url);
    const generators = await Promise.all(Array.from({ length: count }, (_, i) =>
      BenchChild.start(`load generator ${i + 1}`, module, {}, logFile).then(({ child }) => child)));
    return new LoadFleet(generators);
  }

  get size(): number {
    return this.generators.length;
  }

  async run(params: RoundParams): Promise<RoundResult> {
    const share = Math.ceil(params.stations / this.generators.length);
    addressBlock = (addressBlock % 250) + 1;
    const block = addressBlock;
    const reports = await Promise.all(this.generators.map(async (generator, i) => {
      const offset = i * share;
      const count = Math.max(0, Math.min(share, params.stations - offset));
      const command: LoadRunCommand = {
        type: 'run', url: params.url, idPrefix: params.idPrefix, offset, count, versions: params.versions,
        connectors: params.connectors, concurrency: Math.ceil(params.concurrency / this.generators.length),
        timeoutMs: params.timeoutMs, addressBlock: block, addresses: 16,
      };
      // Generators share one block: each holds its own ports, and 16 addresses give ~450,000 of them.
      const reply = await generator.request(command as unknown as { type: string }, 'run-done', params.timeoutMs * 4 + params.stations * 60);
      return reply['report'] as LoadRunReport;
    }));
    return mergeReports(params, reports);
  }

  /** Closes every socket the generators hold (the stations disconnect cleanly). */
  async close(): Promise<void> {
    await Promise.all(this.generators.map((generator) => generator.request({ type: 'close' }, 'closed', 60_000)));
  }

  cpuSeconds(): number {
    return this.generators.reduce((sum, generator) => sum + generator.cpuSeconds(), 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.generators.map((generator) => generator.stop(5000)));
  }
}

function mergeReports(params: RoundParams, reports: LoadRunReport[]): RoundResult {
  const outcomes: Record<string, number> = {};
  const problems: Record<string, number> = {};
  for (const report of reports) {
    for (const [key, count] of Object.entries(report.outcomes)) outcomes[key] = (outcomes[key] ?? 0) + count;
    for (const [key, count] of Object.entries(report.problems)) problems[key] = (problems[key] ?? 0) + count;
  }
  const durationMs = Math.max(...reports.map((report) => report.durationMs));
  const accepted = outcomes['accepted'] ?? 0;
  const seconds = durationMs / 1000;
  return {
    stations: params.stations,
    accepted,
    notAccepted: outcomes['not-accepted'] ?? 0,
    errors: outcomes['error'] ?? 0,
    timeouts: outcomes['timeout'] ?? 0,
    pendingAnswers: reports.reduce((sum, report) => sum + report.pendingAnswers, 0),
    stationsPending: reports.reduce((sum, report) => sum + report.stationsPending, 0),
    problems,
    durationMs: round(durationMs, 0),
    bootsPerSecond: round(accepted / seconds, 0),
    messagesPerSecond: round((accepted * (1 + params.connectors)) / seconds, 0),
    bootLatencyMs: summarizeLatencies(reports.flatMap((report) => report.bootMs)),
    stationLatencyMs: summarizeLatencies(reports.flatMap((report) => report.totalMs)),
    connectLatencyMs: summarizeLatencies(reports.flatMap((report) => report.connectMs)),
    loadgenCpuSeconds: round(reports.reduce((sum, report) => sum + report.cpuSeconds, 0), 1),
  };
}
