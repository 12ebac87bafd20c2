// The engine's queues over a real WebSocket pair: one CALL handled at a time per direction, in
// order, with the limits of RpcConnectionOptions. The queues exist only while something waits
// (ADR 074), so these pin what a waiting call sees: order, limits, busy, offline, whenIdle.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { RpcConnection, type CallDispatcher, type CallHandler } from './rpc-connection.js';
import { getMessageValidator } from './validation.js';

type Link = { csms: RpcConnection; station: WebSocket; frames: unknown[][]; nextFrame(): Promise<unknown[]> };

describe('RpcConnection queues (OCPP-J 4.1.1: one outstanding CALL per direction)', () => {
  let server: WebSocketServer;
  let url: string;
  before(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'ocpp1.6' });
    await once(server, 'listening');
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function link(dispatch: CallDispatcher | CallHandler, limits = { maxQueuedCalls: 1, maxQueuedInbound: 2 }): Promise<Link> {
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const station = new WebSocket(url, ['ocpp1.6']);
    const [socket] = await accepted;
    await once(station, 'open');
    const csms = new RpcConnection(socket, {
      version: 'ocpp1.6', role: 'csms', validator: getMessageValidator('ocpp1.6'), dispatch,
      callTimeoutMs: 5000, log: pino({ level: 'silent' }), ...limits,
    });
    socket.on('message', (data) => csms.receive(data.toString()));
    socket.on('close', () => csms.handleClosed());
    const frames: unknown[][] = [];
    const waiting: Array<(frame: unknown[]) => void> = [];
    station.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      frames.push(frame);
      waiting.shift()?.(frame);
    });
    const nextFrame = () => new Promise<unknown[]>((resolve) => waiting.push(resolve));
    return { csms, station, frames, nextFrame };
  }

  it('answers inbound CALLs one at a time, in order, and refuses one beyond the queue limit (GenericError on 1.6)', async () => {
    const releases: Array<() => void> = [];
    let running = 0;
    let mostAtOnce = 0;
    const { station, frames, csms } = await link(async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return { currentTime: new Date(0).toISOString() };
    });
    // One being handled, two waiting (the limit), the fourth refused at once.
    for (const id of ['h1', 'h2', 'h3', 'h4']) station.send(JSON.stringify([2, id, 'Heartbeat', {}]));
    while (frames.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(frames[0]!.slice(0, 3), [4, 'h4', 'GenericError']);
    let idle = false;
    const whenIdle = csms.whenIdle().then(() => (idle = true));
    while (frames.length < 4) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      releases.shift()?.();
    }
    await whenIdle;
    assert.equal(idle, true);
    assert.deepEqual(frames.slice(1).map((frame) => [frame[0], frame[1]]), [[3, 'h1'], [3, 'h2'], [3, 'h3']]);
    assert.equal(mostAtOnce, 1);
    station.close();
  });

  it('dispatches through a CallHandler object as through a function; an unhandled action is NotSupported', async () => {
    const handler: CallHandler = {
      handleCall: (action) => (action === 'Heartbeat' ? Promise.resolve({ currentTime: new Date(0).toISOString() }) : undefined),
    };
    const { station, nextFrame } = await link(handler);
    station.send(JSON.stringify([2, 'a', 'Heartbeat', {}]));
    assert.deepEqual((await nextFrame()).slice(0, 2), [3, 'a']);
    station.send(JSON.stringify([2, 'b', 'DataTransfer', { vendorId: 'x' }]));
    assert.deepEqual((await nextFrame()).slice(0, 3), [4, 'b', 'NotSupported']);
    station.close();
  });

  it('answers each waiting CALL in order whatever became of the one before: thrown, rejected, invalid response, unknown, invalid request', async () => {
    const heartbeat = { currentTime: new Date(0).toISOString() };
    const { station, frames, csms } = await link((action, payload) => {
      const id = (payload as { vendorId?: string }).vendorId;
      if (action !== 'DataTransfer') return Promise.resolve(heartbeat);
      if (id === 'throws') throw new Error('sync failure');
      if (id === 'rejects') return Promise.reject(new Error('async failure'));
      if (id === 'invalid') return Promise.resolve({ status: 'NoSuchStatus' });
      return Promise.resolve({ status: 'Accepted' });
    }, { maxQueuedCalls: 1, maxQueuedInbound: 10 });
    const sent: Array<[string, string, Record<string, unknown>]> = [
      ['a', 'DataTransfer', { vendorId: 'throws' }], ['b', 'DataTransfer', { vendorId: 'rejects' }],
      ['c', 'DataTransfer', { vendorId: 'invalid' }], ['d', 'NoSuchAction', {}], ['e', 'Heartbeat', { extra: 1 }],
      ['f', 'DataTransfer', { vendorId: 'ok' }], ['g', 'Heartbeat', {}],
    ];
    for (const [id, action, payload] of sent) station.send(JSON.stringify([2, id, action, payload]));
    while (frames.length < sent.length) await new Promise((resolve) => setTimeout(resolve, 5));
    await csms.whenIdle();
    assert.deepEqual(frames.map((frame) => frame.slice(0, 3)), [
      [4, 'a', 'InternalError'], [4, 'b', 'InternalError'], [4, 'c', 'InternalError'], [4, 'd', 'NotImplemented'],
      [4, 'e', 'FormationViolation'], [3, 'f', { status: 'Accepted' }], [3, 'g', heartbeat],
    ]);
    station.close();
  });

  it('sends a queued outbound CALL only after the outstanding one is answered, says busy beyond the limit, offline on close', async () => {
    const { csms, station, nextFrame } = await link(() => undefined);
    const first = csms.call('ClearCache', {});
    const second = csms.call('ClearCache', {});
    assert.deepEqual(await csms.call('ClearCache', {}), { kind: 'busy', queued: 1 });
    const firstFrame = await nextFrame();
    const secondSent = nextFrame();
    station.send(JSON.stringify([3, firstFrame[1], { status: 'Accepted' }]));
    assert.deepEqual(await first, { kind: 'result', payload: { status: 'Accepted' } });
    const secondFrame = await secondSent;
    assert.notEqual(secondFrame[1], firstFrame[1]);
    // The queue is empty again: a new call waits behind the outstanding one instead of being busy.
    const third = csms.call('ClearCache', {});
    station.close();
    assert.deepEqual(await second, { kind: 'offline' });
    assert.deepEqual(await third, { kind: 'offline' });
    assert.deepEqual(await csms.call('ClearCache', {}), { kind: 'offline' });
    await csms.whenIdle();
  });
});
