import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthorizationDecision } from '../../authorization/ports.js';
import { csvField } from '../csv.js';
import { supersedes } from './apply-event.js';
import { mayStopOthersSession, tokenPurpose } from './authorization-rules.js';
import { canonicalJson, dedupeKeys, sameContent } from './dedupe-keys.js';
import { groupMeterSeries } from './meter-series.js';
import { appendAnomalies, MAX_ANOMALIES, type Anomaly } from './session.js';

const t = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
const decision = (patch: Partial<AuthorizationDecision>): AuthorizationDecision => ({
  status: 'Accepted', reason: '', tokenId: null, groupIdToken: null, expiresAt: null, language: null, masterPass: false, ...patch,
});

describe('session rules', () => {
  it('zombie rule: a newer session on the same EVSE/connector supersedes an older active one (table)', () => {
    const older = { id: 'old', evseId: 1, connectorId: 1 as number | null, startedAt: t(0), status: 'active' as const };
    const table: Array<[string, Parameters<typeof supersedes>[0], Parameters<typeof supersedes>[1], boolean]> = [
      ['same connector, later', { id: 'new', evseId: 1, connectorId: 1, startedAt: t(5) }, older, true],
      ['connector unknown on one side', { id: 'new', evseId: 1, connectorId: null, startedAt: t(5) }, older, true],
      ['other connector', { id: 'new', evseId: 1, connectorId: 2, startedAt: t(5) }, older, false],
      ['other EVSE', { id: 'new', evseId: 2, connectorId: 1, startedAt: t(5) }, older, false],
      ['unknown EVSE', { id: 'new', evseId: 0, connectorId: null, startedAt: t(5) }, { ...older, evseId: 0 }, false],
      ['started earlier (late offline delivery)', { id: 'new', evseId: 1, connectorId: 1, startedAt: t(-5) }, older, false],
      ['already ended', { id: 'new', evseId: 1, connectorId: 1, startedAt: t(5) }, { ...older, status: 'completed' as const }, false],
      ['itself', { id: 'old', evseId: 1, connectorId: 1, startedAt: t(5) }, older, false],
    ];
    for (const [name, newer, old, expected] of table) assert.equal(supersedes(newer, old), expected, name);
  });

  it('token purpose: stop when ending, re-authorize the session\'s own token, start otherwise', () => {
    assert.equal(tokenPurpose('Ended', null, 'A', 'A'), 'stop');
    assert.equal(tokenPurpose('Updated', 'StopAuthorized', 'A', 'B'), 'stop');
    assert.equal(tokenPurpose('Updated', 'Authorized', 'A', 'A'), 'authorize');
    assert.equal(tokenPurpose('Started', 'Authorized', null, 'A'), 'start');
    assert.equal(tokenPurpose('Updated', 'Authorized', null, 'A'), 'start');
  });

  it('C16: another token may stop when of the same group or a master pass', () => {
    assert.equal(mayStopOthersSession('G', decision({ groupIdToken: 'G' })), true);
    assert.equal(mayStopOthersSession('G', decision({ groupIdToken: 'H' })), false);
    assert.equal(mayStopOthersSession(null, decision({ groupIdToken: null })), false, 'no group is not the same group');
    assert.equal(mayStopOthersSession(null, decision({ masterPass: true })), true);
  });

  it('dedupe keys ignore key order but not content; 2.x events are keyed by transaction and seqNo', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] }), '{"a":[{"x":1,"y":2}],"b":1}');
    assert.ok(sameContent({ a: 1, b: 'x' }, { b: 'x', a: 1 }));
    assert.ok(!sameContent({ a: 1 }, { a: 2 }));
    assert.equal(dedupeKeys.transactionEvent2x('tx-1', 0), '2x:tx:tx-1:0');
    const mv = [{ timestamp: '2024-01-01T00:00:00Z', sampledValue: [{ value: '1' }] }];
    assert.equal(dedupeKeys.meterValues16(1, 7, mv), dedupeKeys.meterValues16(1, 7, structuredClone(mv)));
    assert.notEqual(dedupeKeys.meterValues16(1, 7, mv), dedupeKeys.meterValues16(1, 8, mv));
    assert.equal(dedupeKeys.start16(1, 'TAG', 100, t(0)), `16:start:1:TAG:100:${t(0).getTime()}`);
  });

  it('keeps at most 100 anomalies, the last one saying that later ones were dropped', () => {
    const one: Anomaly = { kind: 'duplicate-event', at: t(0).toISOString(), detail: '' };
    let anomalies: Anomaly[] = [];
    for (let i = 0; i < 150; i += 1) anomalies = appendAnomalies(anomalies, [one]);
    assert.equal(anomalies.length, MAX_ANOMALIES);
    assert.equal(anomalies.at(-1)?.kind, 'anomalies-truncated');
  });

  it('groups meter samples per measurand, phase, location and unit, in time order', () => {
    const sample = (measurand: string, phase: string | null, minute: number, value: string) =>
      ({ sampledAt: t(minute), measurand, phase, location: 'Outlet', context: null, unit: 'A', value, signed: null });
    const series = groupMeterSeries([sample('Current.Import', 'L2', 1, '2'), sample('Current.Import', 'L1', 2, '1b'), sample('Current.Import', 'L1', 1, '1a')]);
    assert.deepEqual(series.map((s) => [s.phase, s.points.map((p) => p.value)]), [['L1', ['1a', '1b']], ['L2', ['2']]]);
  });

  it('writes CSV fields safely (quotes, line breaks, formula prefixes)', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-12.5'), '-12.5');
    assert.equal(csvField(null), '');
    assert.equal(csvField(3), '3');
  });
});
