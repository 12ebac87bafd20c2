// A ZVT payment terminal for tests: a real TCP peer that answers the ECR as a terminal does. It
// requires Registration (06 00, right password) on each connection, acknowledges commands, sends
// intermediate status, status information and Completion, waits for the ECR's 80 00 00 after each
// of its messages (a missing ACK is recorded in `protocolErrors`), and keeps the reservations it
// made. The card a driver presents next is scripted: approve, decline with a result code, never
// presented (the ECR's timeout and Abort 06 B0), or aborted at the terminal (06 1E 6C). ADR 084.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  ACK, Bmp, Command, decodeBcd, decodeBmps, encodeApdu, encodeBcd, encodeBmp, is, isAck, readApdu, type Apdu,
} from '../codec.js';

export type CardBehaviour =
  | { kind: 'approve' }
  | { kind: 'decline'; resultCode: number }
  /** Nobody presents a card: the terminal waits until the ECR aborts (06 B0). */
  | { kind: 'no-card' }
  /** The driver presses the abort key: 06 1E 6C. */
  | { kind: 'abort-key' }
  /** The card is approved only as the ECR's abort (06 B0) arrives: the approval wins the race. */
  | { kind: 'approve-as-aborted' };

export type Reservation = { receiptNumber: number; traceNumber: number; amountMinor: number; currency: number; state: 'reserved' | 'booked' | 'reversed'; bookedMinor: number };

export type ZvtTerminalSimulator = {
  port: number;
  terminalId: string;
  /** Commands received (class, instruction, data), in order. */
  received: Apdu[];
  reservations: Map<number, Reservation>;
  refunds: number[];
  protocolErrors: string[];
  connections: number;
  /** Scripts the next card presented (one use); the default approves up to `limitMinor`. */
  present(behaviour: CardBehaviour): void;
  /** Closes the ECR's connection after the next command completes (a terminal reboot, a cable pulled). */
  dropAfterNextCommand(): void;
  close(): Promise<void>;
};

const TERMINAL_ID = '52523535';

export async function startZvtTerminalSimulator(options: { password?: string; currency?: number; limitMinor?: number } = {}): Promise<ZvtTerminalSimulator> {
  const password = options.password ?? '123456';
  const currency = options.currency ?? 978;
  const limitMinor = options.limitMinor ?? 100_000;
  const scripted: CardBehaviour[] = [];
  let receipt = 1;
  let trace = 100;
  let dropNext = false;
  const sockets = new Set<Socket>();

  const sim: ZvtTerminalSimulator = {
    port: 0, terminalId: TERMINAL_ID, received: [], reservations: new Map(), refunds: [], protocolErrors: [], connections: 0,
    present: (behaviour) => { scripted.push(behaviour); },
    dropAfterNextCommand: () => { dropNext = true; },
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };

  const server: Server = createServer((socket) => {
    sim.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let registered = false;
    const inbox: Apdu[] = [];
    let waiting: ((apdu: Apdu | null) => void) | null = null;
    /** The ECR's next message, or null after `ms` (as a terminal's own timeout). */
    const nextFromEcr = (ms: number) => new Promise<Apdu | null>((resolve) => {
      const queued = inbox.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => { waiting = null; resolve(null); }, ms);
      timer.unref(); // a test's end is not held up by a terminal waiting for a card
      waiting = (apdu) => { clearTimeout(timer); waiting = null; resolve(apdu); };
    });
    const send = (apdu: Buffer) => { if (!socket.destroyed) socket.write(apdu); };
    /** Sends a terminal message and waits for the ECR's 80 00 00, as the spec requires. */
    const say = async (cls: number, ins: number, data: Buffer = Buffer.alloc(0)) => {
      send(encodeApdu(cls, ins, data));
      const answer = await nextFromEcr(2000);
      if (!answer || !isAck(answer)) sim.protocolErrors.push(`no ACK from the ECR after ${cls.toString(16)} ${ins.toString(16)}`);
    };
    const status = (fields: Array<[number, Buffer]>) => say(Command.statusInformation[0], Command.statusInformation[1], Buffer.concat(fields.map(([tag, value]) => encodeBmp(tag, value))));
    const completion = () => say(Command.completion[0], Command.completion[1], Buffer.concat([encodeBmp(Bmp.paymentType, Buffer.from([0x00])), encodeBmp(Bmp.terminalId, Buffer.from(TERMINAL_ID, 'hex'))]));
    const abort = (resultCode: number) => say(Command.abortByTerminal[0], Command.abortByTerminal[1], Buffer.from([resultCode]));
    const nack = (code: number) => send(encodeApdu(0x84, code));

    /** A card is needed: plays the scripted behaviour; true when the card was approved. */
    const card = async (amountMinor: number): Promise<boolean> => {
      await say(Command.intermediateStatus[0], Command.intermediateStatus[1], Buffer.from([0x0a])); // "insert / present card"
      const behaviour = scripted.shift() ?? { kind: 'approve' };
      if (behaviour.kind === 'no-card') {
        const fromEcr = await nextFromEcr(600_000);
        if (fromEcr) sim.received.push(fromEcr);
        if (fromEcr && is(fromEcr, Command.abort)) {
          send(ACK);
          await abort(0x6c);
        }
        return false;
      }
      if (behaviour.kind === 'approve-as-aborted') {
        const fromEcr = await nextFromEcr(600_000);
        if (fromEcr) sim.received.push(fromEcr);
        if (fromEcr && is(fromEcr, Command.abort)) send(ACK);
        return amountMinor <= limitMinor;
      }
      if (behaviour.kind === 'abort-key') {
        await abort(0x6c);
        return false;
      }
      const resultCode = behaviour.kind === 'decline' ? behaviour.resultCode : amountMinor > limitMinor ? 0x51 : 0x00;
      if (resultCode !== 0) {
        await status([[Bmp.resultCode, Buffer.from([resultCode])], [Bmp.amount, encodeBcd(amountMinor, 6)]]);
        await abort(resultCode);
        return false;
      }
      return true;
    };
    const approvedStatus = (amountMinor: number, receiptNumber: number, traceNumber: number) => status([
      [Bmp.resultCode, Buffer.from([0x00])], [Bmp.amount, encodeBcd(amountMinor, 6)], [Bmp.currency, encodeBcd(currency, 2)],
      [Bmp.traceNumber, encodeBcd(traceNumber, 3)], [Bmp.receiptNumber, encodeBcd(receiptNumber, 2)], [Bmp.turnoverNumber, encodeBcd(traceNumber, 3)],
      [Bmp.terminalId, Buffer.from(TERMINAL_ID, 'hex')], [Bmp.pan, Buffer.from('eeeeeeeeeeee4242', 'hex')], [Bmp.cardName, Buffer.from('VISA', 'latin1')],
      [Bmp.aid, Buffer.from('A0000000', 'latin1')],
    ]);

    const handle = async (command: Apdu) => {
      sim.received.push(command);
      if (is(command, Command.registration)) {
        send(ACK);
        if (command.data.subarray(0, 3).toString('hex') !== password) return abort(0x6b);
        if (command.data.length >= 6 && decodeBcd(command.data.subarray(4, 6)) !== currency) return abort(0x6f);
        registered = true;
        return completion();
      }
      if (!registered) return nack(0x83);
      const bmps = (at = 0) => decodeBmps(command.data, at);
      if (is(command, Command.preAuthorisation)) {
        const fields = bmps();
        const amountMinor = decodeBcd(fields.get(Bmp.amount) ?? Buffer.alloc(6));
        send(ACK);
        if (fields.has(Bmp.currency) && decodeBcd(fields.get(Bmp.currency)!) !== currency) return abort(0x6f);
        if (!(await card(amountMinor))) return;
        const reservation: Reservation = { receiptNumber: receipt++, traceNumber: trace++, amountMinor, currency, state: 'reserved', bookedMinor: 0 };
        sim.reservations.set(reservation.receiptNumber, reservation);
        await approvedStatus(amountMinor, reservation.receiptNumber, reservation.traceNumber);
        return completion();
      }
      if (is(command, Command.bookTotal) || is(command, Command.preAuthorisationReversal)) {
        const fields = bmps();
        const reservation = sim.reservations.get(decodeBcd(fields.get(Bmp.receiptNumber) ?? Buffer.alloc(2)));
        send(ACK);
        if (!reservation || reservation.state !== 'reserved') return abort(reservation ? 0xb4 : 0xb8);
        if (is(command, Command.bookTotal)) {
          const amountMinor = decodeBcd(fields.get(Bmp.amount) ?? Buffer.alloc(6));
          if (amountMinor > reservation.amountMinor) return abort(0xb7);
          Object.assign(reservation, { state: 'booked', bookedMinor: amountMinor });
          await approvedStatus(amountMinor, receipt++, trace++);
        } else {
          reservation.state = 'reversed';
          await approvedStatus(reservation.amountMinor, receipt++, trace++);
        }
        return completion();
      }
      if (is(command, Command.refund)) {
        if (command.data.subarray(0, 3).toString('hex') !== password) { send(ACK); return abort(0x6b); }
        const amountMinor = decodeBcd(bmps(3).get(Bmp.amount) ?? Buffer.alloc(6));
        send(ACK);
        if (!(await card(amountMinor))) return;
        sim.refunds.push(amountMinor);
        await approvedStatus(amountMinor, receipt++, trace++);
        return completion();
      }
      return nack(0x83); // function not possible
    };

    /** One command after the other, as a terminal does; the loop ends with the connection. */
    const serve = async () => {
      while (!socket.destroyed) {
        const command = await nextFromEcr(24 * 3600_000);
        if (!command) return;
        if (isAck(command)) continue; // a late ACK (after the terminal's own timeout)
        const dropAfter = dropNext; // armed before this command arrived
        dropNext = false;
        try {
          await handle(command);
        } catch (error) {
          sim.protocolErrors.push(`cannot handle ${command.cls.toString(16)} ${command.ins.toString(16)}: ${(error as Error).message}`);
          if (!socket.destroyed) await abort(0x9a);
        }
        if (dropAfter) socket.destroy();
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let next = readApdu(buffer); next; next = readApdu(buffer)) {
        buffer = buffer.subarray(next.size);
        if (waiting) waiting(next.apdu);
        else inbox.push(next.apdu);
      }
    });
    socket.on('close', () => waiting?.(null));
    void serve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sim.port = (server.address() as AddressInfo).port;
  return sim;
}
