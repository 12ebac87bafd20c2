// Diagnostics for the bench server (BENCH_ALLOCATIONS=<file>): where the server allocates, with
// V8's sampling heap profiler told to keep the samples of objects the GC already collected, so the
// profile shows the allocation rate behind the scavenges (BENCH_PAUSES), not only what stays alive.
// BENCH_ALLOCATIONS_PROMOTED=1 keeps only what outlived the young generation.
// Written as a .heapprofile (Chrome DevTools, Memory tab) when the server stops; summarise it with
// `npx tsx src/bench/allocation-summary.ts <file>`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** One sample per this many bytes allocated (V8's default is 32 KiB; smaller is finer and slower). */
const SAMPLING_INTERVAL_BYTES = 16 * 1024;

/**
 * `promotedOnly`: leave out what the young-generation GC collected, so the profile shows what lived
 * long enough to be promoted (and may have died in the old generation since): the allocations that
 * bring the mark-compact collections.
 */
export async function sampleAllocations(file: string, promotedOnly = false): Promise<{ write(): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: SAMPLING_INTERVAL_BYTES, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !promotedOnly,
  });
  return {
    async write() {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
