import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PerStationQueue } from './per-station-queue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PerStationQueue', () => {
  it('runs one station\'s tasks one after the other, other stations in parallel', async () => {
    const queue = new PerStationQueue<number, string>((a, b) => a + b);
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const first = queue.run('A', async () => { log.push('A1 start'); await gate; log.push('A1 end'); return 'a1'; });
    const second = queue.run('A', async () => { log.push('A2'); return 'a2'; });
    const other = queue.run('B', async () => { log.push('B1'); return 'b1'; });
    await other;
    assert.deepEqual(log, ['A1 start', 'B1']);
    release();
    assert.deepEqual(await Promise.all([first, second]), ['a1', 'a2']);
    assert.deepEqual(log, ['A1 start', 'B1', 'A1 end', 'A2']);
  });

  it('a failing task does not stop the next one', async () => {
    const queue = new PerStationQueue<number, string>((a, b) => a + b);
    const failed = queue.run('A', async () => { throw new Error('boom'); });
    await assert.rejects(failed, /boom/);
    assert.equal(await queue.run('A', async () => 'after'), 'after');
  });

  it('folds background requests that wait into one, merging their options', async () => {
    const queue = new PerStationQueue<number, number>((a, b) => a + b);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const seen: number[] = [];
    const running = queue.request('A', 1, async (n) => { seen.push(n); await gate; return n; });
    await tick();
    const waiting1 = queue.request('A', 2, async (n) => { seen.push(n); return n; });
    const waiting2 = queue.request('A', 4, async (n) => { seen.push(n); return n; });
    release();
    assert.deepEqual(await Promise.all([running, waiting1, waiting2]), [1, 6, 6]);
    assert.deepEqual(seen, [1, 6]);
  });

  it('close waits for work in flight and refuses new work', async () => {
    const queue = new PerStationQueue<number, string>((a, b) => a + b);
    let finished = false;
    void queue.run('A', async () => { await tick(); finished = true; return 'x'; });
    await queue.close();
    assert.equal(finished, true);
    await assert.rejects(queue.run('A', async () => 'y'), /closed/);
  });
});
