// The parent's handle on the session load generators (steady, latency): boots the stations once,
// then drives load steps on them and merges what the generators recorded.
import type { OcppVersion } from '../protocol/versions.js';
import { BenchChild, siblingModule } from './child.js';
import type { SessionConnectCommand, SessionDriveCommand, SessionDriveReport } from './session-loadgen.js';
import type { SessionScript } from './session-station.js';
import { round, summarizeLatencies, type LatencySummary } from './stats.js';

export type ActionFigures = LatencySummary & { errors: number; notAccepted: number; perSecond: number };

export type LoadStepResult = {
  activeStations: number;
  /** Open loop: CALLs per second offered; null for closed loop. */
  offeredPerSecond: number | null;
  windowMs: number;
  /** Answers received in the window. */
  messages: number;
  messagesPerSecond: number;
  latencyMs: LatencySummary;
  byAction: Record<string, ActionFigures>;
  /** CALLERRORs and timeouts; token answers other than Accepted (Authorize, starts). */
  errors: number;
  timeouts: number;
  notAccepted: number;
  unanswered: number;
  loadgenCpuSeconds: number;
};

let addressBlock = 1 + Math.floor(Math.random() * 200);

export class SessionFleet {
  private stationsPerGenerator: number[] = [];

  private constructor(private readonly generators: BenchChild[]) {}

  static async start(count: number, logFile: string): Promise<SessionFleet> {
    const module = siblingModule('./session-loadgen.ts', import.meta.url);
    const generators = await Promise.all(Array.from({ length: count }, (_, i) =>
      BenchChild.start(`session load generator ${i + 1}`, module, {}, logFile).then(({ child }) => child)));
    return new SessionFleet(generators);
  }

  /** Connects and boots `stations` (one connector each); returns how many were accepted. */
  async connect(params: { url: string; idPrefix: string; stations: number; versions: OcppVersion[]; concurrency: number; timeoutMs: number; script: SessionScript }): Promise<{ accepted: number; problems: Record<string, number> }> {
    const share = Math.ceil(params.stations / this.generators.length);
    addressBlock = (addressBlock % 250) + 1;
    const replies = await Promise.all(this.generators.map((generator, i) => {
      const offset = i * share;
      const command: SessionConnectCommand = {
        type: 'connect', url: params.url, idPrefix: params.idPrefix, offset, count: Math.max(0, Math.min(share, params.stations - offset)),
        versions: params.versions, concurrency: Math.ceil(params.concurrency / this.generators.length), timeoutMs: params.timeoutMs,
        addressBlock, addresses: 16, script: params.script,
      };
      return generator.request(command as unknown as { type: string }, 'connect-done', params.timeoutMs * 4 + params.stations * 60);
    }));
    this.stationsPerGenerator = replies.map((reply) => Number(reply['accepted']));
    const problems: Record<string, number> = {};
    for (const reply of replies) {
      for (const [key, count] of Object.entries(reply['problems'] as Record<string, number>)) problems[key] = (problems[key] ?? 0) + count;
    }
    return { accepted: this.stationsPerGenerator.reduce((a, b) => a + b, 0), problems };
  }

  /** One load step on the first `active` booted stations: closed loop, or open loop at `offeredPerSecond`. */
  async drive(step: { active: number; offeredPerSecond?: number; warmupMs: number; durationMs: number; timeoutMs: number }): Promise<LoadStepResult> {
    const total = this.stationsPerGenerator.reduce((a, b) => a + b, 0);
    const active = Math.min(step.active, total);
    const reports = await Promise.all(this.generators.map(async (generator, i) => {
      const mine = Math.round((active * this.stationsPerGenerator[i]!) / Math.max(1, total));
      const command: SessionDriveCommand = {
        type: 'drive', active: mine, warmupMs: step.warmupMs, durationMs: step.durationMs, timeoutMs: step.timeoutMs,
        ...(step.offeredPerSecond ? { ratePerSecond: (step.offeredPerSecond * mine) / Math.max(1, active) } : {}),
      };
      const reply = await generator.request(command as unknown as { type: string }, 'drive-done', step.warmupMs + step.durationMs + step.timeoutMs + 60_000);
      return reply['report'] as SessionDriveReport;
    }));
    return merge(active, step.offeredPerSecond ?? null, reports);
  }

  async close(): Promise<void> {
    await Promise.all(this.generators.map((generator) => generator.request({ type: 'close' }, 'closed', 60_000)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.generators.map((generator) => generator.stop(5000)));
  }
}

function merge(activeStations: number, offeredPerSecond: number | null, reports: SessionDriveReport[]): LoadStepResult {
  const windowMs = Math.max(...reports.map((report) => report.windowMs));
  const seconds = windowMs / 1000;
  const byLabel = new Map<string, { latencies: number[]; errors: number; notAccepted: number }>();
  for (const report of reports) {
    for (const [label, sample] of Object.entries(report.samples)) {
      const merged = byLabel.get(label) ?? { latencies: [], errors: 0, notAccepted: 0 };
      for (const value of sample.latencies) merged.latencies.push(value);
      merged.errors += sample.errors;
      merged.notAccepted += sample.notAccepted;
      byLabel.set(label, merged);
    }
  }
  const timeouts = byLabel.get('timeout')?.errors ?? 0;
  byLabel.delete('timeout');
  const byAction: Record<string, ActionFigures> = {};
  const all: number[] = [];
  let errors = 0;
  let notAccepted = 0;
  for (const [label, sample] of [...byLabel.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    byAction[label] = { ...summarizeLatencies(sample.latencies), errors: sample.errors, notAccepted: sample.notAccepted, perSecond: round(sample.latencies.length / seconds, 0) };
    for (const value of sample.latencies) all.push(value);
    errors += sample.errors;
    notAccepted += sample.notAccepted;
  }
  return {
    activeStations, offeredPerSecond: offeredPerSecond === null ? null : round(offeredPerSecond, 0), windowMs: round(windowMs, 0),
    messages: all.length, messagesPerSecond: round(all.length / seconds, 0), latencyMs: summarizeLatencies(all), byAction,
    errors, timeouts, notAccepted, unanswered: reports.reduce((sum, report) => sum + report.unanswered, 0),
    loadgenCpuSeconds: round(reports.reduce((sum, report) => sum + report.cpuSeconds, 0), 1),
  };
}
