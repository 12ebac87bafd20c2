import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../../../../web/src/api/event-stream.js';
import type { Session } from '../../../../web/src/api/types.js';
import { applySessionEvent, matchesFilters, sessionOfStarted, type SessionFilters } from '../../../../web/src/live/live-sessions.js';

const NONE: SessionFilters = { stationId: '', idToken: '', status: '', from: '', to: '' };
const started = (sessionId: string, stationId = 'CP1', idToken = 'TAG1', startedAt = '2026-11-21T10:00:00.000Z'): LiveEvent => ({
  id: sessionId, type: 'session.started', tenantId: 't', stationId, at: startedAt,
  data: { sessionId, externalId: '17', evseId: 1, connectorId: 1, ocppVersion: 'ocpp1.6', idToken, authorizationStatus: 'Accepted', remoteStartId: null, reservationId: null, startedAt },
});
const ended = (sessionId: string): LiveEvent => ({
  id: `${sessionId}-end`, type: 'session.ended', tenantId: 't', stationId: 'CP1', at: '2026-11-21T11:00:00.000Z',
  data: { sessionId, status: 'completed', stoppedReason: 'Local', energyWh: '7500', endedAt: '2026-11-21T11:00:00.000Z' },
});

describe('sessions list, live', () => {
  it('session.started puts the new session on top, once', () => {
    const first = applySessionEvent([], started('s1'), NONE);
    const second = applySessionEvent(first, started('s2'), NONE);
    assert.deepEqual(second.map((s) => s.id), ['s2', 's1']);
    assert.equal(applySessionEvent(second, started('s2'), NONE), second, 'a replayed event (Last-Event-ID resume) adds nothing');
    const row = second[0]!;
    assert.deepEqual([row.stationId, row.evseId, row.status, row.idToken, row.energyWh, row.transactionId], ['CP1', 1, 'active', 'TAG1', '0', '17']);
  });

  it('session.ended updates its row in place; events of sessions not listed change nothing', () => {
    const rows = applySessionEvent([], started('s1'), NONE);
    const after = applySessionEvent(rows, ended('s1'), NONE);
    assert.deepEqual([after[0]!.status, after[0]!.energyWh, after[0]!.endedAt], ['completed', '7500', '2026-11-21T11:00:00.000Z']);
    assert.equal(applySessionEvent(after, ended('elsewhere'), NONE), after);
  });

  it('a new session appears only when it matches the filters in force', () => {
    const session = sessionOfStarted(started('s1', 'CP1', 'TAG1', '2026-11-21T10:00:00.000Z')) as Session;
    assert.equal(matchesFilters(session, { ...NONE, stationId: 'CP1' }), true);
    assert.equal(matchesFilters(session, { ...NONE, stationId: 'CP2' }), false);
    assert.equal(matchesFilters(session, { ...NONE, idToken: 'OTHER' }), false);
    assert.equal(matchesFilters(session, { ...NONE, status: 'completed' }), false);
    assert.equal(matchesFilters(session, { ...NONE, status: 'active' }), true);
    assert.equal(matchesFilters(session, { ...NONE, to: '2000-01-01T00:00' }), false);
    assert.deepEqual(applySessionEvent([], started('s9', 'CP2'), { ...NONE, stationId: 'CP1' }), []);
  });

  it('an event without a session id or station is ignored', () => {
    assert.equal(sessionOfStarted({ ...started('x'), stationId: null }), null);
    assert.equal(sessionOfStarted({ ...started('x'), data: {} }), null);
  });
});
