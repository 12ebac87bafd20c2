/**
 * Schema validation of OCPP payloads against the OCA JSON schemas, using the Ajv validators that
 * scripts/generate-protocol.ts precompiled into `./<version>/generated/validators.js`.
 * Nothing is compiled at runtime: a call is one Map lookup plus one generated function call, and
 * payloads are never modified (no defaults, coercion or removal of properties).
 */
import type { ErrorObject } from 'ajv';
import type { OcppErrorCode } from './errors.js';
import type { OcppVersion } from './versions.js';
import { OCPP16_DIRECTIONS } from './ocpp16/generated/types.js';
import { ACTION_VALIDATORS as OCPP16_VALIDATORS } from './ocpp16/generated/validators.js';
import { OCPP201_DIRECTIONS } from './ocpp201/generated/types.js';
import { ACTION_VALIDATORS as OCPP201_VALIDATORS } from './ocpp201/generated/validators.js';
import { OCPP21_DIRECTIONS } from './ocpp21/generated/types.js';
import { ACTION_VALIDATORS as OCPP21_VALIDATORS } from './ocpp21/generated/validators.js';

export type SchemaIssue = { keyword: string; instancePath: string; message: string };
export type ValidationResult = { ok: true } | { ok: false; code: OcppErrorCode; issues: SchemaIssue[] };
export type MessageDirection = 'station' | 'csms' | 'both';

export interface MessageValidator {
  readonly version: OcppVersion;
  /** The action has schemas in this version. */
  knows(action: string): boolean;
  /** Who sends it: 'station', 'csms' or 'both'; undefined for unknown actions. */
  directionOf(action: string): MessageDirection | undefined;
  /**
   * Validates a CALL payload. Unknown actions fail with NotImplemented (what OCPP-J answers to a
   * CALL with an action the receiver does not know); a payload that is not a JSON object fails
   * with TypeConstraintViolation; a schema failure gets the code from KEYWORD_ERROR_CODES.
   */
  validateRequest(action: string, payload: unknown): ValidationResult;
  /**
   * Validates a CALLRESULT payload, with the same rules as validateRequest. A SEND message
   * (2.1 NotifyPeriodicEventStream) has no response: any response to it is a FormatViolation.
   */
  validateResponse(action: string, payload: unknown): ValidationResult;
}

/**
 * The one table from the Ajv keyword that failed to the OCPP-J error code (2.x spelling; errors.ts
 * serialises the 1.6 spellings). Reading of the OCPP-J error definitions:
 * - TypeConstraintViolation: a field has the wrong JSON type.
 * - OccurrenceConstraintViolation: a field, element or property occurs too few or too many times.
 * - PropertyConstraintViolation: a field has the right type but a value out of its constraints.
 * - FormatViolation: the payload is not shaped as the schema says (unknown properties), and the
 *   fallback for any keyword not listed here.
 */
const KEYWORD_ERROR_CODES: ReadonlyMap<string, OcppErrorCode> = new Map<string, OcppErrorCode>([
  ['type', 'TypeConstraintViolation'],
  ['required', 'OccurrenceConstraintViolation'],
  ['minItems', 'OccurrenceConstraintViolation'],
  ['maxItems', 'OccurrenceConstraintViolation'],
  ['minProperties', 'OccurrenceConstraintViolation'],
  ['maxProperties', 'OccurrenceConstraintViolation'],
  ['dependencies', 'OccurrenceConstraintViolation'],
  ['enum', 'PropertyConstraintViolation'],
  ['const', 'PropertyConstraintViolation'],
  ['minimum', 'PropertyConstraintViolation'],
  ['maximum', 'PropertyConstraintViolation'],
  ['exclusiveMinimum', 'PropertyConstraintViolation'],
  ['exclusiveMaximum', 'PropertyConstraintViolation'],
  ['multipleOf', 'PropertyConstraintViolation'],
  ['minLength', 'PropertyConstraintViolation'],
  ['maxLength', 'PropertyConstraintViolation'],
  ['pattern', 'PropertyConstraintViolation'],
  ['format', 'PropertyConstraintViolation'],
  ['additionalProperties', 'FormatViolation'],
]);
const FALLBACK_ERROR_CODE: OcppErrorCode = 'FormatViolation';

/** Maps a failing Ajv keyword to its OCPP error code (see KEYWORD_ERROR_CODES). */
export function errorCodeForKeyword(keyword: string): OcppErrorCode {
  return KEYWORD_ERROR_CODES.get(keyword) ?? FALLBACK_ERROR_CODE;
}

type Validate = { (data: unknown): boolean; errors?: ErrorObject[] | null | undefined };
type ActionValidators = { readonly request: Validate; readonly response: Validate | undefined };
type Entry = ActionValidators & { readonly direction: MessageDirection };

const SOURCES: Record<OcppVersion, () => ReadonlyMap<string, Entry>> = {
  'ocpp1.6': () => entries(OCPP16_VALIDATORS, OCPP16_DIRECTIONS),
  'ocpp2.0.1': () => entries(OCPP201_VALIDATORS, OCPP201_DIRECTIONS),
  'ocpp2.1': () => entries(OCPP21_VALIDATORS, OCPP21_DIRECTIONS),
};

function entries<A extends string>(
  validators: { readonly [K in A]: ActionValidators },
  directions: { readonly [K in A]: MessageDirection },
): ReadonlyMap<string, Entry> {
  const actions = Object.keys(validators) as A[];
  return new Map(actions.map((action) => [action, { ...validators[action], direction: directions[action] }]));
}

const OK: ValidationResult = Object.freeze({ ok: true });

function failure(code: OcppErrorCode, keyword: string, message: string): ValidationResult {
  return { ok: false, code, issues: [{ keyword, instancePath: '', message }] };
}

function toIssue(error: ErrorObject): SchemaIssue {
  const params = error.params as { additionalProperty?: unknown; allowedValues?: unknown };
  let message = error.message ?? `must pass "${error.keyword}"`;
  if (error.keyword === 'additionalProperties') message += `: '${String(params.additionalProperty)}'`;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) message += `: ${params.allowedValues.join(', ')}`;
  return { keyword: error.keyword, instancePath: error.instancePath, message };
}

class PrecompiledMessageValidator implements MessageValidator {
  constructor(
    readonly version: OcppVersion,
    private readonly actions: ReadonlyMap<string, Entry>,
  ) {}

  knows(action: string): boolean {
    return this.actions.has(action);
  }

  directionOf(action: string): MessageDirection | undefined {
    return this.actions.get(action)?.direction;
  }

  validateRequest(action: string, payload: unknown): ValidationResult {
    return this.validate(action, 'request', payload);
  }

  validateResponse(action: string, payload: unknown): ValidationResult {
    return this.validate(action, 'response', payload);
  }

  private validate(action: string, kind: 'request' | 'response', payload: unknown): ValidationResult {
    const entry = this.actions.get(action);
    if (!entry) return failure('NotImplemented', 'action', `'${action}' is not an ${this.version} action`);
    const validate = entry[kind];
    if (!validate) return failure('FormatViolation', 'response', `'${action}' is a SEND message and has no response`);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return failure('TypeConstraintViolation', 'type', 'payload must be a JSON object');
    }
    if (validate(payload)) return OK;
    const errors = validate.errors ?? [];
    const first = errors[0];
    return {
      ok: false,
      code: first ? errorCodeForKeyword(first.keyword) : FALLBACK_ERROR_CODE,
      issues: errors.map(toIssue),
    };
  }
}

const validators = new Map<OcppVersion, MessageValidator>();

/** The validator of a version; built once per version (from precompiled code) and then shared. */
export function getMessageValidator(version: OcppVersion): MessageValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = new PrecompiledMessageValidator(version, SOURCES[version]());
    validators.set(version, validator);
  }
  return validator;
}
