import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from './clock.js';
import { ReservationBook } from './reservation-book.js';

describe('ReservationBook', () => {
  it('a connector reserved for a token (or its group) is for that token only; expiry frees it', async () => {
    const clock = new ManualClock(0);
    const expired: number[] = [];
    const book = new ReservationBook(clock, async (r) => { expired.push(r.id); });
    book.add({ id: 1, connectorId: 2, idToken: 'A', groupIdToken: 'G', expiresAt: new Date(60_000) });
    assert.equal(book.allows(2, 'B', undefined, 5), false);
    assert.equal(book.allows(2, 'C', 'G', 5), true, 'same group');
    assert.equal(book.allows(1, 'B', undefined, 0), true, 'other connectors are not affected');
    await clock.advance(60_000);
    assert.deepEqual(expired, [1]);
    assert.equal(book.allows(2, 'B', undefined, 0), true);
  });

  it('reservations on any connector leave enough free connectors for their holders, and are used up by them', () => {
    const book = new ReservationBook(new ManualClock(0), async () => {});
    book.add({ id: 7, connectorId: undefined, idToken: 'A', expiresAt: new Date(60_000) });
    assert.equal(book.allows(1, 'B', undefined, 1), true, 'one other connector stays free');
    assert.equal(book.allows(1, 'B', undefined, 0), false, 'the last free connector is kept for A');
    assert.equal(book.allows(1, 'A', undefined, 0), true);
    assert.equal(book.takeFor(1, 'A', undefined)?.id, 7);
    assert.equal(book.list().length, 0);
  });
});
