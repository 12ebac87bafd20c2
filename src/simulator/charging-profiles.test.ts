// The simulated station obeys the charging profiles a CSMS sends (1.6 Smart Charging, 2.x block K),
// over real WebSockets through the generic command endpoint, on simulated time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../testing/test-server.js';
import type { EvProfile } from './charging-model.js';
import { ManualClock } from './clock.js';
import { SimulatedStation } from './simulated-station.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;
const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };

describe('simulated stations obey charging profiles', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } });
    for (const idToken of ['PROFILE-1', 'PROFILE-2', 'PROFILE-3']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
  });
  after(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await server.stop();
  });

  const station = async (stationId: string, version: 'ocpp1.6' | 'ocpp2.0.1', clock: ManualClock) => {
    const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId, version, connectors: 2, clock, seed: 3, meterIntervalSeconds: 60 });
    stations.push(s);
    assert.equal((await s.start()).status, 'Accepted');
    return s;
  };
  const send = async (stationId: string, action: string, payload: unknown) => {
    const answer = await server.api.request('POST', `/api/v1/stations/${stationId}/ocpp/${action}`, payload);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.response;
  };

  it('TC_K_01 / TC_K_02 (1.6): TxDefaultProfile on connector 0 caps a new session, a TxProfile overrides it, ClearChargingProfile lifts it; a TxProfile without a transaction is Rejected', async () => {
    const clock = new ManualClock(Date.now() - 60 * MINUTE);
    const s = await station('PROF-16', 'ocpp1.6', clock);
    const schedule = (limit: number) => ({ chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] });
    assert.deepEqual(await send('PROF-16', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: { chargingProfileId: 5, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: schedule(10) } }), { status: 'Rejected' });
    assert.deepEqual(await send('PROF-16', 'SetChargingProfile', { connectorId: 0, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { ...schedule(16), startSchedule: new Date(clock.now().getTime() - 1000).toISOString() } } }), { status: 'Accepted' });
    await s.sessions.plugIn(1, EV);
    assert.equal(await s.sessions.swipe(1, 'PROFILE-1'), 'started');
    await s.transactionsDelivered();
    assert.equal(s.sessions.evOn(1)?.currentLimit.amps, 16);
    const txId = s.sessions.transactionOn(1)!.transactionId as number;
    assert.deepEqual(await send('PROF-16', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: { chargingProfileId: 2, transactionId: txId, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: schedule(8) } }), { status: 'Accepted' });
    assert.equal(s.sessions.evOn(1)?.currentLimit.amps, 8);
    const composite = await send('PROF-16', 'GetCompositeSchedule', { connectorId: 1, duration: 3600 });
    assert.equal(composite.status, 'Accepted');
    assert.equal(composite.chargingSchedule.chargingSchedulePeriod[0].limit, 8);
    await clock.advance(3 * MINUTE);
    const power = s.sessions.evOn(1)!.instant().powerW;
    assert.equal(power, 8 * 3 * 230, 'charging at 8 A on three phases');
    assert.deepEqual(await send('PROF-16', 'ClearChargingProfile', { id: 2 }), { status: 'Accepted' });
    assert.equal(s.sessions.evOn(1)?.currentLimit.amps, 16, 'back to the TxDefaultProfile');
    assert.deepEqual(await send('PROF-16', 'ClearChargingProfile', { id: 99 }), { status: 'Unknown' });
  });

  it('TC_K_60 / TC_K_70 (2.0.1): a schedule with two periods changes the limit on time; GetCompositeSchedule reports it; a misbehaving EV ignores it', async () => {
    const clock = new ManualClock(Date.now() - 60 * MINUTE);
    const s = await station('PROF-201', 'ocpp2.0.1', clock);
    await s.sessions.plugIn(1, EV);
    await s.sessions.plugIn(2, EV, { ignoresLimits: true });
    assert.equal(await s.sessions.swipe(1, 'PROFILE-2'), 'started');
    assert.equal(await s.sessions.swipe(2, 'PROFILE-3'), 'started');
    await s.transactionsDelivered();
    const tx = s.sessions.transactionOn(1)!.transactionId as string;
    const profile = (id: number, evseId: number, transactionId?: string) => ({
      evseId,
      chargingProfile: {
        id, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute', ...(transactionId ? { transactionId } : {}),
        chargingSchedule: [{ id, startSchedule: clock.now().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 20 }, { startPeriod: 600, limit: 7 }] }],
      },
    });
    assert.equal((await send('PROF-201', 'SetChargingProfile', profile(11, 1, tx))).status, 'Accepted');
    assert.equal((await send('PROF-201', 'SetChargingProfile', profile(12, 2))).status, 'Accepted');
    const composite = await send('PROF-201', 'GetCompositeSchedule', { evseId: 1, duration: 1200 });
    assert.deepEqual(composite.schedule.chargingSchedulePeriod.map((p: { startPeriod: number; limit: number }) => [p.startPeriod, p.limit]), [[0, 20], [600, 7]]);
    assert.equal(s.sessions.evOn(1)!.instant().powerW, 20 * 3 * 230);
    await clock.advance(11 * MINUTE);
    assert.equal(s.sessions.evOn(1)!.instant().powerW, 7 * 3 * 230, 'second period in force after 600 s');
    assert.equal(s.sessions.evOn(2)!.instant().powerW, 32 * 3 * 230, 'the misbehaving EV draws its maximum');
    const cleared = await send('PROF-201', 'ClearChargingProfile', { chargingProfileCriteria: { chargingProfilePurpose: 'TxProfile' } });
    assert.equal(cleared.status, 'Accepted');
    assert.equal(s.sessions.evOn(1)!.currentLimit.amps, undefined);
  });
});
