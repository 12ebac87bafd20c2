import type { OcppErrorCode } from './errors.js';

/** OCPP-J message type numbers. 5 (CALLRESULTERROR) and 6 (SEND) exist only in OCPP 2.1. */
export const MessageType = {
  Call: 2,
  CallResult: 3,
  CallError: 4,
  CallResultError: 5,
  Send: 6,
} as const;

export type CallFrame = { type: 2; id: string; action: string; payload: unknown };
export type CallResultFrame = { type: 3; id: string; payload: unknown };
export type CallErrorFrame = { type: 4 | 5; id: string; code: string; description: string; details: unknown };
export type SendFrame = { type: 6; id: string; action: string; payload: unknown };
export type Frame = CallFrame | CallResultFrame | CallErrorFrame | SendFrame;

/** A frame that could not be understood; `id` is what could be read of the message id ('-1' if nothing). */
export type FrameProblem = { problem: true; id: string; code: OcppErrorCode; description: string };

/** Message ids are at most 36 characters in every OCPP-J version. */
const MAX_MESSAGE_ID_LENGTH = 36;

/**
 * Parses one WebSocket text message into a frame, or describes why it is not one. Which error
 * code a problem gets is decided here, in one place:
 * - not JSON, not an array, or no readable message id: RpcFrameworkError with id '-1'
 * - a message type number this version does not know: MessageTypeNotSupported
 * - a CALL/SEND without an action string, wrong arity: RpcFrameworkError
 * - a payload that is not a JSON object: FormatViolation
 * (errors.ts turns these into the 1.6 spellings: ProtocolError / FormationViolation.)
 */
export function parseFrame(text: string, allowed: ReadonlySet<number>): Frame | FrameProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return problem('-1', 'RpcFrameworkError', 'Message is not valid JSON');
  }
  if (!Array.isArray(data)) return problem('-1', 'RpcFrameworkError', 'Message is not a JSON array');
  // Indexed reads, not destructuring: this runs for every message.
  const type: unknown = data[0];
  const id: unknown = data[1];
  if (typeof id !== 'string' || id.length === 0) {
    return problem('-1', 'RpcFrameworkError', 'Message id could not be read');
  }
  if (id.length > MAX_MESSAGE_ID_LENGTH) {
    return problem(id, 'RpcFrameworkError', `Message id is longer than ${MAX_MESSAGE_ID_LENGTH} characters`);
  }
  if (typeof type !== 'number' || !allowed.has(type)) {
    return problem(id, 'MessageTypeNotSupported', `Message type ${JSON.stringify(type)} is not supported`);
  }
  switch (type) {
    case MessageType.Call:
    case MessageType.Send: {
      const action: unknown = data[2];
      const payload: unknown = data[3];
      if (data.length !== 4 || typeof action !== 'string' || action.length === 0) {
        return problem(id, 'RpcFrameworkError', 'A CALL must be [2, id, action, payload]');
      }
      if (!isPlainObject(payload)) return problem(id, 'FormatViolation', 'Payload must be a JSON object');
      return { type, id, action, payload };
    }
    case MessageType.CallResult: {
      if (data.length !== 3) return problem(id, 'RpcFrameworkError', 'A CALLRESULT must be [3, id, payload]');
      return { type, id, payload: data[2] };
    }
    default: {
      // CALLERROR and CALLRESULTERROR: [4|5, id, code, description, details]
      const code: unknown = data[2];
      const description: unknown = data[3];
      const details: unknown = data[4];
      if (data.length !== 5 || typeof code !== 'string' || typeof description !== 'string') {
        return problem(id, 'RpcFrameworkError', 'A CALLERROR must be [4, id, code, description, details]');
      }
      return { type: type as 4 | 5, id, code, description, details };
    }
  }
}

export function isFrameProblem(value: Frame | FrameProblem): value is FrameProblem {
  return 'problem' in value;
}

function problem(id: string, code: OcppErrorCode, description: string): FrameProblem {
  return { problem: true, id, code, description };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serializeCall(id: string, action: string, payload: unknown): string {
  return JSON.stringify([MessageType.Call, id, action, payload]);
}

export function serializeCallResult(id: string, payload: unknown): string {
  return JSON.stringify([MessageType.CallResult, id, payload]);
}

export function serializeCallError(type: 4 | 5, id: string, code: string, description: string, details: unknown): string {
  // Descriptions are limited to 255 characters by OCPP-J 2.x; keep 1.6 frames equally short.
  return JSON.stringify([type, id, code, description.slice(0, 255), details ?? {}]);
}
