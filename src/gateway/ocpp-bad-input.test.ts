import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer } from '../testing/test-server.js';
import { bootPayload, VERSIONS } from '../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The wire spelling of each error the engine raises, per version (OCPP-J 1.6 §4.2.3, 2.0.1 §4.3). */
const SPELLING = {
  'ocpp1.6': { framework: 'ProtocolError', format: 'FormationViolation', occurrence: 'OccurenceConstraintViolation', messageType: 'ProtocolError' },
  'ocpp2.0.1': { framework: 'RpcFrameworkError', format: 'FormatViolation', occurrence: 'OccurrenceConstraintViolation', messageType: 'MessageTypeNotSupported' },
  'ocpp2.1': { framework: 'RpcFrameworkError', format: 'FormatViolation', occurrence: 'OccurrenceConstraintViolation', messageType: 'MessageTypeNotSupported' },
} as const;

for (const version of VERSIONS) {
  describe(`OCPP-J framing and bad input, ${version}`, () => {
    let server: Server;
    let station: RawStation;
    let bystander: RawStation;
    const spelling = SPELLING[version];

    before(async () => {
      server = await startTestServer({ ocpp: { maxFrameBytes: 4096 } });
      station = await RawStation.connect(server.baseUrl, `BAD-${version}`, [version]);
      await station.call('BootNotification', bootPayload(version));
      // Every bad input below must leave this other station's link untouched.
      bystander = await RawStation.connect(server.baseUrl, `OK-${version}`, [version]);
      await bystander.call('BootNotification', bootPayload(version));
    });
    after(async () => {
      const [type] = await bystander.call('Heartbeat', {});
      assert.equal(type, 3, 'the bystander station still gets answers');
      await server.stop();
    });

    it('invalid JSON gets a CALLERROR with message id -1', async () => {
      station.sendText('{not json');
      const frame = await station.waitFor((f) => f[0] === 4 && f[1] === '-1');
      assert.equal(frame[2], spelling.framework);
    });

    it('a frame that is not an array gets a CALLERROR with message id -1', async () => {
      station.sendText('{"a":1}');
      const frame = await station.waitFor((f) => f[0] === 4 && f[1] === '-1');
      assert.equal(frame[2], spelling.framework);
    });

    it('an unknown message type gets MessageTypeNotSupported (1.6: ProtocolError)', async () => {
      station.sendText(JSON.stringify([9, 'mt-1', 'Heartbeat', {}]));
      const frame = await station.waitFor((f) => f[0] === 4 && f[1] === 'mt-1');
      assert.equal(frame[2], spelling.messageType);
    });

    it('a CALL without an action gets the framework error with its id', async () => {
      station.sendText(JSON.stringify([2, 'na-1']));
      const frame = await station.waitFor((f) => f[0] === 4 && f[1] === 'na-1');
      assert.equal(frame[2], spelling.framework);
    });

    it('a payload that is not an object is a format violation', async () => {
      const frame = await station.call('Heartbeat', ['not', 'an', 'object']);
      assert.equal(frame[2], spelling.format);
    });

    it('an unknown action is NotImplemented', async () => {
      const frame = await station.call('MakeCoffee', {});
      assert.deepEqual(frame.slice(0, 3), [4, frame[1], 'NotImplemented']);
    });

    it('an action the CSMS sends, sent by a station, is NotSupported', async () => {
      const frame = await station.call('Reset', { type: 'Hard' });
      assert.equal(frame[2], 'NotSupported');
    });

    it('a missing required field is an occurrence constraint violation', async () => {
      const frame = await station.call('Authorize', {});
      assert.equal(frame[2], spelling.occurrence);
    });

    it('a wrong type is a TypeConstraintViolation', async () => {
      const payload = version === 'ocpp1.6'
        ? { connectorId: 'one', errorCode: 'NoError', status: 'Available' }
        : { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 'one', connectorId: 1 };
      const frame = await station.call('StatusNotification', payload);
      assert.equal(frame[2], 'TypeConstraintViolation');
    });

    it('a value outside the enumeration is a PropertyConstraintViolation', async () => {
      const payload = version === 'ocpp1.6'
        ? { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' }
        : { timestamp: new Date().toISOString(), connectorStatus: 'Sleeping', evseId: 1, connectorId: 1 };
      const frame = await station.call('StatusNotification', payload);
      assert.equal(frame[2], 'PropertyConstraintViolation');
    });

    it('an unexpected property is a format violation', async () => {
      const frame = await station.call('Heartbeat', { extra: true });
      assert.equal(frame[2], spelling.format);
    });

    it('a CALLRESULT for no outstanding call is dropped and the link stays up', async () => {
      station.sendText(JSON.stringify([3, 'nobody-asked', {}]));
      station.sendText(JSON.stringify([4, 'nobody-asked-either', 'GenericError', '', {}]));
      const [type] = await station.call('Heartbeat', {});
      assert.equal(type, 3);
    });

    it('a frame over the maximum size closes that link with 1009 and nothing else', async () => {
      const victim = await RawStation.connect(server.baseUrl, `BIG-${version}`, [version]);
      victim.sendText(JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'x', data: 'y'.repeat(8000) }]));
      const closed = await victim.closed;
      assert.equal(closed.code, 1009);
    });
  });
}
