// Same-process A/B of a session start's statements on PostgreSQL (ADR 069): the statements a start
// ran in turn before (event, session, meter row, zombie rule) against the one statement now,
// interleaved so that a loaded machine slows both alike. Prints wall time per start (each in its own
// transaction) and the statements sent. Diagnostics only:
//   CHARGEOPS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx src/bench/session-start-ab.ts 300
import { performance } from 'node:perf_hooks';
import { databaseTargets } from '../infra/db/test-database.js';
import type { Executor } from '../infra/db/database.js';
import { stations } from '../infra/db/schema.js';
import type { SessionState } from '../modules/sessions/domain/session.js';
import { createSessionStore } from '../modules/sessions/store.js';

const store = createSessionStore();
const target = databaseTargets().find((t) => t.name === 'postgres') ?? databaseTargets()[0]!;
const rounds = Number(process.argv[2] ?? 200);
const handle = await target.open();
const db = handle.db;
await db.insert(stations).values(Array.from({ length: 20 }, (_, i) => ({ id: `AB-${i}`, tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0 })));

const state = (id: string, stationId: string, startedAt: Date): SessionState => ({
  id, tenantId: 'default', stationId, evseId: 1, connectorId: 1, ocppVersion: 'ocpp2.0.1', externalId: `tx-${id}`, status: 'active',
  idToken: 'TOKEN-1', idTokenType: 'ISO14443', groupIdToken: null, authorizationStatus: 'Accepted', authorizationMethod: null, reservationId: null,
  remoteStartId: null, startedAt, endedAt: null, meterStartWh: '1000', meterStopWh: null, energyWh: '0', lastMeterAt: startedAt,
  lastReading: null, chargingState: 'Charging', stoppedReason: null, lastSeqNo: 0, hadOfflineEvents: false, anomalies: [],
});
const inputs = (id: string, i: number) => {
  const stationId = `AB-${i % 20}`;
  const at = new Date(Date.now() - 3_600_000 + i * 1000);
  const session = state(id, stationId, at);
  const event = { tenantId: 'default', sessionId: id, stationId, kind: 'Started', seqNo: 0, triggerReason: 'Authorized', offline: false, occurredAt: at, receivedAt: new Date(), dedupeKey: `2x:tx:${id}:0`, payload: { i } };
  const meterRows = [{ tenantId: 'default', stationId, sessionId: id, evseId: 1, sampledAt: at, measurand: 'Energy.Active.Import.Register', phase: null, location: 'Outlet', context: 'Transaction.Begin', unit: 'Wh', value: '1000', signed: null }];
  return { session, event, meterRows, now: new Date() };
};
const before = async (tx: Executor, id: string, i: number) => {
  const input = inputs(id, i);
  await store.findByExternalId(tx, input.session.stationId, input.session.externalId);
  await store.insertEvent(tx, input.event);
  await store.insertSession(tx, input.session, input.now);
  await store.insertMeterValues(tx, input.meterRows);
  await store.closeSuperseded(tx, input.session, input.now);
};
const after = async (tx: Executor, id: string, i: number) => { await store.startSession(tx, inputs(id, i)); };

const times = { before: [] as number[], after: [] as number[] };
for (let i = 0; i < rounds; i += 1) {
  for (const [name, run] of (i % 2 === 0 ? [['before', before], ['after', after]] : [['after', after], ['before', before]]) as Array<[keyof typeof times, typeof before]>) {
    const started = performance.now();
    await db.transaction(async (tx) => run(tx as unknown as Executor, `${name}-${i}`, i));
    times[name].push(performance.now() - started);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(2);
for (const [name, xs] of Object.entries(times)) console.log(`${name}: ${xs.length} starts, p50 ${pct(xs, 0.5)} ms, p90 ${pct(xs, 0.9)} ms, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} ms (incl. BEGIN/COMMIT)`);
await handle.close();
