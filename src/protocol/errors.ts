import { isOcpp2x, type OcppVersion } from './versions.js';

/**
 * The closed set of OCPP-J RPC error codes, spelled the 2.x way. 1.6 spells two of them
 * differently and lacks three; `serializeErrorCode` maps to the wire spelling per version.
 */
export type OcppErrorCode =
  | 'FormatViolation'
  | 'GenericError'
  | 'InternalError'
  | 'MessageTypeNotSupported'
  | 'NotImplemented'
  | 'NotSupported'
  | 'OccurrenceConstraintViolation'
  | 'PropertyConstraintViolation'
  | 'ProtocolError'
  | 'RpcFrameworkError'
  | 'SecurityError'
  | 'TypeConstraintViolation';

const OCPP16_SPELLING: Partial<Record<OcppErrorCode, string>> = {
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
  // 1.6 has no RpcFrameworkError nor MessageTypeNotSupported: a broken frame is a ProtocolError.
  RpcFrameworkError: 'ProtocolError',
  MessageTypeNotSupported: 'ProtocolError',
};

const OCPP16_WIRE_CODES = new Set([
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
  'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
  'TypeConstraintViolation', 'GenericError',
]);

const OCPP2X_WIRE_CODES = new Set<string>([
  'FormatViolation', 'GenericError', 'InternalError', 'MessageTypeNotSupported', 'NotImplemented',
  'NotSupported', 'OccurrenceConstraintViolation', 'PropertyConstraintViolation', 'ProtocolError',
  'RpcFrameworkError', 'SecurityError', 'TypeConstraintViolation',
]);

export function serializeErrorCode(code: OcppErrorCode, version: OcppVersion): string {
  return isOcpp2x(version) ? code : (OCPP16_SPELLING[code] ?? code);
}

/** Reads an error code a peer sent; unknown codes become GenericError (they are still logged raw). */
export function parseErrorCode(wire: string, version: OcppVersion): OcppErrorCode {
  if (isOcpp2x(version)) return OCPP2X_WIRE_CODES.has(wire) ? (wire as OcppErrorCode) : 'GenericError';
  if (!OCPP16_WIRE_CODES.has(wire)) return 'GenericError';
  if (wire === 'FormationViolation') return 'FormatViolation';
  if (wire === 'OccurenceConstraintViolation') return 'OccurrenceConstraintViolation';
  return wire as OcppErrorCode;
}

/** Thrown by a handler (or the engine) to answer a CALL with a CALLERROR. */
export class OcppCallError extends Error {
  constructor(
    readonly code: OcppErrorCode,
    readonly description: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(description);
    this.name = 'OcppCallError';
  }
}

/**
 * Turns anything a handler threw into the CALLERROR sent to the station. Internal failures are
 * reported as InternalError with a generic text so that no stack or SQL leaks to a station.
 */
export function toOcppCallError(thrown: unknown): OcppCallError {
  if (thrown instanceof OcppCallError) return thrown;
  return new OcppCallError('InternalError', 'An internal error occurred while processing the request');
}
