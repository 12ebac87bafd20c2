// The child side of the benchmark IPC: receive commands, answer, and go away with the parent.
import { getHeapSpaceStatistics } from 'node:v8';
import type { ChildMessage } from './child.js';

export function sendToParent(message: ChildMessage): void {
  if (!process.send) throw new Error('This module runs as a benchmark child process (forked with IPC)');
  process.send(message);
}

/** Dispatches the parent's messages by type; a child whose parent is gone exits. */
export function onParentMessage(handlers: Record<string, (message: ChildMessage) => Promise<void> | void>): void {
  process.on('disconnect', () => process.exit(1));
  process.on('message', (raw) => {
    const message = raw as ChildMessage;
    const handler = handlers[message.type];
    if (!handler) return;
    Promise.resolve(handler(message)).catch((error: unknown) => {
      console.error(`bench child: '${message.type}' failed:`, error);
      sendToParent({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    });
  });
}

/** Size and use of one V8 heap space (new, old, code, large objects...): where committed but unused heap sits. */
export type HeapSpaceSample = { sizeBytes: number; usedBytes: number };

/** Collects garbage twice (needs --expose-gc) and reports the heap, so RSS is read after a collection. */
export function collectGarbage(): NodeJS.MemoryUsage & { heapSpaces: Record<string, HeapSpaceSample> } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const heapSpaces: Record<string, HeapSpaceSample> = {};
  for (const space of getHeapSpaceStatistics()) heapSpaces[space.space_name] = { sizeBytes: space.space_size, usedBytes: space.space_used_size };
  return { ...process.memoryUsage(), heapSpaces };
}
