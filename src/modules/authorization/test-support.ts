// Helpers for this module's tests over real WebSocket connections.
import assert from 'node:assert/strict';
import { RawStation, waitUntil, type ApiClient } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import type { OcppVersion } from '../../protocol/versions.js';

/** A station connected and booted (Accepted: the test server registers unknown stations). */
export async function bootedStation(baseUrl: string, stationId: string, version: OcppVersion): Promise<RawStation> {
  const station = await RawStation.connect(baseUrl, stationId, [version]);
  const [, , boot] = await station.call('BootNotification', bootPayload(version));
  assert.equal((boot as { status: string }).status, 'Accepted');
  return station;
}

/** Waits for the CSMS's next `action`, answers it, and returns what it asked. */
export async function answer(station: RawStation, action: string, response: unknown): Promise<Record<string, unknown>> {
  const [, id, , payload] = await station.nextCall(action);
  station.reply(id, response);
  return payload as Record<string, unknown>;
}

export async function createToken(api: ApiClient, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string; idToken: string }> {
  const created = await api.request('POST', '/api/v1/tokens', { type: 'ISO14443', ...body }, headers);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { id: string; idToken: string };
}

/** Waits until the station's local list holds what it should. */
export async function waitSynced(api: ApiClient, stationId: string): Promise<Record<string, unknown>> {
  let view: Record<string, unknown> = {};
  await waitUntil(async () => {
    view = (await api.request('GET', `/api/v1/stations/${stationId}/local-list`)).body as Record<string, unknown>;
    return view['pending'] === false;
  });
  return view;
}
