// 2.x NotifyEvent and SecurityEventNotification codes in the unknown-code ranking (issue 6 item 2):
// which event data count as a fault (table), and over a real 2.0.1 link into GET unknown-codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { codesOfStationEvent } from './event-codes.js';

const datum = (extra: Record<string, unknown>) => ({
  eventId: 1, timestamp: '2026-03-01T10:00:00Z', trigger: 'Delta', actualValue: 'x', eventNotificationType: 'HardWiredNotification',
  component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' }, ...extra,
});

describe('station event codes (N07 NotifyEvent, A04 SecurityEventNotification)', () => {
  it('takes the techCode, an Alerting trigger or a Problem/Fault true report; not monitoring values', () => {
    const of = (data: unknown[]) => codesOfStationEvent('NotifyEvent', { generatedAt: '2026-03-01T10:00:00Z', seqNo: 0, eventData: data });
    assert.deepEqual(of([datum({ techCode: 'E-42', actualValue: 'Faulted' })]).map((c) => [c.component, c.variable, c.eventCode]), [['Connector', 'AvailabilityState', 'E-42']]);
    assert.deepEqual(of([datum({ variable: { name: 'Problem' }, actualValue: 'true' })]).map((c) => c.variable), ['Problem']);
    assert.deepEqual(of([datum({ trigger: 'Alerting', variable: { name: 'Temperature' }, actualValue: '95' })]).map((c) => c.variable), ['Temperature']);
    assert.deepEqual(of([datum({ trigger: 'Periodic', variable: { name: 'Power' }, actualValue: '7000' })]), []);
    assert.deepEqual(of([datum({ techCode: 'CX001', techInfo: 'https://chargex.inl.gov' })])[0]?.vendorId, 'https://chargex.inl.gov');
    assert.deepEqual(codesOfStationEvent('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-03-01T10:00:00Z' }).map((c) => [c.component, c.eventCode]), [['Security', 'TamperDetectionActivated']]);
    assert.deepEqual(codesOfStationEvent('DataTransfer', { vendorId: 'x' }), []);
  });

  describe('over a real OCPP 2.0.1 link', () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let station: RawStation;
    before(async () => {
      server = await startTestServer();
      station = await RawStation.connect(server.baseUrl, 'KB-EVENTS-201', ['ocpp2.0.1']);
      await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    });
    after(async () => {
      await station?.close();
      await server?.stop();
    });

    it('ranks a NotifyEvent techCode and a security event type no entry explains, with the station counted', async () => {
      const now = new Date().toISOString();
      for (let i = 0; i < 2; i++) {
        await station.call('NotifyEvent', { generatedAt: now, seqNo: i, eventData: [datum({ eventId: i, timestamp: now, techCode: 'ZZ-UNKNOWN-7', actualValue: 'Faulted' })] });
      }
      await station.call('SecurityEventNotification', { type: 'ZzVendorSecurityOddity', timestamp: now });
      await station.call('NotifyEvent', { generatedAt: now, seqNo: 9, eventData: [datum({ eventId: 9, timestamp: now, trigger: 'Periodic', variable: { name: 'Power' }, actualValue: '7000' })] });
      type Unknown = { eventCode: string | null; component: string | null; variable: string | null; count: number; stations: number };
      const ranking = async (): Promise<Unknown[]> => (await server.api.request('GET', '/api/v1/knowledge-base/unknown-codes?limit=500')).body.items;
      await waitUntil(async () => (await ranking()).some((u) => u.eventCode === 'ZzVendorSecurityOddity'), 30_000);
      const items = await ranking();
      const tech = items.find((u) => u.eventCode === 'ZZ-UNKNOWN-7');
      assert.ok(tech, JSON.stringify(items));
      assert.equal(tech.component, 'Connector');
      assert.equal(tech.stations, 1);
      assert.equal(items.find((u) => u.eventCode === 'ZzVendorSecurityOddity')?.component, 'Security');
      assert.ok(!items.some((u) => u.variable === 'Power'), 'a periodic value is not a fault');
    });
  });
});
