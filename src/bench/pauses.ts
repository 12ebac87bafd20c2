// Diagnostics for the bench server (BENCH_PAUSES=<file>): what stops the server's one thread. Every
// garbage collection with its kind and duration, and per second the event-loop delay (p50 / p99 /
// max of a 10 ms-resolution histogram) and the JS heap in use, so a latency tail can be matched to
// GC pauses or to long turns of our own code. Written as JSON when the server stops.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

type GcPause = { at: number; kind: string; ms: number };
type LoopSecond = { at: number; p50: number; p99: number; max: number; heapUsedMiB: number };

const GC_KINDS: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-callbacks', 16: 'minor-mark-sweep' };

export function watchPauses(file: string): { write(): void } {
  const started = performance.now();
  const gcs: GcPause[] = [];
  const seconds: LoopSecond[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { detail?: { kind?: number } }>) {
      gcs.push({ at: Math.round(entry.startTime - started), kind: GC_KINDS[entry.detail?.kind ?? 0] ?? String(entry.detail?.kind), ms: Number(entry.duration.toFixed(2)) });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const timer = setInterval(() => {
    const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
    seconds.push({ at: Math.round(performance.now() - started), p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), heapUsedMiB: Math.round(getHeapStatistics().used_heap_size / 2 ** 20) });
    delay.reset();
  }, 1000);
  timer.unref();
  return {
    write() {
      clearInterval(timer);
      observer.disconnect();
      delay.disable();
      const byKind = new Map<string, { count: number; totalMs: number; maxMs: number }>();
      for (const gc of gcs) {
        const k = byKind.get(gc.kind) ?? { count: 0, totalMs: 0, maxMs: 0 };
        k.count += 1; k.totalMs += gc.ms; k.maxMs = Math.max(k.maxMs, gc.ms);
        byKind.set(gc.kind, k);
      }
      writeFileSync(file, JSON.stringify({ gcByKind: Object.fromEntries(byKind), longGcs: gcs.filter((gc) => gc.ms >= 5), loopDelayPerSecond: seconds }, null, 1));
    },
  };
}
