// Fault injection on a simulated station (issue 6 item 7): each fault drives the station's real
// link with the OCPP messages a faulty charger sends (or stops sending). Faults use a connector the
// caller keeps free of simulated drivers, so they do not fight the session engine.
import { randomUUID } from 'node:crypto';
import { isOcpp2x } from '../../protocol/versions.js';
import type { SimulatedStation } from '../simulated-station.js';

export type Fault =
  /** Drops the socket without a close handshake and stays away for `seconds` (forever when absent). */
  | { kind: 'offline'; seconds?: number }
  /** Drops and comes back `times` times, `downSeconds` away and `upSeconds` up each time. */
  | { kind: 'flapping'; times: number; downSeconds: number; upSeconds: number }
  /** Faulted with an error code (1.6 errorCode + vendorId/vendorErrorCode; 2.x NotifyEvent techCode), cleared after `seconds`. */
  | { kind: 'vendor-error'; connectorId: number; errorCode: string; vendorId?: string; vendorErrorCode?: string; seconds?: number }
  /** A transaction starts and the station never sends its stop; the connector goes back to Available. */
  | { kind: 'stuck-transaction'; connectorId: number; idToken: string }
  /** Authorized and started, no energy delivered, stopped after `seconds` with meterStop = meterStart; `times` in a row (default 1). */
  | { kind: 'failed-start'; connectorId: number; idToken: string; seconds: number; times?: number }
  /** Charging with the meter register not moving, sampled every `intervalSeconds`, stopped after `seconds`. */
  | { kind: 'frozen-meter'; connectorId: number; idToken: string; seconds: number; intervalSeconds: number }
  /** A connector left in Preparing (2.x: Occupied) with no session, back to Available after `seconds` (forever when absent). */
  | { kind: 'stuck-preparing'; connectorId: number; seconds?: number };

export type FaultKind = Fault['kind'];

export type Sleeper = (ms: number) => Promise<void>;
// Unref'd: a fault still waiting does not keep a stopped simulator process alive.
const realSleep: Sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

const REGISTER_WH = 100_000;

/** Runs one fault to its end (an endless offline returns once the station is down). */
export async function injectFault(station: SimulatedStation, fault: Fault, sleep: Sleeper = realSleep): Promise<void> {
  switch (fault.kind) {
    case 'offline':
      await station.goOffline();
      if (fault.seconds !== undefined) {
        await sleep(fault.seconds * 1000);
        await station.goOnline();
      }
      return;
    case 'flapping':
      for (let i = 0; i < fault.times; i++) {
        await station.goOffline();
        await sleep(fault.downSeconds * 1000);
        await station.goOnline();
        await sleep(fault.upSeconds * 1000);
      }
      return;
    case 'vendor-error':
      await reportFault(station, fault);
      if (fault.seconds !== undefined) {
        await sleep(fault.seconds * 1000);
        await status(station, fault.connectorId, 'Available');
      }
      return;
    case 'stuck-transaction': {
      await startTransaction(station, fault.connectorId, fault.idToken);
      await status(station, fault.connectorId, 'Available'); // the station forgot it; the CSMS did not
      return;
    }
    case 'failed-start': {
      for (let i = 0; i < (fault.times ?? 1); i++) {
        const tx = await startTransaction(station, fault.connectorId, fault.idToken);
        await sleep(fault.seconds * 1000);
        await stopTransaction(station, fault.connectorId, tx, fault.idToken);
      }
      return;
    }
    case 'stuck-preparing':
      await status(station, fault.connectorId, 'Preparing');
      if (fault.seconds !== undefined) {
        await sleep(fault.seconds * 1000);
        await status(station, fault.connectorId, 'Available');
      }
      return;
    case 'frozen-meter': {
      const tx = await startTransaction(station, fault.connectorId, fault.idToken);
      const samples = Math.max(1, Math.floor(fault.seconds / fault.intervalSeconds));
      for (let i = 0; i < samples; i++) {
        await sleep(fault.intervalSeconds * 1000);
        await meter(station, fault.connectorId, tx);
      }
      await stopTransaction(station, fault.connectorId, tx, fault.idToken);
      return;
    }
  }
}

type Tx = { id: string; seqNo: number };

async function status(station: SimulatedStation, connectorId: number, value: string, error?: { errorCode: string; vendorId?: string; vendorErrorCode?: string }): Promise<void> {
  const timestamp = new Date().toISOString();
  if (isOcpp2x(station.version)) {
    // 2.x has no Preparing/Charging: a plugged-in or charging connector is Occupied.
    const connectorStatus = value === 'Charging' || value === 'Preparing' ? 'Occupied' : value;
    await must(station.call('StatusNotification', { timestamp, connectorStatus, evseId: connectorId, connectorId: 1 }), 'StatusNotification');
    return;
  }
  await must(station.call('StatusNotification', {
    connectorId, status: value, errorCode: error?.errorCode ?? 'NoError', timestamp,
    ...(error?.vendorId ? { vendorId: error.vendorId } : {}), ...(error?.vendorErrorCode ? { vendorErrorCode: error.vendorErrorCode } : {}),
  }), 'StatusNotification');
}

async function reportFault(station: SimulatedStation, fault: Extract<Fault, { kind: 'vendor-error' }>): Promise<void> {
  await status(station, fault.connectorId, 'Faulted', fault);
  if (!isOcpp2x(station.version)) return;
  await must(station.call('NotifyEvent', {
    generatedAt: new Date().toISOString(), seqNo: 0, tbc: false,
    eventData: [{
      eventId: Math.floor(Math.random() * 1_000_000), timestamp: new Date().toISOString(), trigger: 'Delta', actualValue: 'Faulted',
      techCode: fault.vendorErrorCode ?? fault.errorCode, techInfo: fault.vendorId ?? undefined, eventNotificationType: 'HardWiredNotification',
      component: { name: 'Connector', evse: { id: fault.connectorId, connectorId: 1 } }, variable: { name: 'AvailabilityState' },
    }],
  }), 'NotifyEvent');
}

async function startTransaction(station: SimulatedStation, connectorId: number, idToken: string): Promise<Tx> {
  const timestamp = new Date().toISOString();
  if (isOcpp2x(station.version)) {
    const tx = { id: `chaos-${randomUUID().slice(0, 29)}`, seqNo: 0 }; // transactionId: at most 36 characters
    await status(station, connectorId, 'Occupied');
    await must(station.call('TransactionEvent', {
      eventType: 'Started', timestamp, triggerReason: 'Authorized', seqNo: tx.seqNo++,
      transactionInfo: { transactionId: tx.id, chargingState: 'Charging' }, evse: { id: connectorId, connectorId: 1 },
      idToken: { idToken, type: 'ISO14443' }, meterValue: [sample(timestamp, 'Transaction.Begin')],
    }), 'TransactionEvent');
    return tx;
  }
  await must(station.call('Authorize', { idTag: idToken }), 'Authorize');
  await status(station, connectorId, 'Preparing');
  const answer = await must(station.call('StartTransaction', { connectorId, idTag: idToken, meterStart: REGISTER_WH, timestamp }), 'StartTransaction');
  await status(station, connectorId, 'Charging');
  return { id: String((answer as { transactionId: number }).transactionId), seqNo: 0 };
}

async function meter(station: SimulatedStation, connectorId: number, tx: Tx): Promise<void> {
  const timestamp = new Date().toISOString();
  if (isOcpp2x(station.version)) {
    await must(station.call('TransactionEvent', {
      eventType: 'Updated', timestamp, triggerReason: 'MeterValuePeriodic', seqNo: tx.seqNo++,
      transactionInfo: { transactionId: tx.id, chargingState: 'Charging' }, evse: { id: connectorId, connectorId: 1 }, meterValue: [sample(timestamp, 'Sample.Periodic')],
    }), 'TransactionEvent');
    return;
  }
  await must(station.call('MeterValues', { connectorId, transactionId: Number(tx.id), meterValue: [sample(timestamp, 'Sample.Periodic', true)] }), 'MeterValues');
}

async function stopTransaction(station: SimulatedStation, connectorId: number, tx: Tx, idToken: string): Promise<void> {
  const timestamp = new Date().toISOString();
  if (isOcpp2x(station.version)) {
    await must(station.call('TransactionEvent', {
      eventType: 'Ended', timestamp, triggerReason: 'StopAuthorized', seqNo: tx.seqNo++,
      transactionInfo: { transactionId: tx.id, chargingState: 'Idle', stoppedReason: 'Other' }, evse: { id: connectorId, connectorId: 1 },
      idToken: { idToken, type: 'ISO14443' }, meterValue: [sample(timestamp, 'Transaction.End')],
    }), 'TransactionEvent');
  } else {
    await must(station.call('StopTransaction', { transactionId: Number(tx.id), meterStop: REGISTER_WH, timestamp, reason: 'Other', idTag: idToken }), 'StopTransaction');
  }
  await status(station, connectorId, 'Available');
}

/** The register reading, the same every time: the meter does not move. */
function sample(timestamp: string, context: string, v16 = false) {
  return v16
    ? { timestamp, sampledValue: [{ value: String(REGISTER_WH), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }
    : { timestamp, sampledValue: [{ value: REGISTER_WH, context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] };
}

async function must(outcome: Promise<{ kind: string }>, action: string): Promise<unknown> {
  const result = await outcome;
  if (result.kind !== 'result') throw new Error(`${action} failed during fault injection: ${result.kind}`);
  return (result as unknown as { payload: unknown }).payload;
}
