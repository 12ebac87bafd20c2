// Runs every domain/scenarios/*.json: a sequence of transaction messages (as a station sends them,
// in arrival order) applied to one session, and the expected session and anomalies.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AuthorizationStatus } from '../../authorization/ports.js';
import { applySessionEvent, closeSession } from './apply-event.js';
import { tokenPurpose } from './authorization-rules.js';
import type { EnergyPoint } from './energy.js';
import { fromSampledValue2x, isEnergyReading, parseMeterValues, type SampledValue2x, type SampleInput } from './sampled-value.js';
import type { CloseReason, SessionEvent, SessionState } from './session.js';
import { formatDecimal } from './decimal.js';

type ScenarioEvent = {
  kind?: 'Started' | 'Updated' | 'Ended';
  close?: CloseReason;
  ocppVersion?: string;
  transactionId?: string;
  seqNo?: number;
  timestamp: string;
  receivedAt?: string;
  offline?: boolean;
  triggerReason?: string;
  evse?: { evseId: number; connectorId?: number };
  idToken?: { idToken: string; type?: string };
  decision?: { status: AuthorizationStatus; groupIdToken?: string; masterPass?: boolean };
  chargingState?: string;
  stoppedReason?: string;
  remoteStartId?: number;
  meterValue?: Array<{ timestamp: string; sampledValue: Array<SampleInput | SampledValue2x> }>;
};

type Scenario = {
  description: string;
  input: { futureToleranceSeconds?: number; events: ScenarioEvent[] };
  expected: { session: Partial<Record<keyof SessionState, unknown>>; anomalies: string[] };
};

const folder = new URL('./scenarios/', import.meta.url);

function toEvent(raw: ScenarioEvent, current: SessionState | null): SessionEvent {
  const kind = raw.kind ?? 'Updated';
  const meterValues = (raw.meterValue ?? []).map((mv) => ({
    timestamp: mv.timestamp,
    sampledValue: mv.sampledValue.map((sv) => (typeof sv.value === 'number' ? fromSampledValue2x(sv as SampledValue2x) : sv as SampleInput)),
  }));
  const { samples, problems } = parseMeterValues(meterValues);
  const token = raw.idToken ? { idToken: raw.idToken.idToken, type: raw.idToken.type ?? null } : null;
  const decision = raw.decision ?? { status: 'Accepted' as const };
  return {
    kind,
    ocppVersion: raw.ocppVersion ?? 'ocpp2.0.1',
    externalId: raw.transactionId ?? 'TX-1',
    seqNo: raw.seqNo ?? null,
    at: new Date(raw.timestamp),
    receivedAt: new Date(raw.receivedAt ?? raw.timestamp),
    offline: raw.offline ?? false,
    triggerReason: raw.triggerReason ?? null,
    evse: raw.evse ? { evseId: raw.evse.evseId, connectorId: raw.evse.connectorId ?? null } : null,
    token,
    authorization: token ? {
      purpose: tokenPurpose(kind, raw.triggerReason ?? null, current?.idToken ?? null, token.idToken),
      decision: {
        status: decision.status, reason: 'scenario', tokenId: null, groupIdToken: decision.groupIdToken ?? null,
        expiresAt: null, language: null, masterPass: decision.masterPass ?? false,
      },
    } : null,
    chargingState: raw.chargingState ?? null,
    stoppedReason: raw.stoppedReason ?? null,
    remoteStartId: raw.remoteStartId ?? null,
    reservationId: null,
    samples,
    problems,
  };
}

/** Plays the events like the service does: the stored series is handed over when asked for. */
function play(scenario: Scenario): SessionState {
  let session: SessionState | null = null;
  const stored: EnergyPoint[] = [];
  for (const raw of scenario.input.events) {
    if (raw.close) {
      assert.ok(session, 'close needs a session');
      session = closeSession(session, raw.close, new Date(raw.timestamp));
      continue;
    }
    const event = toEvent(raw, session);
    const options = { newSessionId: 'S-1', tenantId: 'default', stationId: 'CS-1', futureToleranceMs: (scenario.input.futureToleranceSeconds ?? 300) * 1000 };
    let result = applySessionEvent(session, event, options);
    if (result.kind === 'needs-history') result = applySessionEvent(session, event, { ...options, history: [...stored] });
    assert.equal(result.kind, 'applied');
    if (result.kind !== 'applied') throw new Error('unreachable');
    session = result.session;
    for (const sample of event.samples.filter(isEnergyReading)) stored.push({ at: sample.sampledAt, wh: formatDecimal(sample.value) });
  }
  assert.ok(session, 'the scenario produced no session');
  return session;
}

const comparable = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

describe('session scenarios (domain/scenarios/*.json)', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  it('has scenario files', () => assert.ok(files.length >= 10));
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Scenario;
    it(`${file}: ${scenario.description}`, () => {
      const session = play(scenario);
      for (const [field, expected] of Object.entries(scenario.expected.session)) {
        assert.deepEqual(comparable(session[field as keyof SessionState]), expected, `${file}: ${field}`);
      }
      assert.deepEqual(session.anomalies.map((a) => a.kind), scenario.expected.anomalies, `${file}: anomalies`);
    });
  }
});
