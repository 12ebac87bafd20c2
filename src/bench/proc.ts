// Reading a process's resident memory, CPU time and limits from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of a process in bytes (VmRSS). */
export function readRssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU time (user + system) a process has used, in seconds. Assumes the usual 100 ticks/s. */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name (which may contain spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The soft and hard open-file limits of this process (children inherit them). */
export function readOpenFileLimit(): { soft: number; hard: number } {
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  const parse = (value: string | undefined) => (value === undefined || value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value));
  return { soft: parse(match?.[1]), hard: parse(match?.[2]) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a process has been (nearly) idle for two consecutive samples, e.g. until a server
 * has finished recording a burst. Returns how long it took.
 */
export async function waitForQuiet(pid: number, options: { sampleMs?: number; maxBusyShare?: number; maxWaitMs?: number } = {}): Promise<number> {
  const sampleMs = options.sampleMs ?? 500;
  const maxBusy = (options.maxBusyShare ?? 0.03) * (sampleMs / 1000);
  const deadline = Date.now() + (options.maxWaitMs ?? 120_000);
  const started = Date.now();
  let previous = readCpuSeconds(pid);
  let quietSamples = 0;
  while (quietSamples < 2 && Date.now() < deadline) {
    await sleep(sampleMs);
    const now = readCpuSeconds(pid);
    quietSamples = now - previous <= maxBusy ? quietSamples + 1 : 0;
    previous = now;
  }
  return Date.now() - started;
}

/** Busy and total CPU time of the whole machine, in ticks (from /proc/stat). */
export function readMachineCpuTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * CPU seconds used by every process with this command name (e.g. all PostgreSQL backends) while
 * it runs. Samples periodically, so backends that exit meanwhile (idle pool clients) still count
 * up to their last sample.
 */
export class CommandCpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly command: string, sampleMs = 250) {
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), sampleMs);
  }

  /** Stops sampling and returns the CPU seconds used since construction. */
  stop(): number {
    clearInterval(this.timer);
    this.sample(false);
    let seconds = 0;
    for (const [pid, value] of this.last) seconds += value - (this.first.get(pid) ?? 0);
    return seconds;
  }

  private sample(initial: boolean): void {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== this.command) continue;
        const pid = Number(entry);
        const seconds = readCpuSeconds(pid);
        if (initial) this.first.set(pid, seconds);
        this.last.set(pid, seconds);
      } catch {
        // the process ended meanwhile
      }
    }
  }
}
