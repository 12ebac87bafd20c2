// The ZVT client and terminal adapter against a ZVT terminal simulator listening on TCP (a real
// peer, not a mock of the client): registration with the password, pre-authorisation, Book Total
// of the actual (smaller) amount, pre-authorisation reversal, refund, a declined card with its
// result code, no card presented (ECR timeout and Abort 06 B0), the abort key, one command at a
// time, reconnect with a new registration, and every terminal message acknowledged.
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { PaymentProviderError } from '../port.js';
import { TerminalProvider } from '../terminal.js';
import { Bmp, decodeBcd, decodeBmps } from './codec.js';
import { ZvtClient, type ZvtClientOptions } from './client.js';
import { startZvtTerminalSimulator, type ZvtTerminalSimulator } from './testing/zvt-terminal-simulator.js';
import { parseZvtReference, ZvtTerminalLink } from './zvt-terminal-link.js';

const options = (port: number, overrides: Partial<ZvtClientOptions> = {}): ZvtClientOptions => ({
  host: '127.0.0.1', port, password: '123456', currency: 'EUR', connectTimeoutMs: 2000, ackTimeoutMs: 2000, transactionTimeoutMs: 10_000, ...overrides,
});

describe('ZVT terminal adapter against a simulated terminal over TCP', () => {
  let terminal: ZvtTerminalSimulator;
  let client: ZvtClient;
  let link: ZvtTerminalLink;
  before(async () => {
    terminal = await startZvtTerminalSimulator({ password: '123456', limitMinor: 20_000 });
    client = new ZvtClient(options(terminal.port));
    link = new ZvtTerminalLink(client);
  });
  after(async () => {
    client.close();
    assert.deepEqual(terminal.protocolErrors, [], 'the ECR acknowledged every terminal message');
    await terminal.close();
  });

  it('registers (06 00: password, config byte, currency 0978), reserves 50.00 (06 22) and books the actual 12.34 (06 24)', async () => {
    const reserved = await link.reserve(5000, 'EUR');
    assert.equal(reserved.approved, true, reserved.reason);
    const [registration, preAuth] = terminal.received;
    assert.deepEqual([registration!.cls, registration!.ins], [0x06, 0x00]);
    assert.equal(registration!.data.subarray(0, 3).toString('hex'), '123456');
    assert.equal(registration!.data.subarray(4, 6).toString('hex'), '0978');
    assert.deepEqual([preAuth!.cls, preAuth!.ins], [0x06, 0x22]);
    const fields = decodeBmps(preAuth!.data);
    assert.deepEqual([decodeBcd(fields.get(Bmp.amount)!), decodeBcd(fields.get(Bmp.currency)!), fields.get(Bmp.paymentType)![0]], [5000, 978, 0x40]);

    const ref = parseZvtReference(reserved.transactionId);
    assert.equal(ref.terminalId, terminal.terminalId);
    assert.equal(terminal.reservations.get(ref.receiptNumber)!.state, 'reserved');
    await link.complete(reserved.transactionId, 1234);
    const book = terminal.received.at(-1)!;
    assert.deepEqual([book.cls, book.ins], [0x06, 0x24]);
    assert.equal(decodeBcd(decodeBmps(book.data).get(Bmp.receiptNumber)!), ref.receiptNumber);
    assert.deepEqual([terminal.reservations.get(ref.receiptNumber)!.state, terminal.reservations.get(ref.receiptNumber)!.bookedMinor], ['booked', 1234]);
    await assert.rejects(link.complete(reserved.transactionId, 1234), (e: Error) => e instanceof PaymentProviderError && /already reversed|result code B4/.test(e.message), 'a reservation is booked once');
  });

  it('reverses a reservation (06 25) when no energy was delivered: nothing booked', async () => {
    const reserved = await link.reserve(5000, 'EUR');
    await link.release(reserved.transactionId);
    const { receiptNumber } = parseZvtReference(reserved.transactionId);
    assert.deepEqual([terminal.received.at(-1)!.ins, terminal.reservations.get(receiptNumber)!.state, terminal.reservations.get(receiptNumber)!.bookedMinor], [0x25, 'reversed', 0]);
    await assert.rejects(link.complete(reserved.transactionId, 100), PaymentProviderError);
  });

  it('never books more than was reserved (result code B7)', async () => {
    const reserved = await link.reserve(1000, 'EUR');
    await assert.rejects(link.complete(reserved.transactionId, 1001), /result code B7/);
    await link.release(reserved.transactionId);
  });

  it('a declined card is a declined reservation with the result code, not an exception', async () => {
    terminal.present({ kind: 'decline', resultCode: 0x05 });
    const declined = await link.reserve(5000, 'EUR');
    assert.equal(declined.approved, false);
    assert.match(declined.reason!, /do not honour.*result code 05/);
    const overLimit = await link.reserve(25_000, 'EUR');
    assert.match(overLimit.reason!, /result code 51/);
  });

  it('the abort key at the terminal (06 1E 6C) declines; the next driver pays normally', async () => {
    terminal.present({ kind: 'abort-key' });
    assert.match((await link.reserve(5000, 'EUR')).reason!, /result code 6C/);
    assert.equal((await link.reserve(5000, 'EUR')).approved, true);
  });

  it('no card presented: the ECR times out, sends Abort (06 B0), declines, and reconnects for the next command', async () => {
    const impatient = new ZvtClient(options(terminal.port, { transactionTimeoutMs: 2000 }));
    try {
      terminal.present({ kind: 'no-card' });
      const connections = terminal.connections;
      const declined = await new ZvtTerminalLink(impatient).reserve(5000, 'EUR');
      assert.equal(declined.approved, false);
      assert.match(declined.reason!, /did not complete within 2000 ms/);
      assert.ok(terminal.received.some((apdu) => apdu.cls === 0x06 && apdu.ins === 0xb0), 'Abort 06 B0 sent');
      const next = await new ZvtTerminalLink(impatient).reserve(700, 'EUR');
      assert.equal(next.approved, true);
      assert.equal(terminal.connections, connections + 2, 'a fresh connection (and registration) after the timeout');
    } finally {
      impatient.close();
    }
  });

  it('an approval that crosses the ECR\'s abort is kept, not dropped: the reservation is known and can be reversed', async () => {
    const impatient = new ZvtClient(options(terminal.port, { transactionTimeoutMs: 1000 }));
    try {
      terminal.present({ kind: 'approve-as-aborted' });
      const reserved = await new ZvtTerminalLink(impatient).reserve(4000, 'EUR');
      assert.ok(terminal.received.some((apdu) => apdu.cls === 0x06 && apdu.ins === 0xb0), 'the ECR did abort');
      assert.equal(reserved.approved, true, reserved.reason);
      const { receiptNumber } = parseZvtReference(reserved.transactionId);
      assert.equal(terminal.reservations.get(receiptNumber)!.state, 'reserved');
      await new ZvtTerminalLink(impatient).release(reserved.transactionId);
      assert.equal(terminal.reservations.get(receiptNumber)!.state, 'reversed');
    } finally {
      impatient.close();
    }
  });

  it('runs one command at a time: concurrent reservations queue, each gets its own receipt', async () => {
    const before = terminal.received.length;
    const results = await Promise.all([1, 2, 3].map((i) => link.reserve(100 * i, 'EUR')));
    assert.ok(results.every((r) => r.approved));
    assert.equal(new Set(results.map((r) => r.transactionId)).size, 3);
    assert.deepEqual(terminal.received.slice(before).map((a) => a.ins), [0x22, 0x22, 0x22]);
  });

  it('reconnects and registers again after the terminal dropped the connection', async () => {
    assert.equal((await link.reserve(200, 'EUR')).approved, true);
    const connections = terminal.connections;
    terminal.dropAfterNextCommand();
    assert.equal((await link.reserve(300, 'EUR')).approved, true);
    while (client.connected) await new Promise((resolve) => setTimeout(resolve, 10)); // the close reaches the client
    const again = await link.reserve(400, 'EUR');
    assert.equal(again.approved, true);
    assert.equal(terminal.connections, connections + 1);
    assert.deepEqual(terminal.received.slice(-2).map((a) => a.ins), [0x00, 0x22]);
  });

  it('refunds (06 31, with the password) once per refund id', async () => {
    const reserved = await link.reserve(2000, 'EUR');
    await link.complete(reserved.transactionId, 1500);
    await link.refund(reserved.transactionId, 500, 'r-1');
    await link.refund(reserved.transactionId, 500, 'r-1');
    assert.deepEqual(terminal.refunds, [500]);
    assert.equal(terminal.received.at(-1)!.data.subarray(0, 3).toString('hex'), '123456');
  });

  it('refuses another currency than the terminal\'s without asking it', async () => {
    const count = terminal.received.length;
    const declined = await link.reserve(5000, 'CHF');
    assert.match(declined.reason!, /takes EUR, not CHF/);
    assert.equal(terminal.received.length, count);
  });

  it('as the payment port (TerminalProvider): pre-authorise, capture, void', async () => {
    const provider = new TerminalProvider(link);
    const auth = await provider.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'pay-14' });
    assert.equal(auth.status, 'authorised');
    await provider.capture(auth.ref, 4321);
    assert.equal(terminal.reservations.get(parseZvtReference(auth.ref).receiptNumber)!.bookedMinor, 4321);
    terminal.present({ kind: 'decline', resultCode: 0x05 });
    const declined = await provider.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'pay-15' });
    assert.equal(declined.status, 'declined');
  });

  it('a wrong password: registration refused, the command fails clearly', async () => {
    const wrong = new ZvtClient(options(terminal.port, { password: '000000' }));
    try {
      await assert.rejects(new ZvtTerminalLink(wrong).complete('zvt:52523535:1:1', 100), /registration refused: function deactivated/);
    } finally {
      wrong.close();
    }
    assert.throws(() => new ZvtClient(options(terminal.port, { password: 'abc' })), /six digits/);
  });

  it('a terminal that does not listen: a provider error naming the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = new ZvtClient(options(port));
    await assert.rejects(new ZvtTerminalLink(nowhere).reserve(100, 'EUR'), (e: Error) => e instanceof PaymentProviderError && e.message.includes(`127.0.0.1:${port}`));
  });
});
