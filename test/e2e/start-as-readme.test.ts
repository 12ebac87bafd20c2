import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { SimulatedStation } from '../../src/simulator/simulated-station.js';
import type { OcppVersion } from '../../src/protocol/versions.js';

/**
 * Starts ChargeOps exactly as the README says (`npm start`, configured through the environment),
 * connects a simulated station of each OCPP version and sends each a command through the REST API.
 */

const API_KEY = 'cok_e2e-test-key-0123456789abcdefghijklmnop';

type Started = { process: ChildProcess; output: string[]; baseUrl: string; stopped: Promise<number | null> };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  assert.ok(existsSync('dist/src/cli/chargeops.js'), 'dist/ is missing: run npm install (or npm run build) first');
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), CHARGEOPS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, like a shell job
  });
  const output: string[] = [];
  const stopped = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in 60 s:\n${output.join('')}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /ready .* dashboard (http:\/\/\S+)\/ /.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void stopped.then((code) => reject(new Error(`npm start exited with ${code}:\n${output.join('')}`)));
  });
  return { process: child, output, baseUrl: await ready, stopped };
}

/** Ctrl-C: SIGINT to the whole process group (npm and the node process behind it). */
async function stop(started: Started): Promise<boolean> {
  process.kill(-started.process.pid!, 'SIGINT');
  await started.stopped;
  return started.output.join('').includes('ChargeOps stopped cleanly.');
}

async function exerciseThreeVersions(baseUrl: string, apiKey: string): Promise<void> {
  const versions: OcppVersion[] = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];
  const stations = versions.map((version) => new SimulatedStation({
    url: `${baseUrl.replace(/^http/, 'ws')}/ocpp`, stationId: `E2E-${version}`, version, connectors: 2,
  }));
  try {
    for (const station of stations) {
      const boot = await station.start();
      assert.equal(boot.status, 'Accepted', `${station.stationId} boots`);
    }
    for (const station of stations) {
      const detail = await (await fetch(`${baseUrl}/api/v1/stations/${station.stationId}`, { headers: { authorization: `Bearer ${apiKey}` } })).json() as { online: boolean; ocppVersion: string; evses: unknown[] };
      assert.equal(detail.online, true);
      assert.equal(detail.ocppVersion, station.version);
      assert.equal(detail.evses.length, 2, 'status of both connectors reported');

      const received = new Promise<string>((resolve) => station.once('callReceived', (action) => resolve(action)));
      const response = await fetch(`${baseUrl}/api/v1/stations/${station.stationId}/ocpp/TriggerMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requestedMessage: 'Heartbeat' }),
      });
      const body = await response.json() as { response: { status: string }; ocppVersion: string };
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.ocppVersion, station.version);
      assert.equal(body.response.status, 'Accepted');
      assert.equal(await received, 'TriggerMessage');
    }
  } finally {
    await Promise.all(stations.map((station) => station.stop()));
  }
}

describe('ChargeOps started as the README says', () => {
  const dataDirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'chargeops-e2e-'));
    dataDirs.push(dir);
    return dir;
  };
  after(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('npm start on the embedded database serves three OCPP versions and the REST API', async () => {
    const started = await npmStart({ CHARGEOPS_DATA_DIR: newDataDir(), CHARGEOPS_UNKNOWN_STATIONS: 'accept', CHARGEOPS_API_KEY: API_KEY });
    try {
      const line = started.output.join('');
      assert.match(line, /API docs http:\/\/\S+\/api\/docs/);
      assert.match(line, /OCPP ws:\/\/\S+\/ocpp\/<stationId>/);
      assert.equal((await fetch(`${started.baseUrl}/ready`)).status, 200);
      await exerciseThreeVersions(started.baseUrl, API_KEY);
    } finally {
      assert.ok(await stop(started), 'graceful shutdown completes');
    }
  });

  it('prints a generated admin key on the first start only, and keeps data across restarts', async () => {
    const dataDir = newDataDir();
    const first = await npmStart({ CHARGEOPS_DATA_DIR: dataDir });
    let key: string;
    try {
      const match = /Admin API key \(shown once, store it now\): (cok_\S+)/.exec(first.output.join(''));
      assert.ok(match?.[1], 'the first start prints a key');
      key = match[1];
      const created = await fetch(`${first.baseUrl}/api/v1/stations`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'KEEP-1' }),
      });
      assert.equal(created.status, 201);
    } finally {
      await stop(first);
    }
    const second = await npmStart({ CHARGEOPS_DATA_DIR: dataDir });
    try {
      assert.doesNotMatch(second.output.join(''), /Admin API key/);
      const kept = await fetch(`${second.baseUrl}/api/v1/stations/KEEP-1`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(kept.status, 200);
    } finally {
      await stop(second);
    }
  });

  it('a bad configuration value stops the start with a message naming the key', async () => {
    await assert.rejects(npmStart({ CHARGEOPS_DATA_DIR: newDataDir(), CHARGEOPS_UNKNOWN_STATIONS: 'sometimes' }), /unknownStations: expected one of reject, pending, accept/);
  });

  const adminUrl = process.env['CHARGEOPS_TEST_DATABASE_URL'];
  it('DATABASE_URL switches to PostgreSQL', { skip: adminUrl ? false : 'set CHARGEOPS_TEST_DATABASE_URL to run against PostgreSQL' }, async () => {
    const name = `chargeops_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      const started = await npmStart({ DATABASE_URL: url.toString(), CHARGEOPS_UNKNOWN_STATIONS: 'accept', CHARGEOPS_API_KEY: API_KEY });
      try {
        assert.match(started.output.join(''), /ready \(PostgreSQL\)/);
        await exerciseThreeVersions(started.baseUrl, API_KEY);
      } finally {
        assert.ok(await stop(started), 'graceful shutdown completes');
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
