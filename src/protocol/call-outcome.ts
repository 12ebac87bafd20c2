import type { OcppErrorCode } from './errors.js';
import type { SchemaIssue } from './validation.js';

/**
 * What became of a CALL sent to a peer. Every caller handles every kind: the type system makes
 * "the station is offline" as ordinary an answer as the response itself.
 */
export type CallOutcome<TResponse = unknown> =
  | { kind: 'result'; payload: TResponse }
  | { kind: 'error'; code: OcppErrorCode; wireCode: string; description: string; details: unknown }
  | { kind: 'invalid-response'; code: OcppErrorCode; issues: SchemaIssue[]; payload: unknown }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'offline' }
  | { kind: 'busy'; queued: number }
  | { kind: 'invalid-request'; code: OcppErrorCode; issues: SchemaIssue[] };
