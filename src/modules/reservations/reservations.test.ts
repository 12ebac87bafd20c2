import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { bootPayload, VERSIONS } from '../../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

for (const version of VERSIONS) {
  describe(`reservations over ${version}`, () => {
    let server: Server;
    let station: RawStation;
    const id = `RES-${version}`;
    before(async () => {
      server = await startTestServer({ reservationSweepSeconds: 0.1 });
      station = await RawStation.connect(server.baseUrl, id, [version]);
      await station.call('BootNotification', bootPayload(version));
    });
    after(() => server.stop());


    it(`${version === 'ocpp1.6' ? 'TC_046_CSMS' : 'TC_H_01_CSMS'}: reserve a specific EVSE, accepted`, async () => {
      const expiresAt = inMinutes(30);
      const pending = server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'DRIVER-1', evseId: 1, expiresAt });
      const payload = await station.answerNext('ReserveNow', { status: 'Accepted' });
      const response = await pending;
      assert.equal(response.status, 201);
      assert.equal(response.body.status, 'Accepted');
      if (version === 'ocpp1.6') {
        assert.deepEqual(payload, { connectorId: 1, expiryDate: expiresAt, idTag: 'DRIVER-1', reservationId: response.body.id });
      } else {
        assert.deepEqual(payload, { id: response.body.id, expiryDateTime: expiresAt, idToken: { idToken: 'DRIVER-1', type: 'Central' }, evseId: 1 });
      }
    });

    it(`${version === 'ocpp1.6' ? 'TC_049_CSMS' : 'TC_H_08_CSMS'}: reserve any EVSE`, async () => {
      const pending = server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'DRIVER-2', expiresAt: inMinutes(30) });
      const payload = await station.answerNext('ReserveNow', { status: 'Accepted' });
      assert.equal(version === 'ocpp1.6' ? payload['connectorId'] : payload['evseId'], version === 'ocpp1.6' ? 0 : undefined);
      assert.equal((await pending).body.status, 'Accepted');
    });

    it(`${version === 'ocpp1.6' ? 'TC_048_2_CSMS' : 'TC_H_22_CSMS'}: the station's refusal is the reservation's status`, async () => {
      const pending = server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'DRIVER-3', evseId: 1, expiresAt: inMinutes(10) });
      await station.answerNext('ReserveNow', { status: version === 'ocpp1.6' ? 'Occupied' : 'Rejected' });
      assert.equal((await pending).body.status, version === 'ocpp1.6' ? 'Occupied' : 'Rejected');
    });

    it(`${version === 'ocpp1.6' ? 'TC_051_CSMS' : 'TC_H_17_CSMS'}: cancel a reservation`, async () => {
      const created = server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'DRIVER-4', evseId: 1, expiresAt: inMinutes(10) });
      await station.answerNext('ReserveNow', { status: 'Accepted' });
      const reservation = (await created).body;
      const cancel = server.api.request('DELETE', `/api/v1/reservations/${reservation.id}`);
      assert.deepEqual(await station.answerNext('CancelReservation', { status: 'Accepted' }), { reservationId: reservation.id });
      const cancelled = await cancel;
      assert.equal(cancelled.body.reservation.status, 'Cancelled');
      const again = await server.api.request('DELETE', `/api/v1/reservations/${reservation.id}`);
      assert.equal(again.status, 422, 'a cancelled reservation cannot be cancelled again');
    });

    it(`${version === 'ocpp1.6' ? 'TC_047_CSMS' : 'TC_H_07_CSMS'}: the CSMS expires a reservation whose time has passed and tells the station`, async () => {
      const created = server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'DRIVER-5', evseId: 1, expiresAt: new Date(Date.now() + 1500).toISOString() });
      await station.answerNext('ReserveNow', { status: 'Accepted' });
      const reservation = (await created).body;
      assert.deepEqual(await station.answerNext('CancelReservation', { status: 'Rejected' }), { reservationId: reservation.id });
      const stored = await server.api.request('GET', `/api/v1/reservations/${reservation.id}`);
      assert.equal(stored.body.status, 'Expired');
    });

    it('refuses a reservation in the past and changes nothing', async () => {
      const response = await server.api.request('POST', `/api/v1/stations/${id}/reservations`, { idToken: 'X', expiresAt: new Date(Date.now() - 1000).toISOString() });
      assert.equal(response.status, 422);
    });
  });
}

describe('reservation updates from 2.x stations', () => {
  it('TC_H_07_CSMS: ReservationStatusUpdate Expired is recorded', async () => {
    const server = await startTestServer();
    try {
      const station = await RawStation.connect(server.baseUrl, 'RES-UPD', ['ocpp2.0.1']);
      await station.call('BootNotification', bootPayload('ocpp2.0.1'));
      const created = server.api.request('POST', '/api/v1/stations/RES-UPD/reservations', { idToken: 'D', evseId: 1, connectorType: 'cCCS2', expiresAt: inMinutes(5) });
      const [, callId, , payload] = await station.nextCall('ReserveNow');
      assert.equal((payload as { connectorType: string }).connectorType, 'cCCS2', 'TC_H_15_CSMS: reserve by connector type');
      station.reply(callId, { status: 'Accepted' });
      const reservation = (await created).body;
      const [type] = await station.call('ReservationStatusUpdate', { reservationId: reservation.id, reservationUpdateStatus: 'Expired' });
      assert.equal(type, 3);
      await waitUntil(async () => (await server.api.request('GET', `/api/v1/reservations/${reservation.id}`)).body.status === 'Expired');
      const byType16 = await server.api.request('GET', '/api/v1/reservations?stationId=RES-UPD');
      assert.equal(byType16.body.items.length, 1);
    } finally {
      await server.stop();
    }
  });
});
