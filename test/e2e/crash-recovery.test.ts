// The crash test of the sessions issue: ChargeOps is killed with SIGKILL in the middle of
// sessions while simulated 1.6 and 2.0.1 stations keep charging and queueing; after a restart on
// the same data, the stations reconnect and replay, and every session must be complete, none
// doubled, and its energy exactly what the simulated meters delivered.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { ManualClock } from '../../src/simulator/clock.js';
import { meteredWh } from '../../src/simulator/session-engine.js';
import { SimulatedStation } from '../../src/simulator/simulated-station.js';
import type { OcppVersion } from '../../src/protocol/versions.js';

const API_KEY = 'cok_crash-test-key-0123456789abcdefghijklmnop';
const MINUTE = 60_000;
/** A tag per station and connector: one token in two running sessions would be ConcurrentTx. */
const tagOf = (station: number, connector: number) => `CRASH-${station}-${connector}`;

type Server = { process: ChildProcess; output: string[]; exited: Promise<number | null> };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** `chargeops start` from the sources, as its own process. */
async function startChargeOps(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chargeops.ts', 'start'], {
    env: { ...process.env, PORT: String(port), CHARGEOPS_LOG_LEVEL: 'warn', CHARGEOPS_API_KEY: API_KEY, CHARGEOPS_UNKNOWN_STATIONS: 'accept', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in 120 s:\n${output.join('')}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/ready \(/.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`chargeops exited with ${code}:\n${output.join('')}`)));
  });
  return { process: child, output, exited };
}

async function api(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function waitUntil(what: string, predicate: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves like `promise`, or fails naming `what` after `ms`. */
function within<T>(what: string, promise: Promise<T>, ms = 120_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function crashAndRecover(env: Record<string, string>): Promise<void> {
  const port = await freePort();
  const began = Date.now();
  const step = (text: string) => process.stderr.write(`[crash-test +${((Date.now() - began) / 1000).toFixed(1)}s] ${text}\n`);
  let server = await startChargeOps(port, env);
  const outputs = [server.output];
  const clock = new ManualClock(Date.now() - 8 * 60 * MINUTE);
  const versions: OcppVersion[] = ['ocpp1.6', 'ocpp2.0.1'];
  const stations = versions.map((version, i) => new SimulatedStation({
    url: `ws://127.0.0.1:${port}/ocpp`, stationId: `CRASH-${version}`, version, connectors: 3, clock, seed: 100 + i,
    evse: i === 0 ? { kind: 'AC', phases: 3, maxAmps: 32 } : { kind: 'DC', maxKw: 150 },
    meterIntervalSeconds: 60, callTimeoutMs: 3000, reconnect: true, maxReconnectDelayMs: 1000, transactionRetryMs: 200,
  }));
  try {
    for (let s = 0; s < stations.length; s++) {
      for (let c = 1; c <= 3; c++) assert.equal((await api(port, 'POST', '/api/v1/tokens', { idToken: tagOf(s, c), type: 'ISO14443' })).status, 201);
    }
    for (const station of stations) assert.equal((await station.start()).status, 'Accepted');

    // Sessions on every connector, running for a while.
    for (const [s, station] of stations.entries()) {
      for (let c = 1; c <= 3; c++) {
        await station.sessions.plugIn(c);
        assert.equal(await station.sessions.swipe(c, tagOf(s, c)), 'started');
      }
    }
    await clock.advance(10 * MINUTE);
    await within('first ten minutes delivered', Promise.all(stations.map((s) => s.transactionsDelivered())));
    assert.ok(stations.every((s) => s.sessions.transactions.every((tx) => tx.authorizationStatus === 'Accepted' && !tx.endedAt)), 'six sessions running');
    step('sessions running');

    // SIGKILL while the next ten minutes of messages are on their way.
    const firstDelivered = new Promise((resolve) => stations.forEach((s) => s.once('transactionMessage', resolve)));
    const inFlight = clock.advance(10 * MINUTE);
    await firstDelivered;
    server.process.kill('SIGKILL');
    assert.equal(await server.exited, null, 'killed, not exited');
    step('server killed');
    await within('the in-flight advance', inFlight);
    await waitUntil('stations see the link go', () => stations.every((s) => !s.connected));
    assert.ok(stations.every((s) => s.queue.length > 0), 'killed with transaction messages undelivered');

    // Offline: sessions go on; connector 1 stops and a new session starts there; connector 2 stops.
    await clock.advance(15 * MINUTE);
    for (const [s, station] of stations.entries()) {
      assert.equal(await station.sessions.swipe(1, tagOf(s, 1)), 'stopped');
      await station.sessions.unplug(1);
      await station.sessions.plugIn(1);
      assert.equal(await station.sessions.swipe(1, tagOf(s, 1)), 'started', 'authorized from the cache while offline');
      assert.equal(await station.sessions.swipe(2, tagOf(s, 2)), 'stopped');
    }
    await clock.advance(5 * MINUTE);
    assert.ok(stations.every((s) => s.queue.length > 20), 'a backlog queued while the CSMS was down');

    step(`backlog ${stations.map((s) => s.queue.length).join(' + ')} messages; restarting`);
    server = await startChargeOps(port, env);
    outputs.push(server.output);
    step('server restarted');
    await waitUntil('stations reconnect', () => stations.every((s) => s.connected && s.registrationStatus === 'Accepted'), 120_000);
    await within('the backlog replayed', Promise.all(stations.map((s) => s.transactionsDelivered())));
    step('backlog replayed');

    // After the replay: sessions run on, then everyone leaves.
    await clock.advance(10 * MINUTE);
    for (const station of stations) {
      for (let c = 1; c <= 3; c++) await station.sessions.unplug(c);
    }
    await within('the last messages delivered', Promise.all(stations.map((s) => s.transactionsDelivered())));
    step('all sessions ended');

    for (const station of stations) {
      const simulated = station.sessions.transactions;
      assert.equal(simulated.length, 4);
      const list = await api(port, 'GET', `/api/v1/sessions?stationId=${station.stationId}&limit=100`);
      assert.equal(list.status, 200);
      const records = list.body.items as Array<{ transactionId: string; status: string; energyWh: string; meterStartWh: string; meterStopWh: string; id: string }>;
      assert.equal(records.length, simulated.length, `${station.stationId}: one record per session, none doubled`);
      assert.equal(new Set(records.map((r) => r.transactionId)).size, records.length);
      for (const tx of simulated) {
        const record = records.find((r) => r.transactionId === String(tx.transactionId));
        assert.ok(record, `${station.stationId}: transaction ${tx.transactionId} recorded`);
        assert.deepEqual(
          [record.status, record.energyWh, record.meterStartWh, record.meterStopWh],
          ['completed', String(meteredWh(tx)), String(tx.meterStartWh), String(tx.meterLastWh)],
          `${station.stationId} connector ${tx.connectorId}: complete with the exact energy`,
        );
      }
      const totalSimulated = simulated.reduce((sum, tx) => sum + meteredWh(tx), 0);
      const totalRecorded = records.reduce((sum, r) => sum + Number(r.energyWh), 0);
      assert.equal(totalRecorded, totalSimulated, `${station.stationId}: energy totals`);
    }
  } catch (error) {
    step(`failed; server output:\n${outputs.map((o) => o.join('')).join('\n--- restart ---\n')}`);
    throw error;
  } finally {
    await Promise.all(stations.map((s) => s.stop()));
    server.process.kill('SIGTERM');
    const killer = setTimeout(() => server.process.kill('SIGKILL'), 15_000);
    await server.exited;
    clearTimeout(killer);
  }
}

describe('crash recovery: SIGKILL in the middle of sessions', () => {
  const dataDirs: string[] = [];
  after(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('embedded database (PGlite data dir): every session complete, none doubled, energy exact', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chargeops-crash-'));
    dataDirs.push(dir);
    await crashAndRecover({ CHARGEOPS_DATA_DIR: dir });
  });

  const adminUrl = process.env['CHARGEOPS_TEST_DATABASE_URL'];
  it('PostgreSQL: every session complete, none doubled, energy exact', { timeout: 600_000, skip: adminUrl ? false : 'set CHARGEOPS_TEST_DATABASE_URL to run against PostgreSQL' }, async () => {
    const name = `chargeops_crash_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      await crashAndRecover({ DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
