import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { stationLogger } from './logger.js';

function capture(level: string): { parent: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { parent: pino({ level, base: { service: 'chargeops' } }, stream), lines };
}

test('a station logger writes the station id on every line, like a child logger', () => {
  const { parent, lines } = capture('info');
  const log = stationLogger(parent, 'CP-1');
  log.info({ code: 1000 }, 'station disconnected');
  log.warn('plain message %s', 'interpolated');
  log.error({ err: new Error('boom') }, 'handler failed');
  assert.deepEqual(lines.map((line) => [line['stationId'], line['service'], line['msg']]), [
    ['CP-1', 'chargeops', 'station disconnected'],
    ['CP-1', 'chargeops', 'plain message interpolated'],
    ['CP-1', 'chargeops', 'handler failed'],
  ]);
  assert.equal(lines[0]!['code'], 1000);
  assert.equal((lines[2]!['err'] as { message: string }).message, 'boom');
});

test('a station logger writes nothing below the parent level and follows level changes', () => {
  const { parent, lines } = capture('warn');
  const log = stationLogger(parent, 'CP-2');
  log.info('not written');
  log.debug({ x: 1 }, 'not written either');
  assert.equal(lines.length, 0);
  assert.equal(log.level, 'warn');
  assert.equal(log.isLevelEnabled('info'), false);
  parent.level = 'info';
  log.info('written now');
  assert.deepEqual(lines.map((line) => [line['stationId'], line['msg']]), [['CP-2', 'written now']]);
});

test('children and bindings of a station logger keep the station id', () => {
  const { parent, lines } = capture('info');
  const log = stationLogger(parent, 'CP-3');
  log.child({ module: 'authorization' }).info('from a child');
  assert.deepEqual(log.bindings(), parent.child({ stationId: 'CP-3' }).bindings());
  assert.equal(lines[0]!['stationId'], 'CP-3');
  assert.equal(lines[0]!['module'], 'authorization');
  // Loggers of two stations made from one parent do not share their id.
  stationLogger(parent, 'CP-4').info('other');
  log.info('again');
  assert.deepEqual(lines.slice(1).map((line) => line['stationId']), ['CP-4', 'CP-3']);
});
