// Diagnostics for the bench server (BENCH_TRACE=<file>): a timeline of what the server's one thread
// did during a storm — WebSocket upgrades arriving, group-commit batches (size, writers, duration)
// and PGlite statements outside batches — so that batch sizes can be traced to when work arrived.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { GroupCommitter } from '../infra/db/group-commit.js';
import { connectorStatusWriter, stationCreateWriter, stationWriter } from '../modules/stations/batch-writes.js';

type Entry = [t: number, kind: string, detail: string | number, ms?: number];

export function traceServer(file: string): { write(): void } {
  const entries: Entry[] = [];
  const t0 = performance.now();
  const now = (): number => Math.round((performance.now() - t0) * 100) / 100;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
  (http.Server.prototype as unknown as { emit: unknown }).emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'upgrade') entries.push([now(), 'upgrade', 0]);
    if (event === 'connection') entries.push([now(), 'conn', 0]);
    return emit.call(this, event, ...args);
  };
  const proto = GroupCommitter.prototype as unknown as { commit: (batch: Array<{ writer: { write: { name: string } } | null; work: unknown }>) => Promise<void> };
  const commit = proto.commit;
  proto.commit = async function (this: unknown, batch) {
    const kinds = new Map<string, number>();
    for (const item of batch) {
      const key = item.writer ? writerName(item.writer) : 'run';
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    const start = performance.now();
    entries.push([now(), 'batch', [...kinds].map(([k, n]) => `${k}:${n}`).join(' ')]);
    try {
      return await commit.call(this, batch);
    } finally {
      entries.push([now(), 'batch-end', batch.length, Math.round((performance.now() - start) * 100) / 100]);
    }
  };
  const query = PGlite.prototype.query as unknown as (...args: unknown[]) => Promise<unknown>;
  (PGlite.prototype as unknown as { query: unknown }).query = async function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    const text = String(args[0]).replace(/\s+/g, ' ').slice(0, 50);
    try {
      return await query.apply(this, args);
    } finally {
      entries.push([now(), 'query', text, Math.round((performance.now() - start) * 100) / 100]);
    }
  };
  return {
    write() {
      writeFileSync(file, entries.map((e) => e.join('\t')).join('\n') + '\n');
    },
  };
}

const names = new WeakMap<object, string>([[stationWriter, 'station'], [connectorStatusWriter, 'status'], [stationCreateWriter, 'create']]);
let nextName = 0;
function writerName(writer: object): string {
  let name = names.get(writer);
  if (!name) names.set(writer, (name = `w${nextName++}`));
  return name;
}
