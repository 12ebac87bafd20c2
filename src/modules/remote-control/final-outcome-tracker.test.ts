import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventBus, type DomainEvent } from '../../infra/events/event-bus.js';
import { FinalOutcomeTracker, type FinalOutcome } from './final-outcome-tracker.js';

function setup(timeouts = { startMs: 60_000, stopMs: 60_000 }) {
  const bus = new EventBus();
  const published: DomainEvent[] = [];
  bus.subscribe((event) => published.push(event));
  const recorded: Array<[string, FinalOutcome]> = [];
  const tracker = new FinalOutcomeTracker(async (id, final) => { recorded.push([id, final]); }, bus, timeouts, 20);
  const started = (data: Record<string, unknown>, stationId = 'S1'): DomainEvent => ({ type: 'session.started', tenantId: 't', stationId, at: new Date(), data });
  return { tracker, published, recorded, started };
}

describe('final outcome of remote start and stop', () => {
  it('F01/F02: a 2.x start is matched by remoteStartId, not by token', async () => {
    const { tracker, recorded, published, started } = setup();
    tracker.expect({ commandId: '1', tenantId: 't', stationId: 'S1', kind: 'start', remoteStartId: 9, idToken: 'A' });
    tracker.observe(started({ sessionId: 'other', remoteStartId: 8, idToken: 'A' }));
    assert.equal(recorded.length, 0);
    const waiting = tracker.wait('1', 1000);
    tracker.observe(started({ sessionId: 'mine', remoteStartId: 9, idToken: 'A' }));
    assert.deepEqual(await waiting, { outcome: 'session-started', detail: null, sessionId: 'mine' });
    assert.equal(published[0]?.type, 'remote-start.succeeded');
    tracker.close();
  });

  it('a 1.6 start (no remoteStartId) is matched by token and EVSE on the same station only', async () => {
    const { tracker, recorded, started } = setup();
    tracker.expect({ commandId: '2', tenantId: 't', stationId: 'S1', kind: 'start', idToken: 'TAG', evseId: 2 });
    tracker.observe(started({ sessionId: 'x', idToken: 'TAG', evseId: 2 }, 'S2'));
    tracker.observe(started({ sessionId: 'y', idToken: 'TAG', evseId: 1 }));
    assert.equal(recorded.length, 0);
    tracker.observe(started({ sessionId: 'z', idToken: 'TAG', evseId: 2 }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(recorded, [['2', { outcome: 'session-started', detail: null, sessionId: 'z' }]]);
    tracker.close();
  });

  it('TC_F_01: a cable-first remote start is matched when the running session reports the remoteStartId', async () => {
    const { tracker, recorded } = setup();
    tracker.expect({ commandId: '5', tenantId: 't', stationId: 'S1', kind: 'start', remoteStartId: 3, idToken: 'A' });
    tracker.observe({ type: 'session.updated', tenantId: 't', stationId: 'S1', at: new Date(), data: { sessionId: 'plugged', idToken: 'A' } });
    assert.equal(recorded.length, 0, 'an update without remoteStartId is not a start');
    tracker.observe({ type: 'session.updated', tenantId: 't', stationId: 'S1', at: new Date(), data: { sessionId: 'plugged', remoteStartId: 3 } });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(recorded, [['5', { outcome: 'session-started', detail: null, sessionId: 'plugged' }]]);
    tracker.close();
  });

  it('a stop is done when its session ends; a start with no session fails at the deadline', async () => {
    const { tracker, recorded } = setup({ startMs: 50, stopMs: 60_000 });
    tracker.expect({ commandId: '3', tenantId: 't', stationId: 'S1', kind: 'stop', sessionId: 'ses' });
    tracker.expect({ commandId: '4', tenantId: 't', stationId: 'S1', kind: 'start', idToken: 'Q' });
    tracker.observe({ type: 'session.ended', tenantId: 't', stationId: 'S1', at: new Date(), data: { sessionId: 'ses', stoppedReason: 'Remote' } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(recorded.map(([id, final]) => [id, final.outcome]), [['3', 'session-ended'], ['4', 'failed']]);
    tracker.close();
  });
});
