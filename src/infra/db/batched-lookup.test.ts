import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchedLookup } from './batched-lookup.js';

/** A load function whose calls are recorded and answered by hand. */
function manualLoad() {
  const calls: Array<{ ids: string[]; answer: (found: Map<string, string>) => void; fail: (error: Error) => void }> = [];
  const load = (ids: string[]) => new Promise<Map<string, string>>((resolve, reject) => calls.push({ ids, answer: resolve, fail: reject }));
  return { calls, load };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('lookups of one event-loop turn are answered by one load; a missing id is null', async () => {
  const { calls, load } = manualLoad();
  const lookup = new BatchedLookup(load);
  const a = lookup.find('a');
  const b = lookup.find('b');
  const again = lookup.find('a');
  await turn();
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0]!.ids, ['a', 'b']);
  calls[0]!.answer(new Map([['a', 'A']]));
  assert.deepEqual(await Promise.all([a, b, again]), ['A', null, 'A']);
});

test('while maxInFlight loads run, later lookups wait and share the next load', async () => {
  const { calls, load } = manualLoad();
  const lookup = new BatchedLookup(load, { maxInFlight: 1 });
  const first = lookup.find('s1');
  await turn();
  const later = ['s2', 's3', 's4'].map((id) => lookup.find(id));
  await turn();
  await turn();
  assert.equal(calls.length, 1, 'no second load while the first is running');
  calls[0]!.answer(new Map([['s1', 'one']]));
  assert.equal(await first, 'one');
  await turn();
  assert.equal(calls.length, 2);
  assert.deepEqual(calls[1]!.ids, ['s2', 's3', 's4']);
  calls[1]!.answer(new Map([['s3', 'three']]));
  assert.deepEqual(await Promise.all(later), [null, 'three', null]);
});

test('a failed load rejects its own lookups only, and maxBatch splits large turns', async () => {
  const { calls, load } = manualLoad();
  const lookup = new BatchedLookup(load, { maxBatch: 2, maxInFlight: 2 });
  const lookups = ['a', 'b', 'c'].map((id) => lookup.find(id));
  await turn();
  assert.deepEqual(calls.map((call) => call.ids), [['a', 'b'], ['c']]);
  calls[0]!.fail(new Error('connection lost'));
  calls[1]!.answer(new Map([['c', 'C']]));
  const settled = await Promise.allSettled(lookups);
  assert.deepEqual(settled.map((s) => s.status), ['rejected', 'rejected', 'fulfilled']);
  assert.equal((settled[2] as PromiseFulfilledResult<string | null>).value, 'C');
  const after = lookup.find('a');
  await turn();
  calls[2]!.answer(new Map([['a', 'A']]));
  assert.equal(await after, 'A', 'the lookup keeps working after a failure');
});

test('with gatherMs, a lookup after a quiet spell loads at once; lookups of several turns after a load share the next one', async () => {
  const { calls, load } = manualLoad();
  const lookup = new BatchedLookup(load, { gatherMs: 300 });
  const first = lookup.find('g1');
  await turn();
  assert.equal(calls.length, 1, 'nothing loaded recently: the first lookup loads at the end of its turn');
  calls[0]!.answer(new Map([['g1', 'one']]));
  assert.equal(await first, 'one');
  const second = lookup.find('g2');
  await turn();
  await turn();
  const third = lookup.find('g3');
  await turn();
  assert.equal(calls.length, 1, 'within the window after the last load, lookups wait for it to end');
  await new Promise((resolve) => setTimeout(resolve, 350));
  assert.equal(calls.length, 2);
  assert.deepEqual(calls[1]!.ids, ['g2', 'g3']);
  calls[1]!.answer(new Map([['g3', 'three']]));
  assert.deepEqual(await Promise.all([second, third]), [null, 'three']);
});
