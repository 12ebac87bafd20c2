import assert from 'node:assert/strict';
import type { RawStation } from '../../../src/testing/test-server.js';

// Generous waits: CI machines are shared, and the point here is behaviour, not speed.
export const FRAME_WAIT_MS = 30_000;
let nextId = 1;

/** Sends a CALL from the station and waits for its CALLRESULT (a CALLERROR fails the test). */
export async function call(station: RawStation, action: string, payload: unknown): Promise<unknown[]> {
  const id = `ui${nextId++}`;
  const answer = station.waitFor((frame) => (frame[0] === 3 || frame[0] === 4) && frame[1] === id, FRAME_WAIT_MS);
  station.sendText(JSON.stringify([2, id, action, payload]));
  const frame = await answer;
  assert.equal(frame[0], 3, `${action} answered ${JSON.stringify(frame)}`);
  return frame;
}

/** Waits for the CSMS's next CALL of `action` and answers it; returns its payload. */
export async function answerNext(station: RawStation, action: string, response: unknown): Promise<Record<string, unknown>> {
  const [, callId, , payload] = await station.waitFor((frame) => frame[0] === 2 && frame[2] === action, FRAME_WAIT_MS);
  station.reply(callId, response);
  return payload as Record<string, unknown>;
}
